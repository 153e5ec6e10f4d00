package billing

import (
	"database/sql"
	"fmt"
	"os"
)

func getEnv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// Open reads its server from env keys with local defaults, which alone
// name a database nobody declares; billing's compose service sets them to
// product's MySQL, and that is where it connects.
func Open() {
	dsn := fmt.Sprintf("billing:%s@tcp(%s:3306)/%s", getEnv("DB_PASSWORD", "dev"), getEnv("DB_HOST", "localhost"), getEnv("DB_NAME", "billing"))
	sql.Open("mysql", dsn) // want `billing opens product's database mall`
}
