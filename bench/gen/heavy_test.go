package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// -deps heavy changes the dependencies and the code that uses them, not
// what is planted: the same seed plants the same violations at the same
// lines, and the map is the same.
func TestHeavyPlantsTheSame(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		a, ma := generateDeps(t, shapes["small"], "small", seed, depsStandin)
		b, mb := generateDeps(t, shapes["small"], "small", seed, depsHeavy)
		if !reflect.DeepEqual(ma.Violations, mb.Violations) {
			t.Errorf("seed %d: planted violations differ between -deps standin and heavy:\n%v\n%v", seed, ma.Violations, mb.Violations)
		}
		if ma.Packages != mb.Packages || mb.Deps != depsHeavy {
			t.Errorf("seed %d: %d and %d packages, deps %q", seed, ma.Packages, mb.Packages, mb.Deps)
		}
		for _, name := range []string{"couplingvet.yaml", "docker-compose.yml", "deploy/k8s/orders.yaml"} {
			x, _ := os.ReadFile(filepath.Join(a, name))
			y, _ := os.ReadFile(filepath.Join(b, name))
			if string(x) != string(y) {
				t.Errorf("seed %d: %s differs between -deps standin and heavy", seed, name)
			}
		}
		if _, err := os.Stat(filepath.Join(b, "third_party")); !os.IsNotExist(err) {
			t.Errorf("seed %d: a heavy tree has the gRPC stand-in (%v)", seed, err)
		}
	}
}

// Every service of a small heavy tree uses every heavy dependency, and the
// heavy files are spread over the packages.
func TestHeavySpread(t *testing.T) {
	tr := plan(shapes["small"], 1)
	if err := tr.useDeps(depsHeavy); err != nil {
		t.Fatal(err)
	}
	var with, total int
	for s, ps := range tr.private {
		used := map[int]bool{}
		for _, p := range ps {
			for _, k := range p.heavy {
				used[k] = true
			}
		}
		if len(used) != len(heavyKinds) {
			t.Errorf("service %s uses %d of the %d heavy kinds", tr.services[s], len(used), len(heavyKinds))
		}
	}
	for _, p := range tr.pkgs {
		if p.role == rolePrivate || p.role == roleShared {
			total++
			if len(p.heavy) > 0 {
				with++
			}
			if len(p.heavy) == 2 && p.heavy[0] == p.heavy[1] {
				t.Errorf("%s has two files of kind %s", p.dir, heavyKinds[p.heavy[0]].name)
			}
		}
	}
	if share := float64(with) / float64(total); share < 0.4 || share > 0.9 {
		t.Errorf("%d of %d packages have heavy files, want about half to three quarters", with, total)
	}
}

func TestUseDeps(t *testing.T) {
	if err := plan(largeWorkspace, 1).useDeps(depsHeavy); err == nil {
		t.Error("-deps heavy -work accepted")
	}
	if err := plan(shapes["small"], 1).useDeps("vendored"); err == nil {
		t.Error("-deps vendored accepted")
	}
}

// The small heavy tree resolves its modules through the module proxy, and
// then builds and vets offline with the go.sum the generator wrote; its
// contracts work at run time (the protobuf runtime accepts their
// descriptors, a gRPC call and a stream go through) and go-zero loads a
// service's config file. It needs the module proxy: without it the test is
// skipped. Cold (nothing in the build cache or the module cache) it
// downloads about 130 modules and compiles about 950 packages, minutes on
// two cores, so it runs only when $COUPLINGVET_BENCH_HEAVY is 1 (CI's
// budget is ten minutes for everything; run it when the heavy mode
// changes).
func TestHeavyTreeBuilds(t *testing.T) {
	if testing.Short() || os.Getenv("COUPLINGVET_BENCH_HEAVY") != "1" {
		t.Skip("builds a generated tree with real dependencies: set COUPLINGVET_BENCH_HEAVY=1 to run it")
	}
	requireModuleProxy(t)
	tr := plan(shapes["small"], 1)
	tr.size = "small"
	if err := tr.useDeps(depsHeavy); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	man, err := write(dir, tr)
	if err != nil {
		t.Fatal(err)
	}
	if err := resolveModules(dir, 20*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.sum")); err != nil {
		t.Fatalf("no go.sum after resolving: %v", err)
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")

	cmd := exec.Command("go", "list", "-deps", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var nonStd int
	for _, p := range strings.Fields(string(out)) {
		if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
			nonStd++
		}
	}
	if nonStd < 900+man.Packages {
		t.Errorf("the import closure has %d packages outside the standard library, %d of them the tree's: want about 1,000 more", nonStd, man.Packages)
	}

	// A program inside the tree (so that it may import internal/config)
	// exercises a contract and a config file at run time.
	check := filepath.Join(dir, "services", "orders", "zzcheck")
	if err := os.MkdirAll(check, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(check, "main.go"), []byte(heavyRuntimeCheck), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, dir, "run", "./services/orders/zzcheck")
}

// requireModuleProxy skips the test unless the module proxy answers: GOPROXY
// must not be off, and a quick go mod download of one required module must
// succeed (from the proxy, or the module cache).
func requireModuleProxy(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		t.Fatalf("go env GOPROXY: %v", err)
	}
	proxy := strings.TrimSpace(string(out))
	if proxy == "off" || proxy == "" {
		t.Skipf("-deps heavy needs the module proxy, and GOPROXY is %q: skipping", proxy)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	mod, version := "google.golang.org/grpc", ""
	for _, r := range heavyRequires {
		if m, v, _ := strings.Cut(r, " "); m == mod {
			version = v
		}
	}
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", mod+"@"+version)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("-deps heavy needs the module proxy (GOPROXY=%s), which did not serve %s@%s: %v\n%s", proxy, mod, version, err, tail(string(out), 5))
	}
}

const heavyRuntimeCheck = `package main

import (
	"context"
	"log"
	"net"
	"time"

	ordersv1 "example.com/mono/api/orders/v1"
	"example.com/mono/services/orders/internal/config"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/known/timestamppb"
)

type server struct {
	ordersv1.UnimplementedOrdersServiceServer
}

func (server) GetOrders(ctx context.Context, r *ordersv1.GetOrdersRequest) (*ordersv1.GetOrdersResponse, error) {
	return &ordersv1.GetOrdersResponse{Item: &ordersv1.Orders{Id: r.GetId(), Labels: map[string]string{"a": "b"}}}, nil
}

func (server) WatchOrders(r *ordersv1.GetOrdersRequest, s grpc.ServerStreamingServer[ordersv1.OrdersChanged]) error {
	for _, state := range []string{"new", "paid"} {
		if err := s.Send(ordersv1.NewOrdersChanged(&ordersv1.Orders{Id: r.GetId(), State: state}, time.Now())); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	item := &ordersv1.Orders{Id: "1", Name: "n", State: "s", Amount: 42, Labels: map[string]string{"k": "v"}, UpdatedAt: timestamppb.Now()}
	data, err := proto.Marshal(&ordersv1.ListOrdersResponse{Items: []*ordersv1.Orders{item}, NextPageToken: "t"})
	if err != nil {
		log.Fatal(err)
	}
	var back ordersv1.ListOrdersResponse
	if err := proto.Unmarshal(data, &back); err != nil || !proto.Equal(back.GetItems()[0], item) {
		log.Fatalf("round trip: %v, %v", err, back.GetItems())
	}
	if _, err := protojson.Marshal(item); err != nil {
		log.Fatal(err)
	}
	if _, err := protoregistry.GlobalFiles.FindDescriptorByName("mono.orders.v1.OrdersService"); err != nil {
		log.Fatal(err)
	}

	lis := bufconn.Listen(1 << 20)
	g := grpc.NewServer()
	ordersv1.RegisterOrdersServiceServer(g, server{})
	go g.Serve(lis)
	defer g.Stop()
	cc, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client := ordersv1.NewOrdersServiceClient(cc)
	if resp, err := client.GetOrders(ctx, &ordersv1.GetOrdersRequest{Id: "7"}); err != nil || resp.GetItem().GetId() != "7" {
		log.Fatalf("GetOrders: %v, %v", resp, err)
	}
	if _, err := client.ListOrders(ctx, &ordersv1.ListOrdersRequest{}); status.Code(err) != codes.Unimplemented {
		log.Fatalf("ListOrders: %v, want Unimplemented", err)
	}
	stream, err := client.WatchOrders(ctx, &ordersv1.GetOrdersRequest{Id: "9"})
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	for ; ; n++ {
		ev, err := stream.Recv()
		if err != nil {
			break
		}
		if ev.GetId() != "9" || ev.GetOccurredAt().AsTime().IsZero() {
			log.Fatalf("WatchOrders sent %v", ev)
		}
	}
	if n != 2 {
		log.Fatalf("WatchOrders sent %d events, want 2", n)
	}

	c, err := config.Load("services/orders/etc/orders.yaml")
	if err != nil {
		log.Fatal(err)
	}
	if c.Name != "orders" || c.ListenOn == "" || c.Database.DataSource == "" || c.Timeout != 5000 {
		log.Fatalf("config: %+v", c)
	}
}
`
