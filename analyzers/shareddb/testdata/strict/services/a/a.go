// Package a opens databases the map does not know; -strict lists them.
package a

import (
	"database/sql"
	"os"
)

func dsnFromSomewhere() string { return os.Args[1] }

func open() {
	sql.Open("postgres", "postgres://a:s3cr3t@a-db:5432/a")                    // its own: silent even under -strict
	sql.Open("postgres", "postgres://a:s3cr3t@unknown-db:5432/x")              // want `a opens a database couplingvet cannot attribute to any service \(postgres://\*\*\*@unknown-db:5432/x, from literal\): declare it under its owner's databases in couplingvet.yaml`
	sql.Open("postgres", dsnFromSomewhere())                                   // want `a opens a database couplingvet cannot attribute to any service \(from a value couplingvet cannot resolve\)`
	sql.Open("postgres", os.Getenv("SOME_DATABASE_URL"))                       // want `cannot attribute to any service \(from env SOME_DATABASE_URL; env SOME_DATABASE_URL: no value in the map, the config files or the deploy files of a\)`
	sql.Open("amqp", "amqp://guest:s3cr3t@rabbit:5672/")                       // a broker: never listed
	sql.Open("postgres", "postgres://bi:s3cr3t@warehouse.example.com:5432/bi") // external: never listed
}
