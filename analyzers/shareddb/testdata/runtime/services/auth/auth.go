package auth

import (
	"database/sql"
	"os"
)

func Open() {
	sql.Open("postgres", os.Getenv("DB_URL"))
}

// Scratch is an in-memory SQLite database, which only this process can
// open: the same DSN in another service is another database.
func Scratch() {
	sql.Open("sqlite3", "file::memory:?cache=shared")
}
