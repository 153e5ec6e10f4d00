// Package httpclient is the shared HTTP helper every service uses: the URL
// comes from the caller, so the call is reported where the caller is.
package httpclient

import (
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 5 * time.Second}

// Get fetches url with the shared client's timeouts.
func Get(url string) (*http.Response, error) { // want Get:`^url\(http GET\) \{param0:url\} via http.Client.Get$`
	return client.Get(url)
}

// Post posts body to url.
func Post(url string, body []byte) (*http.Response, error) { // want Post:`^url\(POST\) \{param0:url\} via http.NewRequest$`
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// Timeout is not a call: no fact.
func Timeout() time.Duration { return client.Timeout }
