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
	Redis redisSettings
	Ptr   *redisSettings
}

type redisSettings struct {
	Addr string
	DB   string
}

func (r *redisSettings) load() { r.Addr = os.Getenv("REDIS_URL") }

func (s *settings) load() { s.Peer = os.Getenv("PEER") }

// cfg is filled in by init: its fields resolve in the whole package.
var cfg settings

func init() {
	cfg.Addr = os.Getenv("REDIS_ADDR")
	cfg.Redis.DB = os.Getenv("REDIS_DB")
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

func nestedFields() {
	show(cfg.Redis.DB) // want `^\{env:REDIS_DB\} origin=env REDIS_DB$`

	var byField settings
	byField.Redis.Addr = os.Getenv("REDIS_ADDR")
	show(byField.Redis.Addr) // want `^\{env:REDIS_ADDR\} origin=env REDIS_ADDR$`

	var byStruct settings
	byStruct.Redis = redisSettings{Addr: "redis:6379"}
	show(byStruct.Redis.Addr) // want `^redis:6379 origin=literal$`

	byLiteral := settings{Redis: redisSettings{Addr: "redis:6379"}}
	byLiteral.Redis.DB = "0"
	show(byLiteral.Redis.Addr) // want `^redis:6379 origin=literal$`
	show(byLiteral.Redis.DB)   // want `^0 origin=literal$`

	// Unknown: an enclosing field assigned a non-literal, disagreeing
	// writes at two levels, an enclosing field's address taken, a pointer
	// method on an enclosing field. A field through a pointer is not
	// followed as a variable's: it is a field of the type, which package
	// sinks follows to the literals of that type.
	fromCall := settings{}
	fromCall.Redis = loadRedis()
	show(fromCall.Redis.Addr) // want `^\{unknown:field Redis.Addr of fromCall\}`

	twoLevels := settings{Redis: redisSettings{Addr: "a:1"}}
	twoLevels.Redis.Addr = "b:2"
	show(twoLevels.Redis.Addr) // want `^\{unknown:field Redis.Addr of twoLevels assigned several values\}`

	enclosingTaken := settings{}
	enclosingTaken.Redis.Addr = "redis:6379"
	fill(&enclosingTaken.Redis)
	show(enclosingTaken.Redis.Addr) // want `^\{unknown:address taken\}`

	methodOnField := settings{}
	methodOnField.Redis.Addr = "redis:6379"
	methodOnField.Redis.load()
	show(methodOnField.Redis.Addr) // want `^\{unknown:fields of methodOnField set by method load\}`

	viaPointer := settings{Ptr: &redisSettings{}}
	viaPointer.Ptr.Addr = "redis:6379"
	show(viaPointer.Ptr.Addr) // want `^\{field:example.com/valuetest/a.redisSettings.Addr\} origin=field a.redisSettings.Addr$`
}

func loadRedis() redisSettings { return redisSettings{Addr: os.Args[1]} }
func fill(r *redisSettings)    { r.Addr = os.Args[1] }

// param's fields come from its caller.
func param(s settings) {
	s.Addr = "orders:9090"
	show(s.Addr) // want `^\{unknown:fields of parameter s\}`
}
