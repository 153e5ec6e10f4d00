package a

import (
	"flag"
	"fmt"
	"os"
)

// The shape of a frontend: a server whose addresses are read from the
// environment into its fields through a helper, read back in its methods.
type frontendServer struct {
	catalogAddr  string
	cartAddr     string
	adAddr       string
	shippingAddr string
	currencyAddr string
	checkoutAddr string
	twoWrites    string
	litAndWrite  string
	fromParam    string
	taken        string
	Exported     string
}

func mustMapEnv(target *string, envKey string) {
	v := os.Getenv(envKey)
	if v == "" {
		panic(fmt.Sprintf("environment variable %q not set", envKey))
	}
	*target = v
}

// mapEnvOr stores a default when the variable is empty: the getenv idiom.
func mapEnvOr(target *string, envKey, def string) {
	*target = def
	if v := os.Getenv(envKey); v != "" {
		*target = v
	}
}

// peek only reads through its pointer.
func peek(p *string) bool { return *p != "" }

// keep keeps the pointer: what is stored through it later is unknown.
var kept *string

func keep(p *string) { kept = p }

func newFrontend(addr string) *frontendServer {
	svc := new(frontendServer)
	mustMapEnv(&svc.catalogAddr, "PRODUCT_CATALOG_SERVICE_ADDR")
	mapEnvOr(&svc.cartAddr, "CART_SERVICE_ADDR", "cart:7070")
	flag.StringVar(&svc.currencyAddr, "currency-addr", "currency:7000", "")
	svc.adAddr = os.Getenv("AD_SERVICE_ADDR")
	svc.twoWrites = "a:1"
	svc.litAndWrite = "orders:8080"
	svc.fromParam = addr
	keep(&svc.taken)
	var keptLocal string
	keep(&keptLocal)
	show(keptLocal) // want `^\{unknown:address passed to example.com/valuetest/a.keep\}`
	peek(&svc.catalogAddr)
	show(svc.catalogAddr) // want `^\{env:PRODUCT_CATALOG_SERVICE_ADDR\} origin=env PRODUCT_CATALOG_SERVICE_ADDR$`

	var local string
	mustMapEnv(&local, "LOCAL_ADDR")
	show(local) // want `^\{env:LOCAL_ADDR\} origin=env LOCAL_ADDR$`
	var unset string
	peek(&unset)
	show(unset) // want `^\{unknown:variable unset never assigned\}`
	return svc
}

func other() *frontendServer {
	fe := &frontendServer{shippingAddr: "shipping:50051", checkoutAddr: "checkout:5050", litAndWrite: "orders:8080"}
	fe.twoWrites = "b:2"
	return fe
}

func alsoCheckout() frontendServer { return frontendServer{checkoutAddr: "checkout:5050"} }

// Methods read the fields through the pointer receiver: every write of
// the package agrees, so each resolves.
func (fe *frontendServer) handlers() {
	show(fe.catalogAddr)  // want `^\{env:PRODUCT_CATALOG_SERVICE_ADDR\} origin=env PRODUCT_CATALOG_SERVICE_ADDR$`
	show(fe.cartAddr)     // want `^\{env:CART_SERVICE_ADDR\} origin=env CART_SERVICE_ADDR pattern=cart:7070$`
	show(fe.currencyAddr) // want `^\{flag:currency-addr\} origin=flag -currency-addr pattern=currency:7000$`
	show(fe.adAddr)       // want `^\{env:AD_SERVICE_ADDR\} origin=env AD_SERVICE_ADDR$`

	// Not resolved here: fields written only in literals (package sinks
	// reports their uses at each literal), writes that disagree, a
	// parameter of the constructor, a kept address, an exported field
	// (other packages may write it). They stay fields of the type.
	show(fe.shippingAddr) // want `^\{field:example.com/valuetest/a.frontendServer.shippingAddr\}`
	show(fe.checkoutAddr) // want `^\{field:example.com/valuetest/a.frontendServer.checkoutAddr\}`
	show(fe.litAndWrite)  // want `^\{field:example.com/valuetest/a.frontendServer.litAndWrite\}`
	show(fe.twoWrites)    // want `^\{field:example.com/valuetest/a.frontendServer.twoWrites\}`
	show(fe.fromParam)    // want `^\{field:example.com/valuetest/a.frontendServer.fromParam\}`
	show(fe.taken)        // want `^\{field:example.com/valuetest/a.frontendServer.taken\}`
	show(fe.Exported)     // want `^\{field:example.com/valuetest/a.frontendServer.Exported\}`
}
