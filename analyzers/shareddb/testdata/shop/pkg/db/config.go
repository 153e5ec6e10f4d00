package db

import (
	"net/url"

	"github.com/jmoiron/sqlx"
)

// Config says where a database is; OpenConfig builds its DSN from the
// fields, the shape of the sqldb package of services built from
// ardanlabs/service.
type Config struct {
	User       string
	Password   string
	Host       string
	Name       string
	DisableTLS bool
}

// OpenConfig's summary names the fields its callers must fill.
func OpenConfig(cfg Config) (*sqlx.DB, error) { // want OpenConfig:`dsn\(pgx\) postgres://{paramfield0:cfg.Host}{paramfield0:cfg.Name\|path} via sqlx.Open`
	sslMode := "require"
	if cfg.DisableTLS {
		sslMode = "disable"
	}
	q := make(url.Values)
	q.Set("sslmode", sslMode)
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(cfg.User, cfg.Password),
		Host:     cfg.Host,
		Path:     cfg.Name,
		RawQuery: q.Encode(),
	}
	return sqlx.Open("pgx", u.String())
}
