package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// modulePath is the import path prefix of every generated package, in both
// layouts: a workspace module's path is its directory under it, so import
// paths, the map and the depguard rules are the same either way.
const modulePath = "example.com/mono"

// A shape is the size of a tree.
type shape struct {
	services       int
	pkgsPerService int // packages per service besides its main: internal/config and private ones
	filesPerPkg    int // clean files per package; the first declares its API
	shared         int // packages under pkg/
	workspace      bool
}

var shapes = map[string]shape{
	// 6×(14+1) + 6 contracts + 10 shared = 106 packages
	"small": {services: 6, pkgsPerService: 14, filesPerPkg: 4, shared: 10},
	// 24×(37+1) + 24 + 64 = 1,000 packages
	"medium": {services: 24, pkgsPerService: 37, filesPerPkg: 4, shared: 64},
	// 50×(93+1) + 50 + 250 = 5,000 packages
	"large": {services: 50, pkgsPerService: 93, filesPerPkg: 3, shared: 250},
	// (pkgsPerService counts each service's internal/config package.)
}

// largeWorkspace is the large size as 20 modules: 18 services, pkg and api.
// 18×(259+1) + 18 + 282 = 4,980 packages.
var largeWorkspace = shape{services: 18, pkgsPerService: 259, filesPerPkg: 3, shared: 282, workspace: true}

// useDeps chooses the tree's dependencies: depsStandin (the offline gRPC
// stand-in) or depsHeavy (real modules, heavy.go). It changes nothing that
// plan decided.
func (t *tree) useDeps(deps string) error {
	switch deps {
	case depsStandin:
	case depsHeavy:
		if t.shape.workspace {
			return fmt.Errorf("-deps heavy is for the one-module layout, not -work")
		}
		t.planHeavy()
	default:
		return fmt.Errorf("unknown -deps %q: use standin or heavy", deps)
	}
	t.deps = deps
	return nil
}

func shapeFor(size string, work bool) (shape, error) {
	sh, ok := shapes[size]
	if !ok {
		return shape{}, fmt.Errorf("unknown -size %q: use small, medium or large", size)
	}
	if work {
		if size == "large" {
			return largeWorkspace, nil
		}
		sh.workspace = true
	}
	return sh, nil
}

// Planted coupling, as a share of each service's private packages.
const (
	crossImportShare = 0.03
	sharedDBShare    = 0.025
	httpCallShare    = 0.03
	grpcCallShare    = 0.03
	deployedShare    = 0.01 // each of env-http, env-sql, config-http, config-sql
	partnerShare     = 0.10 // clean: calls to a host no service owns
	contractUseShare = 0.15 // clean: uses another service's contract types
	testShare        = 0.35 // packages with a _test.go file
)

// serviceNames are distinct, and none is a prefix of another, so that
// prefix-matching tools (depguard) see the same boundaries as couplingvet.
var serviceNames = []string{
	"orders", "payments", "checkout", "inventory", "shipping", "billing", "catalog", "search",
	"reviews", "accounts", "identity", "notify", "ledger", "fraud", "loyalty", "returns",
	"taxes", "quotes", "promos", "media", "geo", "routing", "fleet", "warehouse",
	"supplier", "invoices", "refunds", "wallet", "rewards", "ratings", "sessions", "profiles",
	"audit", "reports", "exports", "feeds", "pricing", "carts", "coupons", "gifts",
	"subscriptions", "messaging", "support", "tickets", "campaigns", "analytics", "recommend", "partners",
	"compliance", "onboarding",
}

var privateWords = []string{
	"domain", "storage", "handlers", "events", "cache", "authz", "workers", "rules",
	"query", "exporter", "metrics", "config", "schedule", "validate", "convert", "policy",
	"ledgerx", "importer", "mailer", "webhook", "session", "stats", "limits", "tenant",
}

var sharedWords = []string{
	"logx", "tracing", "configx", "httpx", "sqlx", "retry", "clock", "money",
	"ids", "pagination", "flags", "ratelimit", "breaker", "authn", "lru", "queue",
	"health", "errorsx", "jsonx", "timeutil", "slices2", "backoff", "envx", "secrets",
}

type role int

const (
	roleShared role = iota
	rolePrivate
	roleContract
	roleMain
	roleConfig // services/<svc>/internal/config: the struct etc/<svc>.yaml fills
)

// A pkg is one generated package.
type pkg struct {
	dir   string // slash-separated, relative to the tree's root
	path  string // import path
	name  string // package name
	role  role
	svc   int // owning service, or -1 for shared code
	index int // position among its service's (or the shared) packages

	deps         []*pkg // clean imports of generated packages
	contractUses []int  // services whose contract types it uses (clean)
	cross        []*pkg // planted: another service's private packages it imports
	calls        []call // planted: remote calls to other services
	ownDB        bool   // opens its own service's database (clean)
	partner      bool   // calls a host no service owns (clean)
	kinds        []int  // template of each file after the first
	test         bool   // has a _test.go file
	heavy        []int  // -deps heavy: heavyKinds it has a file of
}

// A call is a planted remote call.
type call struct {
	check string // shareddb or syncclient
	kind  string // sql, http or grpc (address in the code); env-http, env-sql, config-http or config-sql (address only in deploy or config files)
	to    int    // target service
}

// deployedKinds are the planted calls whose address or DSN only the deploy
// files (env-*) or the service's config file (config-*) hold: the env keys
// are not in the map, so couplingvet finds them only by reading those files.
var deployedKinds = []call{
	{"syncclient", "env-http", 0},
	{"shareddb", "env-sql", 0},
	{"syncclient", "config-http", 0},
	{"shareddb", "config-sql", 0},
}

// A tree is the plan of a generated repository.
type tree struct {
	size     string
	seed     uint64
	deps     string // depsStandin or depsHeavy
	shape    shape
	services []string
	pkgs     []*pkg
	private  [][]*pkg // per service
	configs  []*pkg   // per service: its internal/config package
	reports  []int    // per service: the other service whose database its reports read (env-sql, config-sql)
	mains    []*pkg
	touch    *pkg // the package whose first file incremental runs touch
}

// plan decides everything about the tree from the seed; write only renders.
func plan(sh shape, seed uint64) *tree {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	t := &tree{seed: seed, deps: depsStandin, shape: sh, services: serviceNames[:sh.services]}
	t.private = make([][]*pkg, sh.services)

	var shared []*pkg
	for j := 0; j < sh.shared; j++ {
		name := numbered(sharedWords, j)
		p := &pkg{dir: "pkg/" + name, name: name, role: roleShared, svc: -1, index: j}
		p.deps = pickDeps(rng, shared, j, 2, 5)
		shared = append(shared, p)
	}
	for s, svc := range t.services {
		t.pkgs = append(t.pkgs, &pkg{dir: "api/" + svc + "/v1", name: contractPkgName(svc), role: roleContract, svc: s})
	}
	for s, svc := range t.services {
		t.configs = append(t.configs, &pkg{dir: "services/" + svc + "/internal/config", name: "config", role: roleConfig, svc: s})
		for i := 0; i < sh.pkgsPerService-1; i++ {
			name := numbered(privateWords, i)
			p := &pkg{dir: "services/" + svc + "/" + name, name: name, role: rolePrivate, svc: s, index: i}
			p.deps = pickDeps(rng, t.private[s], i, 3, 6)
			if len(shared) > 0 {
				for k := 1 + rng.IntN(2); k > 0; k-- {
					p.deps = appendUnique(p.deps, shared[rng.IntN(len(shared))])
				}
			}
			if sh.services > 1 && rng.Float64() < contractUseShare {
				p.contractUses = append(p.contractUses, otherService(rng, s, sh.services))
			}
			p.ownDB = i == 0
			p.partner = rng.Float64() < partnerShare
			t.private[s] = append(t.private[s], p)
		}
		main := &pkg{dir: "services/" + svc + "/cmd/" + svc + "d", name: "main", role: roleMain, svc: s}
		// The main imports the last packages, which (through their
		// imports) reach most of the service.
		for i := max(0, len(t.private[s])-3); i < len(t.private[s]); i++ {
			main.deps = append(main.deps, t.private[s][i])
		}
		t.mains = append(t.mains, main)
	}
	for _, ps := range t.private {
		for _, p := range ps {
			p.kinds = make([]int, sh.filesPerPkg-1)
			for k := range p.kinds {
				p.kinds[k] = rng.IntN(len(fileKinds))
			}
			p.test = rng.Float64() < testShare
		}
	}
	for _, p := range shared {
		p.kinds = make([]int, sh.filesPerPkg-1)
		for k := range p.kinds {
			p.kinds[k] = rng.IntN(len(fileKinds))
		}
		p.test = rng.Float64() < testShare
	}
	t.plant(rng)

	t.pkgs = append(t.pkgs, shared...)
	t.pkgs = append(t.pkgs, t.configs...)
	for _, ps := range t.private {
		t.pkgs = append(t.pkgs, ps...)
	}
	t.pkgs = append(t.pkgs, t.mains...)
	for _, p := range t.pkgs {
		p.path = modulePath + "/" + p.dir
	}
	t.touch = t.private[0][0]
	return t
}

// plant adds the planted coupling: a few percent of private packages each,
// and at least one of each kind so that every check has something to find.
//
// A planted import goes from a service to a service of lower index only,
// and generated packages import only packages of lower index in their own
// service, so the import graph stays acyclic.
func (t *tree) plant(rng *rand.Rand) {
	n := len(t.services)
	if n < 2 {
		return
	}
	var crosses, dbs, https, grpcs int
	deployed := make([]int, len(deployedKinds))
	t.reports = make([]int, n)
	for s := range t.reports {
		t.reports[s] = otherService(rng, s, n)
	}
	for s, ps := range t.private {
		for _, p := range ps {
			if s > 0 && rng.Float64() < crossImportShare {
				t.plantCross(rng, p)
				crosses++
			}
			if rng.Float64() < sharedDBShare {
				p.calls = append(p.calls, call{"shareddb", "sql", otherService(rng, s, n)})
				dbs++
			}
			if rng.Float64() < httpCallShare {
				p.calls = append(p.calls, call{"syncclient", "http", otherService(rng, s, n)})
				https++
			}
			if rng.Float64() < grpcCallShare {
				p.calls = append(p.calls, call{"syncclient", "grpc", otherService(rng, s, n)})
				grpcs++
			}
			for k, d := range deployedKinds {
				if rng.Float64() < deployedShare {
					p.calls = append(p.calls, t.deployedCall(rng, d, s))
					deployed[k]++
				}
			}
		}
	}
	// Guarantee one of each, in the last service (which may import any other).
	last := t.private[n-1]
	if crosses == 0 {
		t.plantCross(rng, last[len(last)-1])
	}
	if dbs == 0 {
		last[0].calls = append(last[0].calls, call{"shareddb", "sql", 0})
	}
	if https == 0 {
		last[1%len(last)].calls = append(last[1%len(last)].calls, call{"syncclient", "http", 0})
	}
	if grpcs == 0 {
		last[2%len(last)].calls = append(last[2%len(last)].calls, call{"syncclient", "grpc", 0})
	}
	for k, d := range deployedKinds {
		if deployed[k] == 0 {
			p := last[(3+k)%len(last)]
			p.calls = append(p.calls, t.deployedCall(rng, d, n-1))
		}
	}
}

// deployedCall plants a call of kind d from service s. Its SQL calls read
// the one database the service's reports use: the deploy and config files
// hold one reporting DSN per service.
func (t *tree) deployedCall(rng *rand.Rand, d call, s int) call {
	d.to = otherService(rng, s, len(t.services))
	if d.check == "shareddb" {
		d.to = t.reports[s]
	}
	return d
}

// plantCross makes p import a private package of a service of lower index.
func (t *tree) plantCross(rng *rand.Rand, p *pkg) {
	target := t.private[rng.IntN(p.svc)]
	p.cross = appendUnique(p.cross, target[rng.IntN(len(target))])
}

// pickDeps picks up to maxDeps of the window packages before index i.
func pickDeps(rng *rand.Rand, before []*pkg, i, maxDeps, window int) []*pkg {
	if i == 0 {
		return nil
	}
	lo := max(0, i-window)
	var deps []*pkg
	for k := rng.IntN(maxDeps + 1); k > 0; k-- {
		deps = appendUnique(deps, before[lo+rng.IntN(i-lo)])
	}
	return deps
}

func appendUnique(ps []*pkg, p *pkg) []*pkg {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// otherService picks a service other than s.
func otherService(rng *rand.Rand, s, n int) int {
	t := rng.IntN(n - 1)
	if t >= s {
		t++
	}
	return t
}

// numbered returns words[i], with a number once the words run out.
func numbered(words []string, i int) string {
	w := words[i%len(words)]
	if i < len(words) {
		return w
	}
	return fmt.Sprintf("%s%d", w, i/len(words)+1)
}

func contractPkgName(svc string) string { return svc + "v1" }

// exported turns a service name into a Go identifier: "orders" → "Orders".
func exported(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
