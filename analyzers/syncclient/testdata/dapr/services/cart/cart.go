package cart

import (
	"context"
	"fmt"
	"net/http"
	"os"

	dapr "github.com/dapr/go-sdk/client"

	"example.com/daprshop/pkg/invoke"
)

const productsApp = "products"

type Service struct {
	dapr dapr.Client
}

func (s *Service) Product(ctx context.Context, id string) ([]byte, error) {
	return s.dapr.InvokeMethod(ctx, productsApp, "get/"+id, "get") // want `^cart calls products synchronously \(dapr invoke products\): temporal coupling`
}

func (s *Service) Submit(ctx context.Context, order []byte) error {
	content := &dapr.DataContent{ContentType: "application/json", Data: order}
	_, err := s.dapr.InvokeMethodWithContent(ctx, "orders", "new", "post", content) // want `^cart calls orders synchronously \(dapr invoke orders\)`
	return err
}

// Through the shared helper: reported where the app-id is chosen.
func (s *Service) Stock(ctx context.Context, id string) ([]byte, error) {
	return invoke.Get(ctx, s.dapr, "products", "stock/"+id) // want `^cart calls products synchronously \(dapr invoke products via pkg/invoke.Get`
}

// An app in another namespace: app-id.namespace.
func (s *Service) Status(ctx context.Context, id string) ([]byte, error) {
	return s.dapr.InvokeMethod(ctx, "orders.shop", "status/"+id, "get") // want `^cart calls orders synchronously \(dapr invoke orders.shop\)`
}

// Its own app-id is no coupling, nor is an app outside the map.
func (s *Service) Self(ctx context.Context) {
	s.dapr.InvokeMethod(ctx, "cart", "refresh", "post")
	s.dapr.InvokeMethod(ctx, "payments-provider", "charge", "post")
}

// The sidecar's HTTP API names the callee in the path, not the host.
func (s *Service) Checkout(id string) (*http.Response, error) {
	port := os.Getenv("DAPR_HTTP_PORT")
	url := fmt.Sprintf("http://localhost:%s/v1.0/invoke/%s/method/checkout/%s", port, "orders", id)
	return http.Post(url, "application/json", nil) // want `^cart calls orders synchronously \(http POST http://localhost:\$DAPR_HTTP_PORT/v1.0/invoke/orders/method/checkout/\{id\}\)`
}
