// Package config is the order service's configuration, loaded from
// etc/order.yaml.
package config

type Config struct {
	Name  string
	Mysql struct {
		DataSource string
	}
}
