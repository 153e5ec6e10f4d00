package httpx

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// An in-package test: the engine analyses httpx's files once, in
// "httpx [httpx.test]", and carries GetJSON's facts over to httpx for the
// services that import it.
func TestGetJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	var got struct{ OK bool }
	if err := GetJSON(context.Background(), srv.URL, &got); err != nil || !got.OK {
		t.Fatalf("GetJSON = %v, %+v", err, got)
	}
}
