// Command shipping loads the per-environment file conf/<env>/app.json,
// which lies outside every service's directories: that this code loads it
// is what makes it shipping's.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"example.com/runtime/services/shipping"
	"example.com/runtime/services/shipping/internal/settings"
)

func main() {
	data, err := os.ReadFile(fmt.Sprintf("conf/%s/app.json", os.Getenv("APP_ENV")))
	if err != nil {
		panic(err)
	}
	var s settings.Settings
	if err := json.Unmarshal(data, &s); err != nil {
		panic(err)
	}
	shipping.Notify(s)
}
