package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// A violation is one planted finding, as planted.json lists it.
type violation struct {
	Check string `json:"check"` // crossimport, shareddb or syncclient
	Kind  string `json:"kind"`  // import, sql, http or grpc
	File  string `json:"file"`  // slash-separated, relative to the tree's root
	Line  int    `json:"line"`
	From  string `json:"from"` // service
	To    string `json:"to"`   // service (shareddb: its database)
}

// manifest is planted.json.
type manifest struct {
	Size       string      `json:"size"`
	Seed       uint64      `json:"seed"`
	Deps       string      `json:"deps"` // standin or heavy
	Workspace  bool        `json:"workspace"`
	Module     string      `json:"module"`
	Services   int         `json:"services"`
	Packages   int         `json:"packages"`
	Files      int         `json:"files"`
	Lines      int         `json:"lines"`
	Modules    int         `json:"modules"`
	Touch      string      `json:"touch"` // a file for incremental runs to edit
	Violations []violation `json:"violations"`
}

// writer accumulates the files of a tree and what was planted in them.
type writer struct {
	root string
	tree *tree
	man  manifest
}

// write renders t under root and returns its manifest (also written).
func write(root string, t *tree) (*manifest, error) {
	w := &writer{root: root, tree: t}
	w.man = manifest{
		Size: t.size, Seed: t.seed, Deps: t.deps, Workspace: t.shape.workspace, Module: modulePath,
		Services: len(t.services), Packages: len(t.pkgs),
	}
	for _, p := range t.pkgs {
		if err := w.pkg(p); err != nil {
			return nil, err
		}
	}
	if t.deps != depsHeavy {
		if err := w.standIn(); err != nil {
			return nil, err
		}
	}
	if err := w.modules(); err != nil {
		return nil, err
	}
	if err := w.file("couplingvet.yaml", boundaryMap(t)); err != nil {
		return nil, err
	}
	if err := w.file(".golangci.depguard.yml", depguardConfig(t, w.root)); err != nil {
		return nil, err
	}
	if err := w.deployFiles(); err != nil {
		return nil, err
	}
	w.man.Touch = path.Join(t.touch.dir, t.touch.name+".go")
	sort.Slice(w.man.Violations, func(i, j int) bool {
		a, b := w.man.Violations[i], w.man.Violations[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	data, err := json.MarshalIndent(w.man, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := w.file("planted.json", string(data)+"\n"); err != nil {
		return nil, err
	}
	return &w.man, nil
}

// kindFile names the file of a package's k-th templated file. The
// underscore keeps it apart from the package's own file, <name>.go, whatever
// the package is called ("cache2" has cache2.go and cache_2.go).
func kindFile(fk fileKind, k int) string { return fmt.Sprintf("%s_%d.go", fk.name, k+1) }

// file writes one new file; Go files count towards the tree's size. Writing
// a file twice is a generator bug, never silently an overwrite.
func (w *writer) file(rel, content string) error {
	name := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	if strings.HasSuffix(rel, ".go") {
		w.man.Files++
		w.man.Lines += strings.Count(content, "\n")
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (w *writer) pkg(p *pkg) error {
	switch p.role {
	case roleContract:
		svc := w.tree.services[p.svc]
		if w.tree.deps == depsHeavy {
			return w.contractHeavy(p, svc)
		}
		if err := w.file(path.Join(p.dir, svc+".pb.go"), renderContract(contractMessages, svc)); err != nil {
			return err
		}
		return w.file(path.Join(p.dir, svc+"_grpc.pb.go"), renderContract(contractGRPC, svc))
	case roleMain:
		if w.tree.deps == depsHeavy {
			return w.file(path.Join(p.dir, "main.go"), w.mainFileHeavy(p))
		}
		return w.file(path.Join(p.dir, "main.go"), w.mainFile(p))
	case roleConfig:
		if w.tree.deps == depsHeavy {
			return w.file(path.Join(p.dir, "config.go"), w.tree.configFileHeavy(p.svc))
		}
		return w.file(path.Join(p.dir, "config.go"), w.tree.configFile(p.svc))
	}
	if err := w.file(path.Join(p.dir, p.name+".go"), w.apiFile(p)); err != nil {
		return err
	}
	for k, kind := range p.kinds {
		fk := fileKinds[kind]
		typ := fmt.Sprintf("%s%d", exported(fk.name), k+1)
		if err := w.file(path.Join(p.dir, kindFile(fk, k)), render(fk.text, p.name, typ)); err != nil {
			return err
		}
	}
	for _, k := range p.heavy {
		if err := w.file(path.Join(p.dir, heavyFile(k)), w.tree.renderHeavy(k, p)); err != nil {
			return err
		}
	}
	if len(p.calls) > 0 || p.partner {
		if err := w.file(path.Join(p.dir, "remote.go"), w.remoteFile(p)); err != nil {
			return err
		}
	}
	if p.test {
		return w.file(path.Join(p.dir, p.name+"_test.go"), w.testFile(p))
	}
	return nil
}

// src builds a Go file line by line, so that planted lines are known.
type src struct {
	lines []string
}

func (s *src) add(format string, a ...any) int {
	text := format
	if len(a) > 0 {
		text = fmt.Sprintf(format, a...)
	}
	s.lines = append(s.lines, strings.Split(text, "\n")...)
	return len(s.lines) // line number of the last line added
}

func (s *src) String() string { return strings.Join(s.lines, "\n") + "\n" }

// imports renders an import block: the standard library first, then the
// tree's packages with names made unique. It returns the local name of each
// generated package and, for each of them, the line of its import.
type importSpec struct {
	pkg   *pkg
	local string // name to use in code
	line  int
}

func (w *writer) imports(s *src, std []string, pkgs []*pkg, extra ...string) []importSpec {
	taken := map[string]bool{}
	for _, p := range std {
		taken[path.Base(p)] = true
	}
	s.add("import (")
	for _, p := range std {
		s.add("\t%q", p)
	}
	if len(extra) > 0 {
		// An extra import is a path, or "name path" for a renamed one.
		s.add("")
		for _, p := range extra {
			if name, ipath, ok := strings.Cut(p, " "); ok {
				s.add("\t%s %q", name, ipath)
				taken[name] = true
				continue
			}
			s.add("\t%q", p)
			taken[path.Base(p)] = true
		}
	}
	var specs []importSpec
	if len(pkgs) > 0 {
		s.add("")
		sorted := slices.Clone(pkgs)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].path < sorted[j].path })
		for _, p := range sorted {
			local := p.name
			for n := 2; taken[local]; n++ {
				local = fmt.Sprintf("%s%d", p.name, n)
			}
			alias := ""
			if local != path.Base(p.path) {
				alias = local + " " // generated gRPC packages are named <svc>v1, not v1
			}
			taken[local] = true
			line := s.add("\t%s%q", alias, p.path)
			specs = append(specs, importSpec{pkg: p, local: local, line: line})
		}
	}
	s.add(")")
	return specs
}

// apiFile is a package's first file: its doc, its imports of other
// generated packages, and the functions its importers call.
func (w *writer) apiFile(p *pkg) string {
	var s src
	owner := "shared code"
	if p.svc >= 0 {
		owner = "the " + w.tree.services[p.svc] + " service"
	}
	s.add("// Package %s is part of %s (generated for couplingvet's benchmarks).", p.name, owner)
	s.add("package %s", p.name)
	s.add("")
	var std []string
	if p.ownDB {
		std = append(std, "database/sql")
	}
	var deps []*pkg
	deps = append(deps, p.deps...)
	deps = append(deps, p.cross...)
	for _, c := range p.contractUses {
		deps = append(deps, w.tree.contract(c))
	}
	specs := w.imports(&s, std, deps)
	for _, sp := range specs {
		if slices.Contains(p.cross, sp.pkg) {
			w.plant(violation{
				Check: "crossimport", Kind: "import", File: path.Join(p.dir, p.name+".go"), Line: sp.line,
				From: w.tree.services[p.svc], To: w.tree.services[sp.pkg.svc],
			})
		}
	}
	s.add("")
	s.add("// Name returns the import path of this package.")
	s.add("func Name() string { return %q }", p.path)
	s.add("")
	s.add("// Dependencies lists the packages this one builds on, for diagnostics.")
	s.add("func Dependencies() []string {")
	s.add("\treturn []string{")
	for _, sp := range specs {
		if sp.pkg.role == roleContract {
			svc := w.tree.services[sp.pkg.svc]
			s.add("\t\t(&%s.Get%sRequest{Id: %q}).GetId(),", sp.local, exported(svc), p.name)
			continue
		}
		s.add("\t\t%s.Name(),", sp.local)
	}
	s.add("\t}")
	s.add("}")
	if p.ownDB {
		svc := w.tree.services[p.svc]
		s.add("")
		s.add("// Open opens the %s service's own database.", svc)
		s.add("func Open() (*sql.DB, error) {")
		s.add("\treturn sql.Open(\"postgres\", %q)", ownDSN(svc))
		s.add("}")
	}
	return s.String()
}

func ownDSN(svc string) string {
	return fmt.Sprintf("postgres://%s:secret@%s-db:5432/%s?sslmode=disable", svc, svc, svc)
}

func (t *tree) contract(svc int) *pkg {
	for _, p := range t.pkgs {
		if p.role == roleContract && p.svc == svc {
			return p
		}
	}
	panic(fmt.Sprintf("no contract package for service %d", svc))
}

func (w *writer) plant(v violation) { w.man.Violations = append(w.man.Violations, v) }

// remoteFile holds a package's remote calls: the planted ones to other
// services, and clean calls to a partner host no service owns.
func (w *writer) remoteFile(p *pkg) string {
	var s src
	file := path.Join(p.dir, "remote.go")
	from := w.tree.services[p.svc]
	s.add("package %s", p.name)
	s.add("")
	std := []string{"context", "fmt", "io", "net/http"}
	var extra []string
	var contracts []*pkg
	addStd := func(p string) {
		if !slices.Contains(std, p) {
			std = append(std, p)
		}
	}
	for _, c := range p.calls {
		switch c.kind {
		case "sql", "env-sql", "config-sql":
			addStd("database/sql")
		case "grpc":
			if len(extra) == 0 {
				extra = append(extra, "google.golang.org/grpc")
			}
			contracts = appendUnique(contracts, w.tree.contract(c.to))
		}
		switch c.kind {
		case "env-http", "env-sql":
			addStd("os")
		case "config-http", "config-sql":
			contracts = appendUnique(contracts, w.tree.configs[p.svc])
		}
	}
	sort.Strings(std)
	specs := w.imports(&s, std, contracts, extra...)
	local := func(c *pkg) string {
		for _, sp := range specs {
			if sp.pkg == c {
				return sp.local
			}
		}
		panic("package not imported")
	}
	for i, c := range p.calls {
		to := w.tree.services[c.to]
		s.add("")
		var line int
		switch c.kind {
		case "sql":
			s.add("// OpenReplica%d opens the database that reports read from.", i)
			s.add("func OpenReplica%d() (*sql.DB, error) {", i)
			line = s.add("\tdb, err := sql.Open(\"postgres\", %q)", reportingDSN(to))
		case "env-sql":
			s.add("// OpenReports%d opens the database that reports read from, as deployed.", i)
			s.add("func OpenReports%d() (*sql.DB, error) {", i)
			line = s.add("\tdb, err := sql.Open(\"postgres\", os.Getenv(%q))", reportingEnv)
		case "config-sql":
			s.add("// OpenReportsFrom%d opens the database that reports read from, as configured.", i)
			s.add("func OpenReportsFrom%d(c *%s.Config) (*sql.DB, error) {", i, local(w.tree.configs[p.svc]))
			line = s.add("\tdb, err := sql.Open(\"postgres\", c.Reporting.DataSource)")
		case "http":
			if i%2 == 0 {
				s.add("// Fetch%s%d reads the current state from the %s service.", exported(to), i, to)
				s.add("func Fetch%s%d(ctx context.Context) ([]byte, error) {", exported(to), i)
				line = s.add("\tresp, err := http.Get(%q)", "http://"+to+":8080/v1/"+to+"/state")
			} else {
				s.add("const %sBase%d = %q", to, i, "http://"+to+":8080")
				s.add("")
				s.add("// Fetch%s%d reads the current state from the %s service.", exported(to), i, to)
				s.add("func Fetch%s%d(ctx context.Context) ([]byte, error) {", exported(to), i)
				line = s.add("\tresp, err := http.Get(%sBase%d + %q)", to, i, "/v1/"+to)
			}
		case "env-http":
			s.add("// Fetch%s%d reads the current state from the %s service, at the address", exported(to), i, to)
			s.add("// its deployment gives.")
			s.add("func Fetch%s%d(ctx context.Context) ([]byte, error) {", exported(to), i)
			s.add("\tbase := os.Getenv(%q)", endpointEnv(to))
			line = s.add("\tresp, err := http.Get(base + %q)", "/v1/"+to+"/state")
		case "config-http":
			s.add("// Fetch%s%d reads the current state from the %s service, at the configured", exported(to), i, to)
			s.add("// address.")
			s.add("func Fetch%s%d(ctx context.Context, c *%s.Config) ([]byte, error) {", exported(to), i, local(w.tree.configs[p.svc]))
			line = s.add("\tresp, err := http.Get(c.Upstreams.%s.Endpoint + %q)", exported(to), "/v1/"+to+"/state")
		case "grpc":
			pkgName := local(w.tree.contract(c.to))
			s.add("// %sClient%d returns a client of the %s service's gRPC API over cc.", exported(to), i, to)
			s.add("func %sClient%d(cc grpc.ClientConnInterface) %s.%sServiceClient {", exported(to), i, pkgName, exported(to))
			line = s.add("\treturn %s.New%sServiceClient(cc)", pkgName, exported(to))
			s.add("}")
		}
		target := to
		if c.check == "shareddb" {
			target = to + "-db"
		}
		w.plant(violation{Check: c.check, Kind: c.kind, File: file, Line: line, From: from, To: target})
		switch c.kind {
		case "sql", "env-sql", "config-sql":
			s.add("\tif err != nil {")
			s.add("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", p.name)
			s.add("\t}")
			s.add("\tdb.SetMaxOpenConns(4)")
			s.add("\treturn db, nil")
			s.add("}")
		case "http", "env-http", "config-http":
			s.add("\tif err != nil {")
			s.add("\t\treturn nil, err")
			s.add("\t}")
			s.add("\tdefer resp.Body.Close()")
			s.add("\tif resp.StatusCode != http.StatusOK {")
			s.add("\t\treturn nil, fmt.Errorf(\"%s: %s answered %%s\", resp.Status)", p.name, to)
			s.add("\t}")
			s.add("\treturn io.ReadAll(resp.Body)")
			s.add("}")
		}
	}
	{
		// Clean: a partner's webhook, a host the map does not know. It also
		// keeps every import of the file used whatever was planted.
		s.add("")
		s.add("const partnerURL = \"https://hooks.partner.example.com/v1/events\"")
		s.add("")
		s.add("// NotifyPartner posts an event to the partner's webhook.")
		s.add("func NotifyPartner(ctx context.Context, body io.Reader) error {")
		s.add("\treq, err := http.NewRequestWithContext(ctx, http.MethodPost, partnerURL, body)")
		s.add("\tif err != nil {")
		s.add("\t\treturn err")
		s.add("\t}")
		s.add("\treq.Header.Set(\"Content-Type\", \"application/json\")")
		s.add("\tresp, err := http.DefaultClient.Do(req)")
		s.add("\tif err != nil {")
		s.add("\t\treturn err")
		s.add("\t}")
		s.add("\tdefer resp.Body.Close()")
		s.add("\tif resp.StatusCode >= 300 {")
		s.add("\t\treturn fmt.Errorf(\"%s: partner answered %%s\", resp.Status)", p.name)
		s.add("\t}")
		s.add("\treturn nil")
		s.add("}")
	}
	return s.String()
}

// mainFile is a service's command: it opens its own database, serves its
// gRPC API and a health endpoint.
func (w *writer) mainFile(p *pkg) string {
	svc := w.tree.services[p.svc]
	S := exported(svc)
	var s src
	s.add("// Command %sd runs the %s service.", svc, svc)
	s.add("package main")
	s.add("")
	std := []string{"context", "database/sql", "errors", "flag", "fmt", "log", "net/http", "os", "os/signal", "strings", "time"}
	specs := w.imports(&s, std, append([]*pkg{w.tree.contract(p.svc), w.tree.configs[p.svc]}, p.deps...), "google.golang.org/grpc")
	var api, conf string
	for _, sp := range specs {
		switch sp.pkg.role {
		case roleContract:
			api = sp.local
		case roleConfig:
			conf = sp.local
		}
	}
	s.add(`
type server struct {
	%[1]s.Unimplemented%[2]sServiceServer
	db *sql.DB
}

var configFile = flag.String("f", "etc/%[4]s.yaml", "the config file")

func main() {
	flag.Parse()
	c, err := %[5]s.Load(*configFile)
	if err != nil {
		log.Fatalf("%[4]sd: %%v", err)
	}
	dsn := os.Getenv(%[3]q)
	if dsn == "" {
		dsn = c.Database.DataSource
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatalf("%[4]sd: %%v", err)
	}
	db.SetMaxOpenConns(c.Database.MaxOpenConns)
	if hook := os.Getenv("PARTNER_WEBHOOK_URL"); hook != "" {
		// Announce the start to the partner (a host no service owns).
		resp, err := http.Post(hook, "application/json", strings.NewReader("{\"event\":\"started\",\"service\":\"%[4]s\"}"))
		if err == nil {
			resp.Body.Close()
		}
	}
	g := grpc.NewServer()
	%[1]s.Register%[2]sServiceServer(g, &server{db: db})`, api, S, databaseEnv(svc), svc, conf)
	addHTTPMux(&s, specs)
	s.add(`	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		g.GracefulStop()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Print(err)
	}
	_ = db.Close()
}`)
	return s.String()
}

// addHTTPMux writes the part of a service's main that both dependency
// modes share: the HTTP mux with its health check and its /deps listing of
// the private packages in specs, and the server that serves it (srv).
func addHTTPMux(s *src, specs []importSpec) {
	s.add(`	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), time.Second)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/deps", func(w http.ResponseWriter, r *http.Request) {
		var names []string`)
	for _, sp := range specs {
		if sp.pkg.role == rolePrivate {
			s.add("\t\tnames = append(names, %s.Dependencies()...)", sp.local)
		}
	}
	s.add(`		for _, name := range names {
			fmt.Fprintln(w, name)
		}
	})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}`)
}

// testFile tests a package's API and its transform files.
func (w *writer) testFile(p *pkg) string {
	var s src
	s.add("package %s", p.name)
	s.add("")
	s.add(`import (
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	if !strings.HasSuffix(Name(), "/%[1]s") {
		t.Errorf("Name() = %%q, want a path ending in /%[1]s", Name())
	}
}

func TestDependencies(t *testing.T) {
	for _, d := range Dependencies() {
		if d == "" {
			t.Error("empty dependency name")
		}
	}
}`, p.name)
	for k, kind := range p.kinds {
		if fileKinds[kind].name != "transform" {
			continue
		}
		fn := fmt.Sprintf("SlugTransform%d", k+1)
		s.add(`
func Test%[1]s(t *testing.T) {
	cases := map[string]string{"Hello, World": "hello-world", "": "", "  a  b ": "a-b"}
	for in, want := range cases {
		if got := %[1]s(in); got != want {
			t.Errorf("%[1]s(%%q) = %%q, want %%q", in, got, want)
		}
	}
}`, fn)
	}
	return s.String()
}

// deployFiles writes the compose file, the Kubernetes manifests, each
// service's config file and the unrelated YAML and JSON files.
func (w *writer) deployFiles() error {
	t := w.tree
	files := t.unrelatedFiles()
	files["docker-compose.yml"] = t.composeFile()
	for s, svc := range t.services {
		files[path.Join("deploy/k8s", svc+".yaml")] = t.kubeManifest(s)
		files[path.Join("services", svc, "etc", svc+".yaml")] = t.serviceConfig(s)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := w.file(name, files[name]); err != nil {
			return err
		}
	}
	return nil
}

// standIn writes the offline google.golang.org/grpc.
func (w *writer) standIn() error {
	for rel, content := range map[string]string{
		"third_party/grpc/go.mod":           grpcGoMod,
		"third_party/grpc/grpc.go":          grpcStandIn,
		"third_party/grpc/codes/codes.go":   grpcCodes,
		"third_party/grpc/status/status.go": grpcStatus,
	} {
		name := filepath.Join(w.root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// modules writes go.mod (one module) or go.work and a go.mod per module.
func (w *writer) modules() error {
	const grpcRequire = "require google.golang.org/grpc v1.70.0\n"
	if w.tree.deps == depsHeavy {
		// go mod tidy (resolveModules) completes it and writes go.sum.
		w.man.Modules = 1
		return w.file("go.mod", heavyGoMod())
	}
	if !w.tree.shape.workspace {
		w.man.Modules = 1
		if err := w.file("go.sum", yamlGoSum); err != nil {
			return err
		}
		return w.file("go.mod", "module "+modulePath+"\n\ngo 1.26\n\n"+grpcRequire+yamlRequire+
			"\nreplace google.golang.org/grpc => ./third_party/grpc\n")
	}
	dirs := []string{"api", "pkg"}
	for _, svc := range w.tree.services {
		dirs = append(dirs, "services/"+svc)
	}
	var use strings.Builder
	for _, d := range dirs {
		require := grpcRequire
		if strings.HasPrefix(d, "services/") {
			// A service's internal/config loads its file with the YAML library.
			require += yamlRequire
			if err := w.file(d+"/go.sum", yamlGoSum); err != nil {
				return err
			}
		}
		if err := w.file(d+"/go.mod", "module "+modulePath+"/"+d+"\n\ngo 1.26\n\n"+require); err != nil {
			return err
		}
		fmt.Fprintf(&use, "\t./%s\n", d)
	}
	w.man.Modules = len(dirs)
	return w.file("go.work", "go 1.26\n\nuse (\n"+use.String()+")\n\nreplace google.golang.org/grpc => ./third_party/grpc\n")
}

// contractHeavy writes a contract package as protoc-gen-go and
// protoc-gen-go-grpc do (protobuf.go), and a hand-written events file.
func (w *writer) contractHeavy(p *pkg, svc string) error {
	f := contractSchema(svc)
	pb, err := renderPB(f)
	if err != nil {
		return err
	}
	if err := w.file(path.Join(p.dir, svc+".pb.go"), pb); err != nil {
		return err
	}
	if err := w.file(path.Join(p.dir, svc+"_grpc.pb.go"), renderGRPC(f)); err != nil {
		return err
	}
	return w.file(path.Join(p.dir, "events.go"), renderContract(contractEvents, svc))
}
