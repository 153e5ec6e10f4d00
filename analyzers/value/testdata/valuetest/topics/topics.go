// Package topics keeps the names and addresses other packages use as
// variables, not constants: VarFact carries those it never writes.
package topics

import (
	"flag"
	"os"
)

var MessagePubTopic = "rc.msg.pub" // want MessagePubTopic:`^value rc.msg.pub$`

// Subject is a string-convertible named type.
type Subject string

var Orders Subject = "orders.created" // want Orders:`^value orders.created$`

var (
	OrdersURL = os.Getenv("ORDERS_URL")                    // want OrdersURL:`^value \{env:ORDERS_URL\}$`
	BaseURL   = "http://" + OrdersHost + ":8080"           // want BaseURL:`^value http://orders:8080$`
	DSN       = "postgres://app:s3cr3t@orders-db:5432/app" // want DSN:`^value postgres://\*\*\*@orders-db:5432/app$`
)

const OrdersHost = "orders"

// Written by this package besides their initialiser, with other values
// or anything at all: no fact.
var (
	Assigned  = "rc.assigned"
	Addressed = "rc.addressed"
	Flagged   = "rc.flagged"
	InInit    = "rc.init"
	Bumped    = "rc.bumped"
)

// Writes that agree: what importers see after init.
var (
	SetInInit  string          // want SetInInit:`^value rc.set$`
	Same       = "rc.same"     // want Same:`^value rc.same$`
	ListenAddr = "orders:9090" // want ListenAddr:`^value \{env:LISTEN_ADDR\}$`
)

// Not a string, or not known at all, or not exported: no fact.
var (
	Port     = 8080
	Hosts    = []string{"orders"}
	Hostname = hostname()
	internal = "rc.internal"
)

// Read or written by other packages: facts all the same.
var (
	WrittenByDependency = "rc.dep"    // want WrittenByDependency:`^value rc.dep$`
	WrittenByReader     = "rc.reader" // want WrittenByReader:`^value rc.reader$`
	SameInReader        = "rc.same"   // want SameInReader:`^value rc.same$`
	FlaggedByReader     = "rc.flag"   // want FlaggedByReader:`^value rc.flag$`
)

func hostname() string {
	h, _ := os.Hostname()
	return h
}

func SetAssigned(s string) { Assigned = s }

func Pointer() *string { return &Addressed }

func Bump() { Bumped += ".v2" }

func init() {
	flag.StringVar(&Flagged, "flagged", "rc.flagged", "topic")
	InInit = "rc.init.v2"
	SetInInit = "rc.set"
	Same = "rc.same"
	if addr := os.Getenv("LISTEN_ADDR"); addr != "" {
		ListenAddr = addr
	}
	_ = internal
}
