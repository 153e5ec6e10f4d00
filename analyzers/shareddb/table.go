package shareddb

import "github.com/couplingvet/couplingvet/analyzers/sinks"

// Sinks is the built-in table of database sinks. An entry's label names the
// engine (dsn.EngineOfDriver reads it); database/sql and sqlx take it from
// the driver name argument. The map's sinks: entries of kind dsn are added
// to it per run.
//
// Not sinks on purpose: constructors that take an options value built by a
// sink already listed (pgxpool.NewWithConfig takes pgxpool.ParseConfig's
// result, mongo.Connect takes options.Client().ApplyURI's, gorm.Open takes a
// driver's Open, redis.NewClient takes a redis.Options literal).
var Sinks = sinks.NewTable(builtin()...)

func builtin() []sinks.Entry {
	dsn := sinks.DSN
	call := sinks.Call
	lit := sinks.Literal
	entries := []sinks.Entry{
		call("database/sql", "Open", 1, dsn, "").WithLabelArg(0),

		call("github.com/jmoiron/sqlx", "Open", 1, dsn, "").WithLabelArg(0),
		call("github.com/jmoiron/sqlx", "MustOpen", 1, dsn, "").WithLabelArg(0),
		call("github.com/jmoiron/sqlx", "Connect", 1, dsn, "").WithLabelArg(0),
		call("github.com/jmoiron/sqlx", "MustConnect", 1, dsn, "").WithLabelArg(0),
		call("github.com/jmoiron/sqlx", "ConnectContext", 2, dsn, "").WithLabelArg(1),

		call("github.com/go-sql-driver/mysql", "ParseDSN", 0, dsn, "mysql"),
		lit("github.com/go-sql-driver/mysql", "Config", "tcp({Addr})/{DBName}", dsn, "mysql"),

		call("gopkg.in/mgo.v2", "Dial", 0, dsn, "mongodb"),
		call("gopkg.in/mgo.v2", "DialWithTimeout", 0, dsn, "mongodb"),
		call("github.com/globalsign/mgo", "Dial", 0, dsn, "mongodb"),

		call("github.com/bradfitz/gomemcache/memcache", "New", 0, dsn, "memcache"),
	}
	for _, pgx := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		entries = append(entries,
			call(pgx, "Connect", 1, dsn, "postgres"),
			call(pgx, "ParseConfig", 0, dsn, "postgres"),
			call(pgx+"/pgxpool", "New", 1, dsn, "postgres"),
			call(pgx+"/pgxpool", "Connect", 1, dsn, "postgres"),
			call(pgx+"/pgxpool", "ParseConfig", 0, dsn, "postgres"),
		)
	}
	for _, driver := range []string{"postgres", "mysql", "sqlserver", "sqlite", "clickhouse"} {
		pkg := "gorm.io/driver/" + driver
		entries = append(entries,
			call(pkg, "Open", 0, dsn, driver),
			lit(pkg, "Config", "{DSN}", dsn, driver),
		)
	}
	for _, mongo := range []string{"go.mongodb.org/mongo-driver", "go.mongodb.org/mongo-driver/v2"} {
		entries = append(entries,
			call(mongo+"/mongo/options", "ClientOptions.ApplyURI", 0, dsn, "mongodb"),
		)
	}
	for _, redis := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/go-redis/redis/v9"} {
		entries = append(entries,
			lit(redis, "Options", "redis://{Addr}/{DB}", dsn, "redis"),
			lit(redis, "ClusterOptions", "redis://{Addrs}", dsn, "redis"),
			lit(redis, "UniversalOptions", "redis://{Addrs}/{DB}", dsn, "redis"),
			lit(redis, "FailoverOptions", "redis://{SentinelAddrs}/{DB}", dsn, "redis"),
			call(redis, "ParseURL", 0, dsn, "redis"),
			call(redis, "ParseClusterURL", 0, dsn, "redis"),
		)
	}
	return entries
}
