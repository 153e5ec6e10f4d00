// Stand-in for gorm.io/driver/mysql: just the signatures couplingvet's fixtures use.
package mysql

import "gorm.io/gorm"

type Config struct{ DSN string }

func Open(dsn string) gorm.Dialector   { return nil }
func New(config Config) gorm.Dialector { return nil }
