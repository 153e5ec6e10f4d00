// Package shareddb defines an Analyzer that reports services connecting to
// databases other services own.
//
// # Analyzer shareddb
//
// shareddb: report shared persistence between services
//
// "Autonomous services don't share data." A service that opens another
// service's database is coupled to that service's schema, its load and
// its outages, and nothing in the import graph shows it. shareddb makes the
// coupling visible, using the databases each service declares in the
// boundary map (couplingvet.yaml):
//
//	services:
//	  orders:
//	    owns: [services/orders]
//	    databases:
//	      - name: orders-db
//	        engine: postgres
//	        dsn: ["postgres://*@orders-db:5432/orders"]
//	        env: [ORDERS_DATABASE_URL]
//
// For this code in service checkout
//
//	db, err := sql.Open("pgx", os.Getenv("ORDERS_DATABASE_URL"))
//
// it reports
//
//	checkout opens orders' database orders-db (from env ORDERS_DATABASE_URL): shared persistence
//	couples checkout to orders' schema, load and outages — own your data: consume orders' events
//	or call its API; or declare the sharing (databases[].shared_with + an allow rule with a reason)
//	in couplingvet.yaml
//
// # What counts as opening a database
//
// A connection is a call to a sink — database/sql.Open, sqlx.Open/MustOpen/
// Connect/MustConnect/ConnectContext, lib/pq's NewConnector/NewConfig/
// ParseURL/Open, pgx.Connect/ParseConfig (pgx v4 and v5),
// pgxpool.New/ParseConfig (v5) and pgxpool.Connect/ParseConfig (v4),
// pgconn.Connect/ParseConfig, the gorm drivers' Open and Config{DSN}
// (postgres, mysql, sqlserver, sqlite, clickhouse), go-sql-driver/mysql's
// Config literal and ParseDSN, mongo's options.Client().ApplyURI (driver v1
// and v2), mgo's Dial/DialWithTimeout/ParseURL and DialInfo{Addrs} (mgo.v2
// and globalsign), go-redis's Options, ClusterOptions, UniversalOptions and
// FailoverOptions literals and ParseURL (v8 and v9; v9's ParseClusterURL and
// ParseFailoverURL too), gomemcache's memcache.New, go-zero's
// sqlx.NewMysql/NewSqlConn and postgres.New — or to a function the
// map's sinks: list declares with kind dsn (in-house wrappers). The table
// is the Sinks variable.
//
// The DSN is resolved statically (package value): literals and constants,
// concatenation, fmt.Sprintf with a constant format, os.Getenv and
// os.LookupEnv keys, flag defaults, config map keys (cfg["Key"]),
// viper.GetString keys, struct fields tagged env:"KEY", and local
// variables whose assignments all agree. A partly known DSN is fine: the
// host and database may be literal while the password comes from the
// environment. A DSN the code reads from its environment or a config file
// (os.Getenv("DB_URL"), c.Mysql.DataSource) takes the value the deploy
// files set for the service's containers or its config files hold
// (value.Bind); the message names the file. A connection to a system the
// map declares external is not listed by -strict.
//
// Wrappers are followed across packages with object facts: a function
// whose parameter reaches a sink (db.Open(dsn) in a shared package) is
// itself a sink for its callers, and the report names the chain
// ("via pkg/db.Open -> sql.Open"). A function in shared or contract code
// that connects to a fixed database (a client SDK with a built-in DSN or
// env key) is reported where a service calls it. A DSN whose host and
// database are already known inside a function, with only credentials
// coming from its parameters, is judged where it is written.
//
// An exported DSN field of an exported options struct of service A, which
// only the packages importing A set and a method of A opens
// (store.Options{DSN: ...}.Connect()), is followed to where they set it,
// in a literal or field by field (opts.DSN = x), by the type's wrapper
// fact: A's code opens that database, so the connection is A's, reported
// there ("via services/orders/store.Options.Connect -> sql.Open -> DSN set
// by cmd/monolith"), also in a composition root that no service owns.
//
// The DSN is then read (package dsn: PostgreSQL URL and key=value,
// MySQL URL and go-sql-driver form, MongoDB, Redis, SQL Server URL and
// ADO form, ClickHouse, SQLite files, memcache addresses) into an identity —
// engine, host, port and database name; credentials never take part — and
// matched against the map's dsn patterns, then against its env keys.
//
// # What is reported
//
//   - A service opening a database the map gives to another service: an
//     error (the check's severity in the map's checks table), unless an
//     allow rule accepts it (from the service, to the owning service or to
//     the database's name, check shareddb, with a reason) or a
//     //couplingvet:allow shareddb <reason> comment sits on the line or the
//     line above. A database's shared_with list documents the sharing; it
//     is the allow rule that accepts it.
//   - Nothing for a service opening its own database, for AMQP brokers
//     (not databases), for shared, wiring and unowned code (their callers
//     are reported), and for connections that cannot be attributed: an
//     unknown host, a DSN from a value that cannot be resolved, a database
//     no service declares. Guessing would be noise.
//   - Under -strict, a service's connections that cannot be attributed,
//     with the check's severity: -strict is an audit the user asks for, and
//     the fix is one line in the map.
//
// Every DSN in a message is redacted: userinfo and credential-like
// parameters show as ***.
//
// # Whole-repository aggregation
//
// Two services opening the same database that the map does not declare is
// shared persistence nobody wrote down; only a driver that sees every
// package can notice. The analyzer's result (*Result, see Connections)
// lists the connections of each package with a known identity, and
// Aggregate groups those of all packages: cmd/couplingvet reports each
// undeclared database opened by two or more services once, with every
// site. Databases on loopback hosts (localhost, 127.0.0.1) are a weak
// signal — every developer's local Postgres looks alike — and are listed,
// as "possibly shared", only under -strict, unless they name a database of
// the application's own (127.0.0.1:3306/kratos-mall in every service's
// config file, not .../postgres or .../test): that is one schema the
// services expect to share wherever they run. A server whose database name
// (or Redis DB number) is not known is listed the same way, as "possibly
// shared", only under -strict: each service may use its own database on it.
package shareddb
