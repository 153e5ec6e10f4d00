// Package confparse reads its configuration with ardanlabs/conf, the way
// services built from ardanlabs/service do.
package confparse

import (
	"os"
	"time"

	"example.com/valuetest/config"
	"github.com/ardanlabs/conf/v3"
)

func show(string) {}

// Embedded is flattened: its fields have no word of their own.
type Embedded struct {
	Region string `conf:"default:eu"`
}

func main() {
	cfg := struct {
		conf.Version
		Embedded
		Web struct {
			APIHost         string        `conf:"default:0.0.0.0:3000"`
			ShutdownTimeout time.Duration `conf:"default:20s"`
		}
		Auth struct {
			Host string `conf:"default:http://auth-service:6000"`
			GRPC struct {
				Host string `conf:"default:auth-service:6001"`
			}
		}
		DB struct {
			User       string `conf:"default:postgres"`
			Password   string `conf:"default:postgres,mask"`
			Host       string `conf:"default:database-service"`
			Name       string `conf:"default:postgres"`
			DisableTLS bool   `conf:"default:true"`
			Replica    string `conf:"env:REPLICA_URL,default:replica-db:5432"`
			Required   string `conf:"required"`
			Skipped    string `conf:"-"`
		}
	}{
		Version: conf.Version{Build: "dev", Desc: "sales"},
	}

	const prefix = "SALES"
	if _, err := conf.Parse(prefix, &cfg); err != nil {
		os.Exit(1)
	}

	show(cfg.Web.APIHost)     // want `^\{env:SALES_WEB_API_HOST\} origin=env SALES_WEB_API_HOST pattern=0.0.0.0:3000$`
	show(cfg.Auth.Host)       // want `^\{env:SALES_AUTH_HOST\} origin=env SALES_AUTH_HOST pattern=http://auth-service:6000$`
	show(cfg.Auth.GRPC.Host)  // want `^\{env:SALES_AUTH_GRPC_HOST\} origin=env SALES_AUTH_GRPC_HOST pattern=auth-service:6001$`
	show(cfg.DB.Password)     // want `^\{env:SALES_DB_PASSWORD\} origin=env SALES_DB_PASSWORD pattern=postgres$`
	show(cfg.DB.Replica)      // want `^\{env:SALES_REPLICA_URL\} origin=env SALES_REPLICA_URL pattern=replica-db:5432$`
	show(cfg.DB.Required)     // want `^\{env:SALES_DB_REQUIRED\} origin=env SALES_DB_REQUIRED$`
	show(cfg.DB.Skipped)      // want `^\{unknown:field DB.Skipped of cfg: not set by conf.Parse\}`
	show(cfg.Embedded.Region) // want `^\{env:SALES_REGION\} origin=env SALES_REGION pattern=eu$`
	// The literal sets Version: not the environment's.
	show(cfg.Version.Build)                // want `^\{unknown:address taken\}`
	show(cfg.Web.ShutdownTimeout.String()) // want `^\{unknown:call to \(time.Duration\).String\}`

	// Through a shared wrapper that takes the fields as a struct.
	show(config.DBURL(config.DB{Host: cfg.DB.Host, Name: cfg.DB.Name})) // want `^postgres://\{env:SALES_DB_HOST\}/\{env:SALES_DB_NAME\}\?sslmode=\{unknown:field TLS.Mode of the argument not set\} origin=env SALES_DB_HOST, env SALES_DB_NAME$`
}

// A field the code writes after Parse is not the environment variable.
func overridden() {
	var cfg struct {
		Orders struct{ URL string }
	}
	conf.Parse("CHECKOUT", &cfg)
	cfg.Orders.URL = "http://orders:8080"
	show(cfg.Orders.URL) // want `^\{unknown:address taken\}`
}

// Without a prefix the path alone is the key; a computed prefix is unknown.
func prefixes(service string) {
	var plain, computed struct {
		DB struct{ Host string }
	}
	conf.Parse("", &plain)
	conf.Parse(service, &computed)
	show(plain.DB.Host)    // want `^\{env:DB_HOST\} origin=env DB_HOST$`
	show(computed.DB.Host) // want `^\{unknown:conf.Parse with a computed prefix\}`
}
