package deploy

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// workload returns the workload of file with that name and container.
func workload(t *testing.T, tree *Tree, file, name, container string) Workload {
	t.Helper()
	for _, w := range tree.Workloads() {
		if w.File == file && w.Name == name && w.Container == container {
			return w
		}
	}
	t.Fatalf("no workload %s/%s in %s; have %v", name, container, file, names(tree.Workloads()))
	return Workload{}
}

func names(ws []Workload) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.File+":"+w.Name+"/"+w.Container)
	}
	return out
}

// envCase is one expected Setting: Unknown is matched as a substring, so
// "" means the value must be known.
type envCase struct {
	name, container, key string
	value, unknown       string
	file                 string
	line                 int
}

func checkEnv(t *testing.T, tree *Tree, workloadFile string, cases []envCase) {
	t.Helper()
	for _, c := range cases {
		w := workload(t, tree, workloadFile, c.name, c.container)
		got, ok := w.Env[c.key]
		if !ok {
			t.Errorf("%s %s: %s not set; env %v", c.name, c.container, c.key, w.Env)
			continue
		}
		if c.unknown == "" && got.Unknown != "" || c.unknown != "" && !strings.Contains(got.Unknown, c.unknown) {
			t.Errorf("%s %s: %s unknown = %q, want %q", c.name, c.container, c.key, got.Unknown, c.unknown)
		}
		if c.unknown == "" && got.Value != c.value {
			t.Errorf("%s %s: %s = %q, want %q", c.name, c.container, c.key, got.Value, c.value)
		}
		if got.File != c.file || got.Line != c.line {
			t.Errorf("%s %s: %s set at %s:%d, want %s:%d", c.name, c.container, c.key, got.File, got.Line, c.file, c.line)
		}
	}
}

func TestComposeEnv(t *testing.T) {
	tree := Load("testdata/compose", Options{})
	const dc, fe = "docker-compose.yml", "frontend.env"
	checkEnv(t, tree, dc, []envCase{
		{"frontend", "", "PRODUCT_CATALOG_SERVICE_ADDR", "productcatalogservice:3550", "", dc, 12},
		{"frontend", "", "PASSTHRU", "", "passed through from the environment", dc, 13},
		{"frontend", "", "DB_URL", "postgres://shop:secret@db:5432/shop", "", dc, 14},
		{"frontend", "", "MISSING", "", "${NOPE} has no value in .env", dc, 15},
		{"frontend", "", "DOLLAR", "a$b", "", dc, 16},
		{"frontend", "", "PLAIN", "shop/x", "", dc, 17},
		{"frontend", "", "ALT", "set", "", dc, 18},
		{"frontend", "", "DASHDEF", "", "", dc, 19},
		{"frontend", "", "COLONDEF", "colon", "", dc, 20},
		{"frontend", "", "LOOPED", "", "loop of ${VAR} references", dc, 21},
		{"frontend", "", "SINGLE", "${DB_USER}", "", dc, 22},
		{"frontend", "", "CART_ADDR", "cart-override:7070", "", dc, 23}, // environment overrides env_file
		{"frontend", "", "FROM_DOT", "shop@frontend", "", fe, 2},
		{"productcatalogservice", "", "PORT", "3550", "", dc, 35},
		{"productcatalogservice", "", "NULLKEY", "", "passed through", dc, 36},
		{"productcatalogservice", "", "TRACING", "off", "", dc, 37},   // explicit key over a merged one
		{"productcatalogservice", "", "LOG_LEVEL", "info", "", dc, 2}, // merged from x-common-env
		{"worker", "", "QUEUE_URL", "amqp://rabbitmq:5672", "", "worker.env", 1},
		{"worker", "", "UNSETDASH", "dash", "", dc, 58},
		{"worker", "", "QUOTED", "x y # kept", "", dc, 59},
		{"worker", "", "BARE", "value", "", dc, 60},
		{"worker", "", "LOOP_AGAIN", "", "loop of ${VAR} references", dc, 61},
	})
	if w := workload(t, tree, "compose.override.yaml", "frontend", ""); w.Env["EXTRA"].Value != "1" {
		t.Errorf("compose.override.yaml is not read: %v", w.Env)
	}
}

func TestComposeShape(t *testing.T) {
	tree := Load("testdata/compose", Options{})
	for _, c := range []struct {
		name, image string
		line        int
		dirs, hosts []string
	}{
		{"frontend", "shop/frontend:1.4", 6, []string{"src/frontend"}, []string{"frontend", "frontend:80"}},
		{"productcatalogservice", "", 27, []string{".", "src/productcatalog"}, []string{
			"catalog", "catalog-host", "catalog-host:3550", "catalog-host:3551", "catalog-host:9555",
			"catalog:3550", "catalog:3551", "catalog:9555",
			"productcatalogservice", "productcatalogservice:3550", "productcatalogservice:3551", "productcatalogservice:9555",
			"products", "products:3550", "products:3551", "products:9555",
		}},
		{"db", "postgres:16", 63, nil, []string{"db"}},
	} {
		w := workload(t, tree, "docker-compose.yml", c.name, "")
		if w.Kind != "compose" || w.Image != c.image || w.Line != c.line {
			t.Errorf("%s: kind %q image %q line %d, want compose %q %d", c.name, w.Kind, w.Image, w.Line, c.image, c.line)
		}
		if !slices.Equal(w.Dirs, c.dirs) {
			t.Errorf("%s: dirs %q, want %q", c.name, w.Dirs, c.dirs)
		}
		if !slices.Equal(w.Hosts, c.hosts) {
			t.Errorf("%s: hosts %q, want %q", c.name, w.Hosts, c.hosts)
		}
	}
}

func TestComposeProblems(t *testing.T) {
	tree := Load("testdata/compose", Options{})
	want := []Problem{
		{".env", 5, "${LOOP_A} refers to itself through a loop of ${VAR} references: every value that uses it is unknown"},
		{"docker-compose.yml", 55, "env_file ./missing.env does not exist (missing.env): the values it would set are unknown"},
	}
	if !reflect.DeepEqual(tree.Problems, want) {
		t.Errorf("problems:\n%v\nwant\n%v", tree.Problems, want)
	}
}

func TestContainerPorts(t *testing.T) {
	for spec, want := range map[string][]string{
		"80":                       {"80"},
		"8080:80":                  {"80"},
		"127.0.0.1:8080:80/tcp":    {"80"},
		"9090-9091:8080-8081":      {"8080", "8081"},
		"[::1]:6001:6000":          {"6000"},
		"1-100000":                 nil,
		"${PORT}":                  nil,
		"":                         nil,
		"127.0.0.1::5000/udp":      {"5000"},
		"9000-9000":                {"9000"},
		"abc:def":                  nil,
		"8000-7000":                nil,
		"0":                        nil,
		"65535:65535":              {"65535"},
		"127.0.0.1:5000-5001:5000": {"5000"},
	} {
		if got := containerPorts(spec); !slices.Equal(got, want) {
			t.Errorf("containerPorts(%q) = %q, want %q", spec, got, want)
		}
	}
}

func TestKubernetesEnv(t *testing.T) {
	tree := Load("testdata/kube", Options{})
	const m = "manifests/orders.yaml"
	checkEnv(t, tree, m, []envCase{
		{"orders", "orders", "PORT", "8080", "", m, 48},
		{"orders", "orders", "SELF", "http://localhost:8080/v1", "", m, 50},
		{"orders", "orders", "ESC", "$(PORT)", "", m, 52},
		{"orders", "orders", "UNDEF", "$(NOPE)", "", m, 54},
		{"orders", "orders", "CATALOG_ADDR", "catalog:3550", "", m, 7},
		{"orders", "orders", "GONE", "", "ConfigMap orders-config key NOT_THERE, which the ConfigMap does not define", m, 62},
		{"orders", "orders", "ELSEWHERE", "", "ConfigMap other-config key X, which is not in the deploy files read", m, 67},
		{"orders", "orders", "DB_DSN", "", "from Secret orders-db key dsn", m, 72},
		{"orders", "orders", "POD_IP", "", "field status.podIP", m, 77},
		{"orders", "orders", "DSN_COPY", "", "$(DB_DSN) is from Secret orders-db key dsn", m, 80},
		{"orders", "orders", "EMPTY", "", "", m, 81},
		{"orders", "orders", "CFG_CATALOG_ADDR", "catalog:3550", "", m, 7},
		{"orders", "orders", "CFG_LOG_LEVEL", "debug", "", m, 8},
		{"orders", "migrate", "DB_DSN", "", "from Secret orders-db key dsn", m, 32},
	})
	checkEnv(t, tree, "manifests/payments.yaml", []envCase{
		{"payments", "payments", "ORDERS_ADDR", "orders.shop.svc.cluster.local:8080", "", "manifests/payments.yaml", 29},
	})
	checkEnv(t, tree, "other/migrate.json", []envCase{
		{"migrate", "migrate", "ORDERS_DSN", "postgres://orders@orders-db:5432/orders", "", "other/migrate.json", 13},
	})
	checkEnv(t, tree, "other/cron.yaml", []envCase{
		{"report", "report", "PAYMENTS_URL", "http://payments:7000", "", "other/cron.yaml", 17},
	})
}

func TestKubernetesHosts(t *testing.T) {
	tree := Load("testdata/kube", Options{})
	orders := []string{
		"orders", "orders.shop", "orders.shop.svc", "orders.shop.svc.cluster.local",
		"orders.shop.svc.cluster.local:8080", "orders.shop.svc.cluster.local:9090",
		"orders.shop.svc:8080", "orders.shop.svc:9090", "orders.shop:8080", "orders.shop:9090",
		"orders:8080", "orders:9090",
	}
	for _, c := range []struct {
		file, name, container, image string
		hosts                        []string
	}{
		{"manifests/orders.yaml", "orders", "orders", "shop/orders:1.0", orders},
		{"manifests/orders.yaml", "orders", "sidecar", "envoyproxy/envoy:v1.30", orders},
		{"manifests/payments.yaml", "payments", "payments", "shop/payments", []string{"payments", "payments:7000"}},
		{"other/cron.yaml", "report", "report", "shop/report", nil},
	} {
		w := workload(t, tree, c.file, c.name, c.container)
		if w.Kind != "kubernetes" || w.Image != c.image {
			t.Errorf("%s/%s: kind %q image %q", c.name, c.container, w.Kind, w.Image)
		}
		if !slices.Equal(w.Hosts, c.hosts) {
			t.Errorf("%s/%s: hosts %q, want %q", c.name, c.container, w.Hosts, c.hosts)
		}
	}
	want := []Problem{{"other/broken.yaml", 5, "cannot parse Kubernetes manifest: yaml: line 5: did not find expected ',' or ']' (this and later documents of the file are skipped)"}}
	if !reflect.DeepEqual(tree.Problems, want) {
		t.Errorf("problems %v, want %v", tree.Problems, want)
	}
}

func TestHelm(t *testing.T) {
	tree := Load("testdata/helm", Options{})
	const d = "charts/cart/templates/deployment.yaml"
	checkEnv(t, tree, d, []envCase{
		{"cart", "cart", "REDIS_ADDR", "redis-cart:6379", "", d, 24},
		{"cart", "cart", "PORT", "7070", "", d, 26},
		{"cart", "cart", "RELEASE_URL", "", "depends on .Release.Name", d, 29},
		{"cart", "cart", "DEFAULTED", "fallback:1", "", d, 32},
		{"cart", "cart", "PREFIX_DEFAULT", "other:2", "", d, 34},
		{"cart", "cart", "UNSET", "", "has no value in charts/cart/values.yaml", d, 36},
		{"cart", "cart", "PIPED", "", "uses upper", d, 38},
		{"cart", "cart", "FROM_VALUES", "catalog:3550", "", d, 39},
		{"cart", "cart", "FROM_VALUES_PORT", "3550", "", d, 39},
		{"cart", "cart", "PREFIX_DEFAULT_SET", "7070", "", d, 41},
	})
	w := workload(t, tree, d, "cart", "cart")
	if w.Image != "shop/cart:1.2.3" || w.Line != 18 || !slices.Equal(w.Hosts, []string{"cart", "cart:7070"}) {
		t.Errorf("cart: image %q line %d hosts %q", w.Image, w.Line, w.Hosts)
	}
	if got, want := names(tree.Workloads()), []string{
		"charts/api/templates/deployment.yaml:api/api",
		"charts/cart/templates/deployment.yaml:cart/cart",
		"charts/duo/templates/jobs.yaml:jobs/jobs",
		"charts/duo/templates/web.yaml:web/web",
	}; !slices.Equal(got, want) {
		t.Errorf("workloads %q, want %q (helm test hooks are not workloads)", got, want)
	}
	// helm create's shape: selector and labels from a named template. The
	// chart's one Service selects its one workload; an ExternalName Service
	// selects nothing.
	if w := workload(t, tree, "charts/api/templates/deployment.yaml", "api", "api"); !slices.Equal(w.Hosts, []string{"api", "api:80"}) {
		t.Errorf("api hosts %q", w.Hosts)
	}
	// Two workloads: which one the Service selects cannot be told.
	for _, name := range []string{"web", "jobs"} {
		if w := workload(t, tree, "charts/duo/templates/"+name+".yaml", name, name); w.Hosts != nil {
			t.Errorf("%s hosts %q", name, w.Hosts)
		}
	}
	// A block included in a list is read without its content.
	checkEnv(t, tree, "charts/duo/templates/web.yaml", []envCase{{"web", "web", "A", "b", "", "charts/duo/templates/web.yaml", 16}})
	if len(tree.Problems) != 0 || len(tree.ConfigFiles(".")) != 0 {
		t.Errorf("problems %v, config files %v: a chart's own files are neither", tree.Problems, tree.ConfigFiles("."))
	}
}

func TestConfigLookup(t *testing.T) {
	tree := Load("testdata/config", Options{})
	for _, c := range []struct {
		file  string
		path  [][]string
		value string
		line  int
		ok    bool
	}{
		{"services/orders/etc/order.yaml", keys("DataSource"), "root:pass@tcp(mysql:3306)/orders?parseTime=true", 7, true},
		{"services/orders/etc/order.yaml", keys("userrpcconf", "ETCD", "key"), "user.rpc", 12, true},
		{"services/orders/etc/order.yaml", [][]string{{"UserRpc", "UserRpcConf"}, {"Etcd"}, {"Key"}}, "user.rpc", 12, true},
		{"services/orders/etc/order.yaml", keys("Cache", "Host"), "redis:6379", 14, true}, // through a merge key
		{"services/orders/etc/order.yaml", keys("Cache", "Type"), "cluster", 18, true},
		{"services/orders/etc/order.yaml", keys("Port"), "8080", 19, true},
		{"services/orders/etc/order.yaml", keys("Debug"), "true", 20, true},
		{"services/orders/etc/order.yaml", keys("Timeout"), "1.50", 21, true},
		{"services/orders/etc/order.yaml", keys("Empty"), "", 0, false},
		{"services/orders/etc/order.yaml", keys("Etcd"), "", 0, false},
		{"services/orders/etc/order.yaml", keys("Etcd", "Hosts"), "", 0, false},
		{"services/orders/etc/order.yaml", keys("Nope"), "", 0, false},
		{"services/orders/etc/order.yaml", keys("Name", "Deeper"), "", 0, false},
		{"conf/app.json", keys("data", "database", "source"), "root:root@tcp(127.0.0.1:3306)/test", 6, true},
		{"conf/app.json", keys("Data", "Redis", "Addr"), "redis:6379", 8, true},
		{"conf/app.json", keys("data", "redis", "ratio"), "1.50", 8, true},
		{"conf/app.toml", keys("database", "DSN"), "postgres://users:secret@users-db:5432/users", 0, true},
		{"conf/app.toml", keys("database", "max_conns"), "10", 0, true},
		{"conf/app.toml", keys("database", "enabled"), "true", 0, true},
		{"conf/app.toml", keys("services", "payments", "url"), "http://payments:7000", 0, true},
		{"conf/broken.json", keys("broken"), "", 0, false},
	} {
		f := tree.ConfigFile(c.file)
		if f == nil {
			t.Fatalf("%s is not a config file", c.file)
		}
		value, line, ok := f.Lookup(c.path)
		if value != c.value || line != c.line || ok != c.ok {
			t.Errorf("%s %v = %q, %d, %v; want %q, %d, %v", c.file, c.path, value, line, ok, c.value, c.line, c.ok)
		}
	}
	if p := tree.ConfigFile("conf/broken.json").Problem(); p == nil || !strings.Contains(p.Msg, "cannot parse config file") {
		t.Errorf("broken.json problem = %v", p)
	}
	if p := tree.ConfigFile("./conf/app.toml").Problem(); p != nil {
		t.Errorf("app.toml problem = %v", p)
	}
}

func TestConfigLookupList(t *testing.T) {
	f := Load("testdata/config", Options{}).ConfigFile("services/orders/etc/order.yaml")
	for _, c := range []struct {
		path   [][]string
		values []string
		line   int
		ok     bool
	}{
		{keys("UserRpcConf", "Etcd", "Hosts"), []string{"etcd:2379"}, 11, true},
		{keys("kafka", "brokers"), []string{"kafka-1:9092", "kafka-2:9092"}, 24, true},
		{keys("Kafka", "Mixed"), nil, 0, false},
		{keys("Redis", "Host"), []string{"redis:6379"}, 14, true},
		{keys("Etcd"), nil, 0, false},
		{keys("Empty"), nil, 0, false},
		{keys("Brokers"), nil, 0, false},
	} {
		values, line, ok := f.LookupList(c.path)
		if !slices.Equal(values, c.values) || line != c.line || ok != c.ok {
			t.Errorf("%v = %q, %d, %v; want %q, %d, %v", c.path, values, line, ok, c.values, c.line, c.ok)
		}
	}
}

func keys(names ...string) [][]string {
	out := make([][]string, len(names))
	for i, n := range names {
		out[i] = []string{n}
	}
	return out
}

func TestConfigFiles(t *testing.T) {
	tree := Load("testdata/config", Options{})
	for _, c := range []struct {
		dirs []string
		want []string
	}{
		{[]string{"."}, []string{"conf/app.json", "conf/app.toml", "conf/broken.json", "services/orders/etc/order.yaml"}},
		{[]string{""}, []string{"conf/app.json", "conf/app.toml", "conf/broken.json", "services/orders/etc/order.yaml"}},
		{[]string{"services/orders"}, []string{"services/orders/etc/order.yaml"}},
		{[]string{"services/order"}, nil}, // by path segment
		{[]string{"conf", "services/orders/etc"}, []string{"conf/app.json", "conf/app.toml", "conf/broken.json", "services/orders/etc/order.yaml"}},
		{[]string{"web", "vendor", ".github"}, nil},
		{nil, nil},
	} {
		var got []string
		for _, f := range tree.ConfigFiles(c.dirs...) {
			got = append(got, f.Path)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("ConfigFiles(%q) = %q, want %q", c.dirs, got, c.want)
		}
	}
	for _, p := range []string{".golangci.yml", "docker-compose.yml", "conf/k8s.yaml", "conf/openapi-spec.yaml", "web/package.json", "couplingvet.yaml", "nope.yaml"} {
		if tree.ConfigFile(p) != nil {
			t.Errorf("%s is a config file", p)
		}
	}
	if ws := tree.Workloads(); len(ws) != 1 || ws[0].Name != "orders" {
		t.Errorf("deploy files among config files: %v", names(ws))
	}
}

// copyTree copies a testdata directory into a fresh one, so that a test
// can edit it and Load's memo does not answer.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func write(t *testing.T, root, rel, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDigest(t *testing.T) {
	root := copyTree(t, "testdata/compose")
	before := load(root, Options{})
	if again := load(root, Options{}); again.Digest != before.Digest || !reflect.DeepEqual(again, before) {
		t.Fatal("two loads of the same files differ")
	}
	for _, c := range []struct {
		name, file, content string
		changes             bool
	}{
		{"env_file target", "frontend.env", "CART_ADDR=cart:7071\nFROM_DOT=${DB_USER}@frontend\n", true},
		{".env beside compose", ".env", "DB_USER=other\n", true},
		{"config file", "etc/app.yaml", "addr: x\n", true},
		{"toml config", "etc/app.toml", "a = 1\n", true},
		{"Go source", "main.go", "package main\n", false},
		{"hidden dir", ".git/config.yaml", "a: b\n", false},
		{"vendor", "vendor/a/b.yaml", "a: b\n", false},
	} {
		prev := load(root, Options{}).Digest
		write(t, root, c.file, c.content)
		if got := load(root, Options{}).Digest; (got != prev) != c.changes {
			t.Errorf("%s: digest changed %v, want %v", c.name, got != prev, c.changes)
		}
	}
	after := load(root, Options{})
	if got := workload(t, after, "docker-compose.yml", "frontend", "").Env["FROM_DOT"].Value; got != "other@frontend" {
		t.Errorf("FROM_DOT after editing .env = %q", got)
	}
}

func TestLoadMemoised(t *testing.T) {
	a := Load("testdata/kube", Options{})
	if b := Load("testdata/kube", Options{}); a != b {
		t.Error("Load is not memoised")
	}
	if c := Load("testdata/kube", Options{Paths: []string{"manifests"}}); c == a {
		t.Error("Load memoises across options")
	}
}

func TestOptionsPaths(t *testing.T) {
	tree := Load("testdata/kube", Options{Paths: []string{"manifests", "other/cron.yaml", "missing"}})
	if got, want := names(tree.Workloads()), []string{
		"manifests/orders.yaml:orders/migrate", "manifests/orders.yaml:orders/orders", "manifests/orders.yaml:orders/sidecar",
		"manifests/payments.yaml:payments/payments", "other/cron.yaml:report/report",
	}; !slices.Equal(got, want) {
		t.Errorf("workloads %q, want %q", got, want)
	}
	want := []Problem{{"missing", 0, "deploy path missing named in the map does not exist: no such file or directory"}}
	if !reflect.DeepEqual(tree.Problems, want) {
		t.Errorf("problems %v, want %v (broken.yaml is outside the paths)", tree.Problems, want)
	}

	// A path the map names is read even where discovery would not look.
	root := t.TempDir()
	write(t, root, "testdata/compose.yaml", "services:\n  api:\n    image: x\n")
	if got := Load(root, Options{}).Workloads(); len(got) != 0 {
		t.Errorf("discovery reads testdata: %v", names(got))
	}
	if got := Load(root, Options{Paths: []string{"testdata"}}).Workloads(); len(got) != 1 {
		t.Errorf("a named path is not read: %v", names(got))
	}
}

func TestDotenvLoop(t *testing.T) {
	root := t.TempDir()
	write(t, root, ".env", "A=${B}\nB=${A}\nC=${C:-self}\n")
	write(t, root, "docker-compose.yaml", "services:\n  api:\n    environment:\n      X: ${A}\n      Y: ${C}\n      Z: $B\n")
	tree := Load(root, Options{})
	w := workload(t, tree, "docker-compose.yaml", "api", "")
	for _, key := range []string{"X", "Y", "Z"} {
		if !strings.Contains(w.Env[key].Unknown, "loop of ${VAR} references") {
			t.Errorf("%s = %+v, want a loop", key, w.Env[key])
		}
	}
	if len(tree.Problems) != 3 {
		t.Errorf("problems %v, want one per variable in a loop", tree.Problems)
	}
}

func TestBigFilesAreNotRead(t *testing.T) {
	root := t.TempDir()
	write(t, root, "conf/big.yaml", "a: "+strings.Repeat("x", maxFileSize)+"\n")
	write(t, root, "conf/small.yaml", "a: b\n")
	tree := Load(root, Options{})
	if got := tree.ConfigFiles("."); len(got) != 1 || got[0].Path != "conf/small.yaml" {
		t.Errorf("config files %v", got)
	}
}

func TestKustomize(t *testing.T) {
	tree := Load("testdata/kustomize", Options{})
	const d, k = "base/deployment.yaml", "base/kustomization.yaml"
	checkEnv(t, tree, d, []envCase{
		{"checkout", "checkout", "CART_ADDR", "cart:7070", "", "base/checkout.env", 1},
		{"checkout", "checkout", "ORDERS_ADDR", "orders:8080", "", k, 10},
		{"checkout", "checkout", "PAYMENTS_URL", "payments:7000", "", k, 9},
	})
	// A patch is not a workload: it has no containers.
	if got := names(tree.Workloads()); !slices.Equal(got, []string{"base/deployment.yaml:checkout/checkout"}) {
		t.Errorf("workloads %q", got)
	}
	want := []Problem{{k, 13, "configMapGenerator env file missing.env does not exist (base/missing.env): the values it would set are unknown"}}
	if !reflect.DeepEqual(tree.Problems, want) {
		t.Errorf("problems %v, want %v", tree.Problems, want)
	}
}
