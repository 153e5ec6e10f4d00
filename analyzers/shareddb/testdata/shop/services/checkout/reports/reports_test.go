package reports

import (
	"database/sql"
	"testing"
)

func TestOpen(t *testing.T) {
	ordersDSN = "postgres://test:test@localhost:5432/orders_test"
	cfg.ArchiveDSN = ordersDSN
	open()
	sql.Open("postgres", ordersDSN) // the test's own database: not reported
}
