// Package conf is billing's configuration, loaded from configs/billing.yaml.
package conf

type Conf struct {
	Ledger struct {
		URL string `yaml:"url"`
	} `yaml:"ledger"`
}
