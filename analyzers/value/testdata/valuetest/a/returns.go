package a

import (
	"cmp"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"strings"
)

// Helpers whose results resolve through their return summaries.

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func lookupenv(key, def string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	return v
}

func mustEnv(key string) string {
	v, ok := os.LookupEnv(key)
	if !ok {
		log.Fatalf("%s is not set", key)
	}
	return v
}

func ordersURL() string { return "http://orders:8080" }

func dsn(host string) string { return fmt.Sprintf("postgres://app@%s:5432/orders", host) }

// redisAddr is the getenv idiom without parameters.
func redisAddr() string {
	if v := os.Getenv("REDIS_ADDR"); v != "" {
		return v
	}
	return "orders-redis:6379"
}

// envOr wraps getenv: its callers name the variable and the default.
func envOr(key, def string) string { return getenv(key, def) }

// required keeps only the key of getenv's summary.
func required(key string) string { return getenv(key, "") }

func dsnFromEnv() (string, error) {
	v := os.Getenv("ORDERS_DATABASE_URL")
	if v == "" {
		return "", errors.New("ORDERS_DATABASE_URL is not set")
	}
	return v, nil
}

func parsed() (*url.URL, error) {
	u, err := url.Parse("http://orders:8080/v1")
	if err != nil {
		return nil, err
	}
	return u, nil
}

func named() (addr string) {
	addr = "orders:9090"
	return
}

func forwarded() (string, error) { return dsnFromEnv() }

type client struct{}

func (client) base(path string) string { return ordersURL() + path }

func values2(c client) {
	show(getenv("CHECKOUT_DSN", "postgres://u:p@checkout-db:5432/checkout")) // want `\{env:CHECKOUT_DSN\} origin=env CHECKOUT_DSN pattern=postgres://u:p@checkout-db:5432/checkout`
	show(lookupenv("ORDERS_URL", "http://orders:8080"))                      // want `\{env:ORDERS_URL\} origin=env ORDERS_URL pattern=http://orders:8080`
	show(mustEnv("ORDERS_URL"))                                              // want `^\{env:ORDERS_URL\} origin=env ORDERS_URL$`
	show(ordersURL() + "/v1/orders")                                         // want `^http://orders:8080/v1/orders origin=literal$`
	show(dsn("orders-db"))                                                   // want `^postgres://app@orders-db:5432/orders origin=literal$`
	show(redisAddr())                                                        // want `\{env:REDIS_ADDR\} origin=env REDIS_ADDR pattern=orders-redis:6379`
	show(envOr("PAYMENTS_URL", "http://payments"))                           // want `\{env:PAYMENTS_URL\} origin=env PAYMENTS_URL pattern=http://payments`
	show(required("STOCK_URL"))                                              // want `^\{env:STOCK_URL\} origin=env STOCK_URL$`
	show(cmp.Or(os.Getenv("SEARCH_URL"), "http://search"))                   // want `\{env:SEARCH_URL\} origin=env SEARCH_URL pattern=http://search`
	d, _ := dsnFromEnv()
	show(d) // want `^\{env:ORDERS_DATABASE_URL\} origin=env ORDERS_DATABASE_URL$`
	u, _ := parsed()
	show(u.String()) // want `^http://orders:8080/v1 origin=literal$`
	show(named())    // want `^orders:9090 origin=literal$`
	f, _ := forwarded()
	show(f)                     // want `^\{env:ORDERS_DATABASE_URL\}`
	show(c.base("/v1"))         // want `^http://orders:8080/v1 origin=literal$`
	show(client.base(c, "/v2")) // want `^http://orders:8080/v2 origin=literal$`
}

// First-set helpers: the first of several variables that is set.

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func coalesce(prefix string, values ...string) string {
	for _, v := range values {
		if len(v) > 0 {
			return v
		}
	}
	return ""
}

// lastNonEmpty loops like firstNonEmpty but keeps going: not the idiom.
func lastNonEmpty(values ...string) string {
	last := ""
	for _, v := range values {
		if v != "" {
			last = v
		}
	}
	return last
}

func firstSets(cfg struct{ DSN string }) {
	show(cmp.Or(os.Getenv("ORDERS_DB_URL"), os.Getenv("DB_URL"), "postgres://db/orders"))        // want `^\{env:ORDERS_DB_URL\|then DB_URL\} origin=env ORDERS_DB_URL or DB_URL pattern=postgres://db/orders$`
	show(getenv("ORDERS_DB_URL", getenv("DB_URL", "postgres://db/orders")))                      // want `^\{env:ORDERS_DB_URL\|then DB_URL\} origin=env ORDERS_DB_URL or DB_URL pattern=postgres://db/orders$`
	show(firstNonEmpty(os.Getenv("ORDERS_DB_URL"), os.Getenv("DB_URL")))                         // want `^\{env:ORDERS_DB_URL\|then DB_URL\} origin=env ORDERS_DB_URL or DB_URL$`
	show(firstNonEmpty(os.Getenv("A"), "", os.Getenv("B"), os.Getenv("C"), "x", os.Getenv("D"))) // want `^\{env:A\|then B,C\} origin=env A or B or C pattern=x$`
	show(coalesce("p", getenv("A", ""), os.Getenv("B")))                                         // want `^\{env:A\|then B\} origin=env A or B$`
	show(firstNonEmpty(os.Getenv("ORDERS_DB_URL")))                                              // want `^\{env:ORDERS_DB_URL\} origin=env ORDERS_DB_URL$`
	show(firstNonEmpty(cfg.DSN, os.Getenv("DB_URL")))                                            // want `^\{unknown:first non-empty of values that are not environment variables\}`
	show(lastNonEmpty(os.Getenv("A"), os.Getenv("B")))                                           // want `^\{unknown:call to example.com/valuetest/a.lastNonEmpty`
	show(cmp.Or(os.Getenv("A"), cfg.DSN, "x"))                                                   // want `^\{unknown:cmp.Or\}`
}

// Helpers that must stay unknown.

func either(debug bool) string {
	if debug {
		return "http://orders-debug:8080"
	}
	return "http://orders:8080"
}

func fromArgs() string { return os.Args[1] }

func loop(n int) string {
	if n == 0 {
		return loop(n - 1)
	}
	return "x"
}

func envOrEnv() string {
	if v := os.Getenv("A"); v != "" {
		return v
	}
	return os.Getenv("B")
}

func closure() string {
	f := func() string { return "inner" }
	_ = f
	return os.Args[0]
}

func unknowns(key string) {
	show(either(false))                       // want `^\{unknown:call to example.com/valuetest/a.either\}`
	show(fromArgs())                          // want `^\{unknown:call to example.com/valuetest/a.fromArgs\}`
	show(loop(1))                             // want `^\{unknown:call to example.com/valuetest/a.loop\}`
	show(envOrEnv())                          // want `^\{unknown:call to example.com/valuetest/a.envOrEnv\}`
	show(closure())                           // want `^\{unknown:call to example.com/valuetest/a.closure\}`
	show(getenv(key, "http://orders:8080"))   // want `^\{env\(param0:key\)\} origin=env named by parameter key pattern=http://orders:8080$`
	show(getenv(os.Args[1], "http://orders")) // want `^\{unknown:environment variable with a computed key\}`
	show(getenv("ORDERS_URL", os.Args[1]))    // want `^\{env:ORDERS_URL\} origin=env ORDERS_URL$`
	show(getenv("ORDERS_URL", key))           // want `^\{env:ORDERS_URL\|default param0\} origin=env ORDERS_URL$`
}

// A struct returned by value: a field of the variable that holds the
// result is what the function's returns give it.

type storeConfig struct {
	Backend string
	DSN     string
}

func loadStoreConfig(backend string) storeConfig {
	cfg := storeConfig{
		Backend: backend,
		DSN:     strings.TrimSpace(firstNonEmpty(os.Getenv("STORE_DSN"), os.Getenv("COMMON_DSN"))),
	}
	if cfg.Backend == "" {
		cfg.Backend = "memory"
	}
	return cfg
}

func storeDSN(cfg storeConfig) string { return cfg.DSN }

func storeBackend(cfg storeConfig) string { return "backend=" + cfg.Backend }

func storeConfigs(debug bool) {
	cfg := loadStoreConfig("pg")
	show(storeDSN(cfg))     // want `^\{env:STORE_DSN\|then COMMON_DSN\} origin=env STORE_DSN or COMMON_DSN$`
	show(storeBackend(cfg)) // want `^backend=\{unknown:`
	other := loadStoreConfig("pg")
	if debug {
		other = storeConfig{DSN: "postgres://debug"}
	}
	show(storeDSN(other)) // want `^\{unknown:`
}
