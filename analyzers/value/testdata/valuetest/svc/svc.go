// Package svc calls the shared config helpers: their facts resolve the calls.
package svc

import (
	"os"

	"example.com/valuetest/config"
	"github.com/spf13/afero"
)

func show(s string) {}

func values(s *config.Settings, key string) {
	show(config.Getenv("CHECKOUT_DSN", "postgres://u:p@checkout-db:5432/checkout")) // want `^\{env:CHECKOUT_DSN\} origin=env CHECKOUT_DSN pattern=postgres://u:p@checkout-db:5432/checkout$`
	show(config.MustEnv("ORDERS_URL") + "/v1/orders")                               // want `^\{env:ORDERS_URL\}/v1/orders origin=env ORDERS_URL$`
	show(config.OrdersURL() + "/v1/orders")                                         // want `^http://orders:8080/v1/orders origin=literal$`
	show(config.DSN("orders-db"))                                                   // want `^postgres://app:s3cr3t@orders-db:5432/orders origin=literal$`
	show(config.Addr())                                                             // want `^\{env:REDIS_ADDR\} origin=env REDIS_ADDR pattern=orders-redis:6379$`
	h, _, _ := config.Endpoints()
	show(h) // want `^orders:9090 origin=literal$`
	_, port := config.Pair()
	show(port) // want `^9090 origin=literal$`
	u, _ := config.Parse()
	show(u.String())                                // want `^http://orders:8080/v1 origin=literal$`
	show(s.Base("/v1"))                             // want `^http://orders:8080/v1 origin=literal$`
	show(config.Getenv(key, os.Getenv("FALLBACK"))) // want `^\{env\(param1:key\)\|then FALLBACK\} origin=env named by parameter key$`
	show("http://" + config.Setting("orders.addr")) // want `^http://\{config:orders.addr\} origin=config key orders.addr$`
	show(config.Setting(key))                       // want `^\{config\(param1:key\)\} origin=config key named by parameter key$`
	show(config.Setting(os.Args[1]))                // want `^\{unknown:configuration key computed at the call\}`
	show(config.Service("orders"))                  // want `^\{unknown:call to example.com/valuetest/config.Service\}`
	show(config.LoadServices().OrdersURL + "/v1")   // want `^\{env:ORDERS_URL\}/v1 origin=env ORDERS_URL pattern=http://orders:8080/v1$`
	show(config.LoadServices().PaymentURL)          // want `^http://payments:8080 origin=literal$`
	show(config.LoadServices().Billing.URL)         // want `^\{env:BILLING_URL\} origin=env BILLING_URL pattern=http://billing:8080$`
	show(config.LoadServices().OrdersAPI())         // want `^\{env:ORDERS_URL\}/api origin=env ORDERS_URL pattern=http://orders:8080/api$`
	show(config.LoadDecoded(nil).OrdersURL)         // want `^\{configfield:config.Decoded.OrdersURL\|default http://localhost:8080\} origin=config field config.Decoded.OrdersURL pattern=http://localhost:8080$`
	show(config.LoadDecoded(nil).StockURL)          // want `^\{configfield:config.Decoded.StockURL\} origin=config field config.Decoded.StockURL$`

	// No facts: unknown.
	show(s.URL())             // want `^\{unknown:call to \(\*example.com/valuetest/config.Settings\).URL\}`
	show(config.Either(true)) // want `^\{unknown:call to example.com/valuetest/config.Either\}`
	show(config.Hostname())   // want `^\{unknown:call to example.com/valuetest/config.Hostname\}`
	// A dependency module gets no fact, though this method returns a constant.
	show(afero.OsFs{}.Name()) // want `^\{unknown:call to \(github.com/spf13/afero.OsFs\).Name\}`
}

// server's address is stored by the shared helper: its fact says what it
// stores through its pointer.
type server struct {
	ordersAddr string
	trimmed    string
}

func newServer() *server {
	s := &server{}
	config.MustMapEnv(&s.ordersAddr, "ORDERS_ADDR")
	s.trimmed = "orders:9090"
	config.Trim(&s.trimmed) // no fact: what it does with the address is unknown
	return s
}

func (s *server) calls() {
	show(s.ordersAddr) // want `^\{env:ORDERS_ADDR\} origin=env ORDERS_ADDR$`
	show(s.trimmed)    // want `^\{field:example.com/valuetest/svc.server.trimmed\}`
}

// Fields of a struct argument fill the fields the callee's summary reads.
func databases(host string) {
	show(config.DBURL(config.DB{Host: "orders-db", Name: "orders", TLS: config.TLS{Mode: "disable"}})) // want `^postgres://orders-db/orders\?sslmode=disable origin=literal$`
	show(config.DBURL(config.DB{Host: os.Getenv("DB_HOST")}))                                          // want `^postgres://\{env:DB_HOST\}\{unknown:field Name of the argument not set\}\?sslmode=\{unknown:field TLS.Mode of the argument not set\} origin=env DB_HOST$`
	db := config.DB{Host: "orders-db", Name: "orders"}
	db.TLS.Mode = "require"
	show(config.Forward(db))                                       // want `^postgres://orders-db/orders\?sslmode=require origin=literal$`
	show(config.DBURL(config.DB{Host: host, Name: "orders"}) + "") // want `^postgres://\{param0:host\}/orders\?sslmode=\{unknown:field TLS.Mode of the argument not set\} origin=parameter host$`
	show(config.Defaulted(config.DB{Host: "orders-db"}))           // want `^postgres://\{unknown:fields of parameter cfg\} origin=literal$`
	show(config.DBURL(dbs()[0]))                                   // want `^postgres://\{unknown:field Host of the argument: not a struct literal or variable\}`
}

func dbs() []config.DB { return nil }

// A wrapper of the shared wrapper in this package forwards its own parameter.
func ordersDB(cfg config.DB) string { return config.DBURL(cfg) }

func callsOrdersDB() {
	show(ordersDB(config.DB{Host: "orders-db", Name: "orders", TLS: config.TLS{Mode: "disable"}})) // want `^postgres://orders-db/orders\?sslmode=disable origin=literal$`
}
