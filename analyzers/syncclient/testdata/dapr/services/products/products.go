package products

import "net/http"

// The sidecar's invocation of this very app: no coupling.
func Warm() { http.Get("http://localhost:3500/v1.0/invoke/products/method/warm") }
