// Package config loads inventory's configuration with viper.
package config

import "github.com/spf13/viper"

type Config struct {
	Server struct {
		Port int `mapstructure:"port"`
	} `mapstructure:"server"`
	Catalog struct {
		BaseURL string `mapstructure:"base_url"`
	} `mapstructure:"catalog"`
	Carrier struct {
		BaseURL string `mapstructure:"base_url"`
	} `mapstructure:"carrier"`
}

// Load reads the file at path into a Config.
func Load(path string) (Config, error) {
	viper.SetConfigFile(path)
	if err := viper.ReadInConfig(); err != nil {
		return Config{}, err
	}
	var cfg Config
	err := viper.Unmarshal(&cfg)
	return cfg, err
}
