package product

import (
	"database/sql"
	"os"
)

func Open() {
	sql.Open("postgres", os.Getenv("DB_URL"))
}
