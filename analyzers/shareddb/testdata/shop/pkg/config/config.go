// Package config is shared code: how every service reads its settings.
package config

import "os"

// Getenv returns the environment variable key, or def when it is unset.
func Getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
