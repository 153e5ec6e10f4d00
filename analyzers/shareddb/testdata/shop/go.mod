module example.com/shop

go 1.26

require (
	github.com/bradfitz/gomemcache v0.0.0
	github.com/go-redis/redis/v8 v8.0.0
	github.com/go-sql-driver/mysql v0.0.0
	github.com/jackc/pgx/v5 v5.0.0
	github.com/jmoiron/sqlx v0.0.0
	github.com/redis/go-redis/v9 v9.0.0
	go.mongodb.org/mongo-driver v0.0.0
	go.mongodb.org/mongo-driver/v2 v2.0.0
	gopkg.in/mgo.v2 v2.0.0
	gorm.io/driver/mysql v0.0.0
	gorm.io/driver/postgres v0.0.0
	gorm.io/driver/sqlite v0.0.0
	gorm.io/driver/sqlserver v0.0.0
	gorm.io/gorm v0.0.0
)

replace github.com/bradfitz/gomemcache => ./fakes/github.com/bradfitz/gomemcache
replace github.com/go-redis/redis/v8 => ./fakes/github.com/go-redis/redis/v8
replace github.com/go-sql-driver/mysql => ./fakes/github.com/go-sql-driver/mysql
replace github.com/jackc/pgx/v5 => ./fakes/github.com/jackc/pgx/v5
replace github.com/jmoiron/sqlx => ./fakes/github.com/jmoiron/sqlx
replace github.com/redis/go-redis/v9 => ./fakes/github.com/redis/go-redis/v9
replace go.mongodb.org/mongo-driver => ./fakes/go.mongodb.org/mongo-driver
replace go.mongodb.org/mongo-driver/v2 => ./fakes/go.mongodb.org/mongo-driver/v2
replace gopkg.in/mgo.v2 => ./fakes/gopkg.in/mgo.v2
replace gorm.io/driver/mysql => ./fakes/gorm.io/driver/mysql
replace gorm.io/driver/postgres => ./fakes/gorm.io/driver/postgres
replace gorm.io/driver/sqlite => ./fakes/gorm.io/driver/sqlite
replace gorm.io/driver/sqlserver => ./fakes/gorm.io/driver/sqlserver
replace gorm.io/gorm => ./fakes/gorm.io/gorm
