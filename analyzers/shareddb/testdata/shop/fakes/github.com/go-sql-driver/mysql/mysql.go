// Stand-in for github.com/go-sql-driver/mysql: just the signatures couplingvet's fixtures use.
package mysql

type Config struct {
	User   string
	Passwd string
	Net    string
	Addr   string
	DBName string
}

func NewConfig() *Config                   { return &Config{} }
func (cfg *Config) FormatDSN() string      { return "" }
func ParseDSN(dsn string) (*Config, error) { return nil, nil }
