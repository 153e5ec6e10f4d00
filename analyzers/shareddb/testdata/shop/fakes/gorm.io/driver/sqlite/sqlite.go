// Stand-in for gorm.io/driver/sqlite: just the signatures couplingvet's fixtures use.
package sqlite

import "gorm.io/gorm"

type Config struct{ DSN string }

func Open(dsn string) gorm.Dialector   { return nil }
func New(config Config) gorm.Dialector { return nil }
