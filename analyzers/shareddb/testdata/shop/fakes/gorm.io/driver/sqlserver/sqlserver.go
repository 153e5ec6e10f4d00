// Stand-in for gorm.io/driver/sqlserver: just the signatures couplingvet's fixtures use.
package sqlserver

import "gorm.io/gorm"

type Config struct{ DSN string }

func Open(dsn string) gorm.Dialector   { return nil }
func New(config Config) gorm.Dialector { return nil }
