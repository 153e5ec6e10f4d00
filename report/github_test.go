package report

import "testing"

func TestGitHub(t *testing.T) {
	want := `::warning file=legacy/legacy.go,line=1,col=1,endLine=1,endColumn=15,title=couplingvet unowned::package example.com/shop/legacy has no owner: add legacy to a service's owns, to shared or to wiring in couplingvet.yaml
::error file=services/checkout/client.go,line=3,col=8,endLine=3,endColumn=57,title=couplingvet crossimport::checkout imports orders' private package example.com/shop/services/orders/internal/store: import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason
::error file=services/checkout/client.go,line=6,col=37,endLine=6,endColumn=67,title=couplingvet syncclient::checkout calls orders synchronously (http GET http://orders:8080/v1/orders): temporal coupling — consume orders' events instead, or allow it in couplingvet.yaml with a reason
::error file=services/checkout/client.go,line=7,col=13,endLine=7,endColumn=76,title=couplingvet shareddb::checkout connects to database ledger-db of payments (app:***@tcp(ledger-db:3306)/ledger): shared persistence — read through payments' API or events instead, or allow it in couplingvet.yaml with a reason
::error file=services/checkout/client.go,line=7,col=13,endLine=7,endColumn=76,title=couplingvet shareddb::checkout connects to database orders-db of orders (postgres://app:***@orders-db:5432/orders, host=orders-db password=***): shared persistence — read through orders' API or events instead, or allow it in couplingvet.yaml with a reason
::error file=services/checkout/client.go,line=8,col=2,endLine=8,endColumn=32,title=couplingvet directive::directive //couplingvet:allow syncclient has no reason: write one after the check name, e.g. 100%25 cached,%0Aor delete the directive
::error title=couplingvet load error::package failed to load: example.com/shop/services/payments: payments.go:3:9: undefined: connect (in call with "host=payments-db password=***")
`
	if got := render(t, "github", fixtureResult(t)); got != want {
		t.Errorf("GitHub:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name string
		f    Finding
		want string
	}{
		{"message: percent, CR and LF; colon and comma stay",
			Finding{Check: "syncclient", File: "/repo/a.go", Line: 1, Message: "50% a:b, c\r\nd\ne"},
			"::error file=a.go,line=1,title=couplingvet syncclient::50%25 a:b, c%0D%0Ad%0Ae\n"},
		{"property: colon, comma and percent in the file name",
			Finding{Check: "crossimport", File: "/repo/we:ird,name%.go", Line: 2, Column: 3, Message: "m"},
			"::error file=we%3Aird%2Cname%25.go,line=2,col=3,title=couplingvet crossimport::m\n"},
		{"an escape sequence in the message is not decoded",
			Finding{Check: "syncclient", File: "/repo/a.go", Line: 1, Message: "%0A::error::forged"},
			"::error file=a.go,line=1,title=couplingvet syncclient::%250A::error::forged\n"},
		{"warning, no positions",
			Finding{Check: "unowned", Severity: "warning", File: "/repo/a.go", Message: "m"},
			"::warning file=a.go,title=couplingvet unowned::m\n"},
		{"no file",
			Finding{Check: "unowned", Severity: "warning", Package: "example.com/p", Message: "m"},
			"::warning title=couplingvet unowned::m\n"},
		{"file outside the root keeps its absolute path",
			Finding{Check: "crossimport", File: "/other/a.go", Line: 1, Message: "m"},
			"::error file=/other/a.go,line=1,title=couplingvet crossimport::m\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, "github", Result{Root: "/repo", Findings: []Finding{tt.f}}); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
