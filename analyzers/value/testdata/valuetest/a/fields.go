package a

import (
	"flag"
	"os"
)

type settings struct {
	Addr  string
	DSN   string
	Cache string
	Peer  string
}

func (s *settings) load() { s.Peer = os.Getenv("PEER") }

// cfg is filled in by init: its fields resolve in the whole package.
var cfg settings

func init() {
	cfg.Addr = os.Getenv("REDIS_ADDR")
	flag.StringVar(&cfg.DSN, "dsn", "postgres://orders-db/orders", "database")
}

func fields() {
	show(cfg.Addr) // want `^\{env:REDIS_ADDR\} origin=env REDIS_ADDR$`
	show(cfg.DSN)  // want `^\{flag:dsn\} origin=flag -dsn pattern=postgres://orders-db/orders$`

	var local settings
	local.Addr = os.Getenv("ORDERS_ADDR")
	if local.Addr == "" {
		local.Addr = "orders:9090"
	}
	show(local.Addr) // want `^\{env:ORDERS_ADDR\} origin=env ORDERS_ADDR pattern=orders:9090$`

	inline := os.Getenv("ORDERS_ADDR")
	if inline == "" {
		inline = "orders:9090"
	}
	show(inline) // want `^\{env:ORDERS_ADDR\} origin=env ORDERS_ADDR pattern=orders:9090$`

	lit := settings{Addr: "orders:9090"}
	lit.DSN = "postgres://orders-db/orders"
	show(lit.Addr) // want `^orders:9090 origin=literal$`
	show(lit.DSN)  // want `^postgres://orders-db/orders origin=literal$`

	// Unknown: several values, a copy, an address taken, a pointer method.
	two := settings{Addr: "a:1"}
	two.Addr = "b:2"
	show(two.Addr) // want `^\{unknown:field Addr of two assigned several values\}`

	copied := cfg
	copied.Cache = "cache:11211"
	show(copied.Cache) // want `^\{unknown:field Cache of copied\}`

	taken := settings{}
	taken.Cache = "cache:11211"
	p := &taken.Cache
	_ = p
	show(taken.Cache) // want `^\{unknown:address taken\}`

	loaded := settings{}
	loaded.Peer = "peer:1"
	loaded.load()
	show(loaded.Peer) // want `^\{unknown:fields of loaded set by method load\}`

	appended := settings{}
	appended.Addr = "orders"
	appended.Addr += ":9090"
	show(appended.Addr) // want `^\{unknown:updated with \+=\}`
}

// param's fields come from its caller.
func param(s settings) {
	s.Addr = "orders:9090"
	show(s.Addr) // want `^\{unknown:fields of parameter s\}`
}
