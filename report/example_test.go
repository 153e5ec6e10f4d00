package report_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/couplingvet/couplingvet/report"
)

// Example shows what cmd/couplingvet does after analysis: de-duplicate,
// apply the baseline, print the findings and the summary, and pick the exit
// code.
func Example() {
	findings := []report.Finding{{
		Check: "syncclient", Severity: "error", From: "checkout", To: "orders",
		Target: "http://orders:8080/v1/orders", Package: "example.com/shop/services/checkout",
		File: "/repo/services/checkout/client.go", Line: 14, Column: 9,
		Message: "checkout calls orders synchronously (http GET http://orders:8080/v1/orders): consume orders' events instead, or allow it in couplingvet.yaml with a reason",
	}, {
		Check: "shareddb", Severity: "error", From: "checkout", To: "orders-db",
		Target: "postgres://app:s3cret@orders-db/orders", Package: "example.com/shop/services/checkout",
		File: "/repo/services/checkout/db.go", Line: 7, Column: 12,
		Message: "checkout connects to database orders-db of orders (postgres://app:s3cret@orders-db/orders)",
	}}
	analysed := []string{"example.com/shop/services/checkout", "example.com/shop/services/orders"}

	// A baseline written yesterday accepted the shared database.
	var file bytes.Buffer
	report.WriteBaseline(&file, findings[1:])
	baseline, err := report.ReadBaseline(&file)
	if err != nil {
		fmt.Println(err) // exit 2: bad usage
		return
	}

	newFindings, fixed, suppressed := report.Compare(baseline, report.Dedup(findings), analysed)
	r := report.Result{
		Findings: newFindings, Fixed: fixed, Suppressed: suppressed,
		Packages: analysed, Services: 2, Root: "/repo", WorkDir: "/repo/services",
	}
	report.Text(os.Stdout, r)
	fmt.Println(report.Summary(r)) // cmd prints it on stderr

	exit := 0
	if r.Errors() > 0 {
		exit = 1
	}
	fmt.Println("exit", exit)
	// Output:
	// checkout/client.go:14:9: checkout calls orders synchronously (http GET http://orders:8080/v1/orders): consume orders' events instead, or allow it in couplingvet.yaml with a reason
	// couplingvet: 2 packages, 2 services, 1 violation (1 in baseline, 0 fixed)
	// exit 1
}
