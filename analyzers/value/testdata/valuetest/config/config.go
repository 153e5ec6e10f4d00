// Package config is shared code: helpers every service uses to read its
// configuration. value.Analyzer exports their return summaries as facts.
package config

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/spf13/viper"
)

// Getenv returns the environment variable key, or def when it is empty.
func Getenv(key, def string) string { // want Getenv:`^returns \{env\(param0:key\)\|default param1\}$`
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// MustEnv returns the environment variable key; it exits when it is unset.
func MustEnv(key string) string { // want MustEnv:`^returns \{env\(param0:key\)\}$`
	v, ok := os.LookupEnv(key)
	if !ok {
		panic(key + " is not set")
	}
	return v
}

// Setting reads a configuration key through viper: its callers name the key.
func Setting(key string) string { // want Setting:`^returns \{config\(param0:key\)\}$`
	return strings.TrimSpace(viper.GetString(key))
}

// Service reads "<name>.addr", a key computed inside the helper: unknown.
func Service(name string) string { return viper.GetString(name + ".addr") }

// OrdersURL is where orders listens.
func OrdersURL() string { return "http://orders:8080" } // want OrdersURL:`^returns http://orders:8080$`

// DSN builds the orders DSN around a host; the password never shows in facts.
func DSN(host string) string { // want DSN:`^returns postgres://\*\*\*@\{param0:host\}:5432/orders$`
	return fmt.Sprintf("postgres://app:s3cr3t@%s:5432/orders", host)
}

// Addr is the getenv idiom through a helper of this package.
func Addr() string { return Getenv("REDIS_ADDR", "orders-redis:6379") } // want Addr:`^returns \{env:REDIS_ADDR\}$`

// Endpoints returns a host and a port; only the string result has a summary.
func Endpoints() (string, int, error) { // want Endpoints:`^returns orders:9090$`
	return "orders:9090", 9090, nil
}

// Pair has two string results.
func Pair() (host, port string) { // want Pair:`^returns orders; returns\[1\] 9090$`
	return "orders", "9090"
}

// Parse returns a parsed URL.
func Parse() (*url.URL, error) { // want Parse:`^returns http://orders:8080/v1$`
	u, err := url.Parse("http://orders:8080/v1")
	if err != nil {
		return nil, err
	}
	return u, nil
}

// Settings is configuration read once.
type Settings struct{ base string }

// URL is a method: its summary follows a field of this package, which its
// callers cannot follow, so it has no fact.
func (s *Settings) URL() string { return s.base }

// Base is a method whose summary is known.
func (s *Settings) Base(path string) string { return OrdersURL() + path } // want Base:`^returns http://orders:8080\{param0:path\}$`

// Either disagrees with itself: no fact.
func Either(debug bool) string {
	if debug {
		return "http://orders-debug:8080"
	}
	return "http://orders:8080"
}

// Hostname is unknown: no fact.
func Hostname() string { h, _ := os.Hostname(); return h }

// Timeout is not a string: no fact.
func Timeout() int { return 5 }

// getenv is not exported: no fact (Getenv has one).
func getenv(key string) string { return strings.TrimSpace(os.Getenv(key)) }

var _ = getenv

// paymentsURL is overridden by this package's tests (config_test.go),
// which production code never sees.
var paymentsURL = "http://payments:8080"

// PaymentsURL is where payments listens: its fact is the same whether or
// not the package is analysed with its tests.
func PaymentsURL() string { return paymentsURL } // want PaymentsURL:`^returns http://payments:8080$`

// MustMapEnv stores the environment variable envKey in *target; it panics
// when the variable is unset.
func MustMapEnv(target *string, envKey string) { // want MustMapEnv:`^stores \*param0 \{env\(param1:envKey\)\}$`
	v := os.Getenv(envKey)
	if v == "" {
		panic(fmt.Sprintf("environment variable %q not set", envKey))
	}
	*target = v
}

// Trim only reads through its pointer: it stores nothing, and gets no fact.
func Trim(target *string) int { return len(strings.TrimSpace(*target)) }

// DB says where a database is: DBURL builds its URL from the fields.
type DB struct {
	Host string
	Name string
	TLS  TLS
}

// TLS is nested in DB.
type TLS struct{ Mode string }

// DBURL reads fields of its struct parameter: its summary names them.
func DBURL(cfg DB) string { // want DBURL:`^returns postgres://\{paramfield0:cfg.Host\}\{paramfield0:cfg.Name\|path\}\?sslmode=\{paramfield0:cfg.TLS.Mode\}$`
	u := url.URL{Scheme: "postgres", Host: cfg.Host, Path: cfg.Name}
	return u.String() + "?sslmode=" + cfg.TLS.Mode
}

// Forward passes its parameter on: DBURL's fields are its own.
func Forward(db DB) string { return DBURL(db) } // want Forward:`^returns postgres://\{paramfield0:db.Host\}\{paramfield0:db.Name\|path\}\?sslmode=\{paramfield0:db.TLS.Mode\}$`

// Defaulted writes a field of its parameter: not the caller's value any more.
func Defaulted(cfg DB) string { // want Defaulted:`^returns postgres://\{unknown:fields of parameter cfg\}$`
	if cfg.Host == "" {
		cfg.Host = "localhost"
	}
	return "postgres://" + cfg.Host
}

// Services is configuration the package builds by hand for others: the
// value LoadServices writes to a field is a fact, which the packages that
// read the field resolve it to.
type Services struct {
	OrdersURL  string // want OrdersURL:`^field value \{env:ORDERS_URL\}$`
	PaymentURL string // want PaymentURL:`^field value http://payments:8080$`
	Mode       string
	Billing    Billing
}

// Billing is made with Services, in its field.
type Billing struct {
	URL string // want URL:`^field value \{env:BILLING_URL\}$`
}

// LoadServices returns the configuration from the environment.
func LoadServices() *Services {
	s := &Services{OrdersURL: Getenv("ORDERS_URL", "http://orders:8080"), Billing: Billing{URL: Getenv("BILLING_URL", "http://billing:8080")}}
	s.PaymentURL = "http://payments:8080"
	return s
}

// Decoded is filled by a decoder over the defaults a literal gives: its
// fields get facts of their defaults only, which importers read as config
// fields with those defaults. A default that is not known text gets none.
type Decoded struct {
	OrdersURL string // want OrdersURL:`^field default http://localhost:8080$`
	StockURL  string
}

// LoadDecoded decodes data over the defaults.
func LoadDecoded(data []byte) *Decoded {
	d := &Decoded{OrdersURL: "http://localhost:8080", StockURL: Getenv("STOCK_URL", "http://stock")}
	json.Unmarshal(data, d)
	return d
}

// OrdersAPI builds on a fixed field: its fact keeps the field, which
// importers replace by the field's fact.
func (s Services) OrdersAPI() string { return s.OrdersURL + "/api" } // want OrdersAPI:`^returns \{field:example.com/valuetest/config.Services.OrdersURL\}/api$`
