package a

import (
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"

	"github.com/knadh/koanf/v2"
	"github.com/spf13/viper"
)

func show(s string) {}

const host = "orders-db"

type Config struct {
	DatabaseURL string `env:"ORDERS_DATABASE_URL"`
	Plain       string
}

var dsnFlag = flag.String("dsn", "postgres://orders-db/orders", "database")

var addr string

func init() {
	flag.StringVar(&addr, "addr", "orders:8080", "orders address")
}

func values(cfg map[string]string, c Config, unknown func() string) {
	show("postgres://" + host + ":5432/orders") // want `postgres://orders-db:5432/orders origin=literal`
	show(os.Getenv("ORDERS_DATABASE_URL"))      // want `\{env:ORDERS_DATABASE_URL\} origin=env ORDERS_DATABASE_URL`
	v, ok := os.LookupEnv("REDIS_ADDR")
	_ = ok
	show(v)                                                                                              // want `\{env:REDIS_ADDR\} origin=env REDIS_ADDR`
	show(*dsnFlag)                                                                                       // want `\{flag:dsn\} origin=flag -dsn pattern=postgres://orders-db/orders`
	show(addr)                                                                                           // want `\{flag:addr\} origin=flag -addr pattern=orders:8080`
	show(fmt.Sprintf("postgres://%s:%s@%s/%s", "u", unknown(), host, "orders"))                          // want `postgres://u:\{unknown:call to unknown\}@orders-db/orders`
	show(strings.Join([]string{"u", ":", os.Getenv("DB_PASSWORD"), "@tcp(", host, ":3306)/orders"}, "")) // want `^u:\{env:DB_PASSWORD\}@tcp\(orders-db:3306\)/orders origin=env DB_PASSWORD$`
	show(strings.Join([]string{"orders-db", "5432"}, ":"))                                               // want `^orders-db:5432 origin=literal$`
	show(strings.Join(strings.Fields("a b"), ":"))                                                       // want `^\{unknown:strings.Join\}`
	show(cfg["OrdersDBAddress"])                                                                         // want `\{config:OrdersDBAddress\} origin=config key OrdersDBAddress`
	show(viper.GetString("orders.db"))                                                                   // want `\{config:orders.db\}`
	show(viper.New().GetString("orders.db"))                                                             // want `\{config:orders.db\}`
	show(koanf.New(".").String("orders.db"))                                                             // want `\{config:orders.db\}`
	show(koanf.New(".").MustString("orders.db"))                                                         // want `\{config:orders.db\}`
	show(c.DatabaseURL)                                                                                  // want `\{env:ORDERS_DATABASE_URL\}`
	show(c.Plain)                                                                                        // want `^\{paramfield1:c.Plain\} origin=field Plain of parameter c$`
	show(net.JoinHostPort(host, "6379"))                                                                 // want `orders-db:6379 origin=literal`

	one := "mysql"
	show(one) // want `mysql origin=literal`

	agree := "a"
	if unknown() != "" {
		agree = "a"
	}
	show(agree) // want `a origin=literal`

	disagree := "a"
	if unknown() != "" {
		disagree = "b"
	}
	show(disagree) // want `\{unknown:variable disagree assigned several values\}`

	escaped := "x"
	p := &escaped
	_ = p
	show(escaped) // want `\{unknown:address taken\}`

	for _, r := range []string{"x"} {
		show(r) // want `\{unknown:range variable\}`
	}
}

func wrapper(driver, dsn string) {
	show("tcp(" + dsn + ")") // want `tcp\(\{param1:dsn\}\) origin=parameter dsn`
	dsn2 := dsn
	show(dsn2) // want `\{param1:dsn\}`
	driver = "x"
	show(driver) // want `^x origin=literal$`
}

// Parameters reassigned in order, in the function's own statements.
func reassigned(instance, base string, insecure bool) {
	show(instance) // want `^\{param0:instance\} origin=parameter instance$`
	instance = "http://" + instance
	show(instance + "/x") // want `^http://\{param0:instance\}/x origin=parameter instance$`
	instance = instance + "/v1"
	show(instance) // want `^http://\{param0:instance\}/v1 origin=parameter instance$`
	go func() {
		show(instance) // want `^\{unknown:parameter instance reassigned\}`
	}()

	// A reassignment in a branch: either value may reach the read.
	if insecure {
		base = "http://" + base
	}
	show(base) // want `^\{unknown:parameter base reassigned\}`
}

func normalised(client any, baseURL string) {
	baseURL = strings.TrimRight(baseURL, "/")
	show(baseURL + "/shop.orders.v1.OrderService/GetOrder") // want `\{param1:baseURL\}/shop.orders.v1.OrderService/GetOrder`
}

func urls() {
	u, _ := url.Parse("http://orders:8080/v1/orders")
	show(u.String())                                                   // want `http://orders:8080/v1/orders origin=literal`
	show((&url.URL{Scheme: "http", Host: host, Path: "/v1"}).String()) // want `http://orders-db/v1 origin=literal`
}
