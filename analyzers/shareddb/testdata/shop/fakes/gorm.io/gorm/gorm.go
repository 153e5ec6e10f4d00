// Stand-in for gorm.io/gorm: just the signatures couplingvet's fixtures use.
package gorm

type Dialector interface{ Name() string }
type Option interface{}
type Config struct{}
type DB struct{}

func Open(dialector Dialector, opts ...Option) (*DB, error) { return nil, nil }
