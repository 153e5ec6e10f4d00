// Stand-in for github.com/jmoiron/sqlx: just the signatures couplingvet's fixtures use.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }

func Open(driverName, dataSourceName string) (*DB, error)    { return nil, nil }
func MustOpen(driverName, dataSourceName string) *DB         { return nil }
func Connect(driverName, dataSourceName string) (*DB, error) { return nil, nil }
func MustConnect(driverName, dataSourceName string) *DB      { return nil }
func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	return nil, nil
}
