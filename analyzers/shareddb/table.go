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

		// lib/pq's connector and parsers, for sql.OpenDB.
		call("github.com/lib/pq", "Open", 0, dsn, "postgres"),
		call("github.com/lib/pq", "NewConnector", 0, dsn, "postgres"),
		call("github.com/lib/pq", "NewConfig", 0, dsn, "postgres"),
		call("github.com/lib/pq", "ParseURL", 0, dsn, "postgres"),

		call("github.com/go-sql-driver/mysql", "ParseDSN", 0, dsn, "mysql"),
		lit("github.com/go-sql-driver/mysql", "Config", "tcp({Addr})/{DBName}", dsn, "mysql"),

		call("github.com/bradfitz/gomemcache/memcache", "New", 0, dsn, "memcache"),
	}
	// pgx takes a connString (URL or key=value) after the context in
	// Connect and New. v5 has pgxpool.New where v4 has pgxpool.Connect;
	// the low-level pgconn is a package of v5 and a module of its own for v4.
	pg := func(pkg, fn string, arg int) sinks.Entry { return call(pkg, fn, arg, dsn, "postgres") }
	entries = append(entries,
		pg("github.com/jackc/pgx/v5", "Connect", 1),
		pg("github.com/jackc/pgx/v5", "ParseConfig", 0),
		pg("github.com/jackc/pgx/v5", "ParseConfigWithOptions", 0),
		pg("github.com/jackc/pgx/v5/pgxpool", "New", 1),
		pg("github.com/jackc/pgx/v5/pgxpool", "ParseConfig", 0),
		pg("github.com/jackc/pgx/v5/pgconn", "Connect", 1),
		pg("github.com/jackc/pgx/v5/pgconn", "ParseConfig", 0),
		pg("github.com/jackc/pgx/v5/pgconn", "ParseConfigWithOptions", 0),

		pg("github.com/jackc/pgx/v4", "Connect", 1),
		pg("github.com/jackc/pgx/v4", "ParseConfig", 0),
		pg("github.com/jackc/pgx/v4/pgxpool", "Connect", 1),
		pg("github.com/jackc/pgx/v4/pgxpool", "ParseConfig", 0),
		pg("github.com/jackc/pgconn", "Connect", 1),
		pg("github.com/jackc/pgconn", "ParseConfig", 0),
		pg("github.com/jackc/pgconn", "ParseConfigWithOptions", 0),
	)

	for _, mgo := range []string{"gopkg.in/mgo.v2", "github.com/globalsign/mgo"} {
		entries = append(entries,
			call(mgo, "Dial", 0, dsn, "mongodb"),
			call(mgo, "DialWithTimeout", 0, dsn, "mongodb"),
			call(mgo, "ParseURL", 0, dsn, "mongodb"),
			lit(mgo, "DialInfo", "mongodb://{Addrs}/{Database}", dsn, "mongodb"),
		)
	}
	for _, driver := range []string{"postgres", "mysql", "sqlserver", "sqlite", "clickhouse"} {
		pkg := "gorm.io/driver/" + driver
		entries = append(entries,
			call(pkg, "Open", 0, dsn, driver),
			lit(pkg, "Config", "{DSN}", dsn, driver),
		)
	}
	// go-zero as goctl writes a model's service context:
	// sqlx.NewMysql(c.Mysql.DataSource), or another driver by name.
	entries = append(entries,
		call("github.com/zeromicro/go-zero/core/stores/sqlx", "NewMysql", 0, dsn, "mysql"),
		call("github.com/zeromicro/go-zero/core/stores/sqlx", "NewSqlConn", 1, dsn, "").WithLabelArg(0),
		call("github.com/zeromicro/go-zero/core/stores/postgres", "New", 0, dsn, "postgres"),
	)
	// Only the SQLite dialector carries its DSN itself; the others embed *Config.
	entries = append(entries, lit("gorm.io/driver/sqlite", "Dialector", "{DSN}", dsn, "sqlite"))
	for _, mongo := range []string{"go.mongodb.org/mongo-driver", "go.mongodb.org/mongo-driver/v2"} {
		entries = append(entries,
			call(mongo+"/mongo/options", "ClientOptions.ApplyURI", 0, dsn, "mongodb"),
		)
	}
	// go-redis moved from github.com/go-redis/redis to github.com/redis/go-redis
	// at v9 (the old path had only v9 pre-releases); v9 added the cluster
	// and failover URL parsers.
	const redisV9 = "github.com/redis/go-redis/v9"
	for _, redis := range []string{redisV9, "github.com/go-redis/redis/v8"} {
		entries = append(entries,
			lit(redis, "Options", "redis://{Addr}/{DB}", dsn, "redis"),
			lit(redis, "ClusterOptions", "redis://{Addrs}", dsn, "redis"),
			lit(redis, "UniversalOptions", "redis://{Addrs}/{DB}", dsn, "redis"),
			lit(redis, "FailoverOptions", "redis://{SentinelAddrs}/{DB}", dsn, "redis"),
			call(redis, "ParseURL", 0, dsn, "redis"),
		)
	}
	entries = append(entries,
		call(redisV9, "ParseClusterURL", 0, dsn, "redis"),
		call(redisV9, "ParseFailoverURL", 0, dsn, "redis"),
	)
	return entries
}
