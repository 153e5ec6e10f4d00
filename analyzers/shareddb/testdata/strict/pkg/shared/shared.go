// Package shared is shared code: nothing is reported here, even under -strict.
package shared

import "database/sql"

func Open() { sql.Open("postgres", "postgres://x:s3cr3t@unknown-db:5432/x") } // want Open:`dsn\(postgres\) postgres://\*\*\*@unknown-db:5432/x via sql.Open`
