package config

import "testing"

func TestPaymentsURL(t *testing.T) {
	paymentsURL = "http://127.0.0.1:8080"
	if StubURL() != "http://127.0.0.1:8080" {
		t.Fatal(StubURL())
	}
}

// StubURL is declared in a test file, which sees the test's writes: no fact.
func StubURL() string { return paymentsURL }
