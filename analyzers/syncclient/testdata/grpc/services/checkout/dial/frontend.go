package dial

import (
	"context"
	"fmt"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// frontend is the shape of many real frontends: its addresses are read
// from the environment into its fields by a helper that stores through a
// pointer, and dialled by another helper that stores the connection.
type frontend struct {
	ordersAddr   string
	ordersConn   *grpc.ClientConn
	paymentsAddr string
	paymentsConn *grpc.ClientConn
}

func mapEnv(target *string, envKey, def string) {
	v := os.Getenv(envKey)
	if v == "" {
		v = def
	}
	*target = v
}

func mustMapEnv(target *string, envKey string) {
	v := os.Getenv(envKey)
	if v == "" {
		panic(fmt.Sprintf("environment variable %q not set", envKey))
	}
	*target = v
}

func mustConnGRPC(ctx context.Context, conn **grpc.ClientConn, addr string) { // want mustConnGRPC:`^grpc-target\(grpc\) \{param2:addr\} via grpc.DialContext$`
	var err error
	*conn, err = grpc.DialContext(ctx, addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
}

func newFrontend(ctx context.Context) *frontend {
	svc := new(frontend)
	mapEnv(&svc.ordersAddr, "ORDERS_ADDR", "orders:9090")
	mustMapEnv(&svc.paymentsAddr, "PAYMENTS_ADDR")
	mustConnGRPC(ctx, &svc.ordersConn, svc.ordersAddr) // want `checkout calls orders synchronously \(grpc \$ORDERS_ADDR via services/checkout/dial.mustConnGRPC\)`
	mustConnGRPC(ctx, &svc.paymentsConn, svc.paymentsAddr)
	return svc
}

// redial reads the address back in a method, through the receiver.
func (fe *frontend) redial() {
	grpc.NewClient(fe.ordersAddr) // want `checkout calls orders synchronously \(grpc \$ORDERS_ADDR\)`
}
