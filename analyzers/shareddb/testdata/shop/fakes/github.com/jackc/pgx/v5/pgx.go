// Stand-in for github.com/jackc/pgx/v5: just the signatures couplingvet's fixtures use.
package pgx

import "context"

type Conn struct{}
type ConnConfig struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }
func ParseConfig(connString string) (*ConnConfig, error)            { return nil, nil }
