// Package checkout calls orders, payments and inventory over gRPC, connect and twirp.
package checkout

import (
	"net/http"
	"os"

	inventoryv1 "example.com/shop/api/inventory/v1"
	ordersv1 "example.com/shop/api/orders/v1"
	"example.com/shop/api/orders/v1/ordersv1connect"
	"example.com/shop/services/checkout/internal/gen/paymentsv1"
	"example.com/shop/services/checkout/internal/gen/shippingv1"
	"github.com/acme/shopapi/searchv1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// stubs: the contract's owner decides, whatever the address.
func stubs() {
	conn, err := grpc.NewClient(os.Getenv("ORDERS_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return
	}
	orders := ordersv1.NewOrderServiceClient(conn) // want `checkout calls orders synchronously \(grpc shop.orders.v1.OrderService via api/orders/v1.NewOrderServiceClient\)`
	_ = orders
}

// viaInterface: the connection comes in as the interface the stubs take.
func viaInterface(cc grpc.ClientConnInterface) { // want viaInterface:`syncclient stub connection`
	ordersv1.NewOrderServiceClient(cc) // want `checkout calls orders synchronously \(grpc shop.orders.v1.OrderService via api/orders/v1.NewOrderServiceClient\)`
}

// copied: checkout's own copy of payments' stubs (protoc-gen-go-grpc
// v1.1.0: no FullMethodName constants), attributed by the gRPC service
// name; the dial that feeds it is the same call, reported once.
func copied() {
	pconn, _ := grpc.Dial("payments:9090", grpc.WithTransportCredentials(insecure.NewCredentials()))
	payments := paymentsv1.NewPaymentServiceClient(pconn) // want `checkout calls payments synchronously \(grpc shop.payments.v1.PaymentService via services/checkout/internal/gen/paymentsv1.NewPaymentServiceClient\)`
	_ = payments
}

// legacy: stubs of protoc-gen-go's old grpc plugin, which take a
// *grpc.ClientConn and keep the service descriptor unexported.
func legacy(conn *grpc.ClientConn) { // want legacy:`syncclient stub connection`
	shippingv1.NewShippingServiceClient(conn) // want `checkout calls shipping synchronously \(grpc shop.shipping.v1.ShippingService via services/checkout/internal/gen/shippingv1.NewShippingServiceClient\)`
}

// versioned: stubs from a required API module, recognised by their types
// and constants alone.
func versioned(conn *grpc.ClientConn) { // want versioned:`syncclient stub connection`
	searchv1.NewSearchServiceClient(conn) // want `checkout calls search synchronously \(grpc shop.search.v1.SearchService via github.com/acme/shopapi/searchv1.NewSearchServiceClient\)`
}

func connectAndTwirp() {
	ordersv1connect.NewOrderServiceClient(http.DefaultClient, "http://orders:8080")               // want `checkout calls orders synchronously \(connect shop.orders.v1.OrderService via api/orders/v1/ordersv1connect.NewOrderServiceClient\)`
	inventoryv1.NewInventoryServiceProtobufClient(os.Getenv("INVENTORY_URL"), http.DefaultClient) // want `checkout calls inventory synchronously \(twirp shop.inventory.v1.InventoryService via api/inventory/v1.NewInventoryServiceProtobufClient\)`
	inventoryv1.NewInventoryServiceJSONClient("http://inventory:8080", http.DefaultClient)        // want `checkout calls inventory synchronously \(twirp shop.inventory.v1.InventoryService via api/inventory/v1.NewInventoryServiceJSONClient\)`
}

// Clean: third-party endpoints and addresses nobody can attribute.
func clean(addr string) { // want clean:`^grpc-target\(grpc\) \{param0:addr\} via grpc.NewClient$`
	grpc.NewClient("pubsub.googleapis.com:443")
	grpc.NewClient(addr)
}
