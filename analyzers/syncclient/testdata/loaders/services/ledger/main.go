// Command ledger reads its TOML configuration with BurntSushi/toml.
package main

import (
	"log"

	"github.com/BurntSushi/toml"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Config struct {
	Payments struct {
		Addr string `toml:"grpc_addr"`
	} `toml:"payments_service"`
	Carrier struct {
		Addr string `toml:"addr"`
	} `toml:"carrier"`
}

func main() {
	var cfg Config
	if _, err := toml.DecodeFile("ledger.toml", &cfg); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	grpc.NewClient(cfg.Payments.Addr, creds) // want `ledger calls payments synchronously \(grpc \{main.Config.Payments.Addr\}, address from services/ledger/ledger.toml\)`
	// An external API: no diagnostic.
	grpc.NewClient(cfg.Carrier.Addr, creds)
}
