// Command inventory reads its configuration with viper.
package main

import (
	"database/sql"
	"log"

	"github.com/spf13/viper"
)

type Config struct {
	Catalog struct {
		DSN string `mapstructure:"mysql_dsn"`
	} `mapstructure:"catalog_db"`
}

func main() {
	viper.SetConfigFile("config.yaml")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	var cfg Config
	if err := viper.Unmarshal(&cfg); err != nil {
		log.Fatal(err)
	}
	sql.Open("postgres", viper.GetString("database.url")) // its own database: no diagnostic
	sql.Open("mysql", cfg.Catalog.DSN)                    // want `inventory opens product's database products \(\*\*\*@tcp\(mysql:3306\)/products, from config field main.Config.Catalog.DSN = services/inventory/config.yaml:4\)`
}
