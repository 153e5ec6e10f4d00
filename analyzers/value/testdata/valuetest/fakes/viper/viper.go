// Package viper is a stand-in for github.com/spf13/viper with the signatures the tests use.
package viper

type Viper struct{}

func New() *Viper                            { return &Viper{} }
func GetString(key string) string            { return "" }
func (v *Viper) GetString(key string) string { return "" }

// Addr returns a constant: a dependency module gets no fact, so callers
// see an unknown value.
func Addr() string { return "viper:1" }
