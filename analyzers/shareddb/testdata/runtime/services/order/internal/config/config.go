// Package config is the order service's configuration, loaded from
// etc/order.yaml.
package config

type Config struct {
	Name  string
	Mysql struct {
		DataSource string
	}
	// A DSN template whose credentials and host the environment fills
	// (fmt.Sprintf(c.Archive.DSN, os.Getenv(...), ...)).
	Archive struct {
		DSN string
	}
}
