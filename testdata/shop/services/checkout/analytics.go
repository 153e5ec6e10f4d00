package checkout

import "database/sql"

// OpenAnalytics connects to the analytics database. The map gives it to no
// service, and inventory opens it too: only the standalone run, which sees
// every service at once, can tell that the two share it.
func OpenAnalytics() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://checkout:cart-Pa55word@analytics-db:5432/analytics")
}
