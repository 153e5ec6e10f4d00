// Package data is kratos-layout's data layer: it gets conf.Data, the data
// section of the config file.
package data

import (
	"database/sql"

	"example.com/loadersdb/services/review/internal/conf"
)

type Data struct {
	db      *sql.DB
	catalog *sql.DB
}

func NewData(c *conf.Data) (*Data, func(), error) {
	db, err := sql.Open(c.Database.Driver, c.Database.Source) // its own database: no diagnostic
	if err != nil {
		return nil, nil, err
	}
	catalog, err := sql.Open(c.Catalog.Driver, c.Catalog.Source) // want `review opens product's database products \(\*\*\*@tcp\(mysql:3306\)/products\?parseTime=True&loc=Local, from config field conf.Data.Catalog.Source = services/review/configs/config.yaml:14\)`
	if err != nil {
		return nil, nil, err
	}
	return &Data{db: db, catalog: catalog}, func() { db.Close(); catalog.Close() }, nil
}
