package report

import "testing"

func TestRedactCredentials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://app:s3cret@db:5432/orders", "postgres://app:***@db:5432/orders"},
		{"redis://:s3cret@cache:6379/0", "redis://:***@cache:6379/0"},
		{"mongodb+srv://u:p%40ss@cluster0.example.net/db", "mongodb+srv://u:***@cluster0.example.net/db"},
		{"amqp://guest:guest@rabbit:5672/ and postgres://a:b@h/d", "amqp://guest:***@rabbit:5672/ and postgres://a:***@h/d"},
		{"app:s3cret@tcp(db:3306)/orders?parseTime=true", "app:***@tcp(db:3306)/orders?parseTime=true"},
		{`dsn "root:pw@unix(/var/run/mysqld.sock)/x"`, `dsn "root:***@unix(/var/run/mysqld.sock)/x"`},
		{"root:pw@/orders", "root:***@/orders"},
		{"host=db user=app password=s3cret dbname=orders", "host=db user=app password=*** dbname=orders"},
		{"host=db password='s3 cret' sslmode=disable", "host=db password=*** sslmode=disable"},
		{"Server=db;User Id=app;Password=s3cret;Database=x", "Server=db;User Id=app;Password=***;Database=x"},
		{"sqlserver://sa@db?database=x&password=s3cret&encrypt=true", "sqlserver://sa@db?database=x&password=***&encrypt=true"},
		{"sslpassword=s3cret PWD = s3cret", "sslpassword=*** PWD = ***"},
		{"https://api/x?token=abc&api_key=def", "https://api/x?token=***&api_key=***"},
		// Nothing to hide: unchanged.
		{"http://orders:8080/v1/orders", "http://orders:8080/v1/orders"},
		{"postgres://*@orders-db:5432/orders", "postgres://*@orders-db:5432/orders"},
		{"postgres://app@db/orders", "postgres://app@db/orders"},
		{"checkout calls orders synchronously (grpc /shop.orders.v1.OrderService/Get): temporal coupling", "checkout calls orders synchronously (grpc /shop.orders.v1.OrderService/Get): temporal coupling"},
		{"mail me at ops@example.com: soon", "mail me at ops@example.com: soon"},
		{"", ""},
	}
	for _, tt := range tests {
		got := RedactCredentials(tt.in)
		if got != tt.want {
			t.Errorf("RedactCredentials(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := RedactCredentials(got); again != got {
			t.Errorf("RedactCredentials is not idempotent on %q: %q", got, again)
		}
	}
}

func TestFingerprint(t *testing.T) {
	base := Finding{Check: "shareddb", From: "checkout", To: "orders-db", Target: "postgres://app:***@orders-db/orders",
		Package: "example.com/shop/services/checkout", File: "/r/a.go", Line: 3, Column: 4, Message: "m"}
	fp := base.Fingerprint()
	if !fingerprintRE.MatchString(fp) {
		t.Fatalf("fingerprint %q is not 16 hex digits", fp)
	}
	same := map[string]func(*Finding){
		"moved":           func(f *Finding) { f.File, f.Line, f.Column, f.EndLine, f.EndColumn = "/r/b.go", 30, 1, 31, 2 },
		"reworded":        func(f *Finding) { f.Message = "other words" },
		"severity":        func(f *Finding) { f.Severity = "warning" },
		"test variant":    func(f *Finding) { f.Package += " [example.com/shop/services/checkout.test]" },
		"password leaked": func(f *Finding) { f.Target = "postgres://app:hunter2@orders-db/orders" },
		"other redaction": func(f *Finding) { f.Target = "postgres://app:xxxxx@orders-db/orders" },
	}
	for name, change := range same {
		f := base
		change(&f)
		if got := f.Fingerprint(); got != fp {
			t.Errorf("%s: fingerprint changed: %s, want %s", name, got, fp)
		}
	}
	different := map[string]func(*Finding){
		"check":   func(f *Finding) { f.Check = "syncclient" },
		"from":    func(f *Finding) { f.From = "payments" },
		"to":      func(f *Finding) { f.To = "ledger-db" },
		"package": func(f *Finding) { f.Package += "/sub" },
		"target":  func(f *Finding) { f.Target = "postgres://app:***@orders-db/other" },
		// Field boundaries matter: "ab"+"c" is not "a"+"bc".
		"shifted": func(f *Finding) { f.From, f.To = "checkoutorders-db", "" },
	}
	for name, change := range different {
		f := base
		change(&f)
		if got := f.Fingerprint(); got == fp {
			t.Errorf("%s: fingerprint did not change", name)
		}
	}
}

func TestDedup(t *testing.T) {
	a := Finding{Check: "syncclient", File: "/r/a.go", Line: 2, Column: 1, Message: "m", Package: "p [p.test]"}
	aPlain := a
	aPlain.Package = "p"
	b := Finding{Check: "crossimport", File: "/r/a.go", Line: 2, Column: 1, Message: "m", Package: "p"} // other check: kept
	c := Finding{Check: "syncclient", File: "/r/a.go", Line: 1, Column: 9, Message: "m", Package: "p"}
	got := Dedup([]Finding{a, b, aPlain, c, a})
	want := []Finding{c, b, aPlain}
	if len(got) != len(want) {
		t.Fatalf("Dedup = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Dedup[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// redactEverywhere is RedactCredentials without its shortcuts: each
// expression over the whole string. RedactCredentials must agree with it.
func redactEverywhere(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}:"+Mask+"@")
	s = mysqlPassword.ReplaceAllString(s, "${1}:"+Mask+"@${2}")
	return keyValuePassword.ReplaceAllString(s, "${1}${2}"+Mask)
}

func FuzzRedactCredentials(f *testing.F) {
	for _, s := range []string{
		"postgres://app:s3cret@db:5432/orders and root:pw@tcp(db)/x",
		"a\tb:c@/d\ne:f@unix(/s)/x (x:y@tcp6(h)/z,u:v@udp(h)/w",
		"host=db PAſſWORD = 's3 cret' api_KEY\t=x&tokEn=\"a b\"",
		"Server=db;User Id=app;Pwd=s3cret;\fsecret =x",
		"=password=x=",
		sharedDBMessage,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RedactCredentials(s), redactEverywhere(s); got != want {
			t.Errorf("RedactCredentials(%q) = %q, want %q as the expressions give over the whole string", s, got, want)
		}
	})
}

// sharedDBMessage is a typical shareddb finding: a URL, a query string and
// a long explanation.
const sharedDBMessage = "accounts opens payments' database payments-db (postgres://***@payments-db:5432/payments?sslmode=disable, from literal): " +
	"shared persistence couples accounts to payments' schema, load and outages — own your data: consume payments' events or call its API; " +
	"or declare the sharing (databases[].shared_with + an allow rule with a reason) in couplingvet.yaml"

func BenchmarkRedactCredentials(b *testing.B) {
	b.Run("shortcuts", func(b *testing.B) {
		for b.Loop() {
			RedactCredentials(sharedDBMessage)
		}
	})
	b.Run("everywhere", func(b *testing.B) {
		for b.Loop() {
			redactEverywhere(sharedDBMessage)
		}
	})
}
