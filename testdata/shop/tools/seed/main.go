// Command seed fills a local database with sample data. No service owns it
// yet, so couplingvet warns (the map sets unowned: warn).
package main

import "fmt"

func main() { fmt.Println("seeded") }
