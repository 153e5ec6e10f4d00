package orders

import (
	"net/http/httptest"
	"os"
	"testing"
)

// TestMain points the SDK at a test server for the package's tests.
func TestMain(m *testing.M) {
	srv := httptest.NewServer(nil)
	baseURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}
