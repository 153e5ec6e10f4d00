package store

import "database/sql"

// Options is filled by the packages that start orders (its cmd, a
// composition root): the DSN that Connect opens is chosen there, and is
// orders' connection, which couplingvet reports where it is set.
type Options struct { // want Options:`^dsn\(postgres\) \{field:example.com/shop/services/orders/store.Options.DSN\} via example.com/shop/services/orders/store.Options.Connect -> sql.Open$`
	DSN string
}

// Connect opens the database the options name.
func (o Options) Connect() (*sql.DB, error) {
	return sql.Open("postgres", o.DSN)
}
