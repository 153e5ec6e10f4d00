package mapinit

import (
	"fmt"
	"maps"
	"net"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/couplingvet/couplingvet/deploy"
)

// A database is a guessed database: a container of a database image.
type database struct {
	name     string
	engine   string
	why      string
	hosts    []string // bare host names
	port     string
	dsn      []string
	env      []guess
	workload deploy.Workload
}

// imageEngines maps a database image (its last path segment, without the
// tag) to the engine the map names.
var imageEngines = map[string]string{
	"postgres": "postgres", "postgresql": "postgres", "postgis": "postgres", "timescaledb": "postgres",
	"mysql": "mysql", "mariadb": "mysql", "percona-server": "mysql", "percona": "mysql", "tidb": "mysql",
	"mongo": "mongodb", "mongodb": "mongodb",
	"redis": "redis", "redis-stack": "redis", "redis-stack-server": "redis", "valkey": "redis", "keydb": "redis", "dragonfly": "redis",
	"clickhouse-server": "clickhouse", "clickhouse": "clickhouse",
	"memcached": "memcache",
}

var defaultPorts = map[string]string{
	"postgres": "5432", "mysql": "3306", "mongodb": "27017", "redis": "6379",
	"sqlserver": "1433", "clickhouse": "9000", "memcache": "11211",
}

// imageEngine returns the database engine an image runs, or "".
func imageEngine(image string) string {
	img := strings.ToLower(image)
	if i := strings.LastIndex(img, "@"); i >= 0 {
		img = img[:i]
	}
	if i := strings.LastIndex(img, ":"); i > strings.LastIndex(img, "/") {
		img = img[:i]
	}
	if strings.Contains(img, "mssql") {
		return "sqlserver"
	}
	return imageEngines[path.Base(img)]
}

// deployFiles reads docker-compose and Kubernetes files (deploy.Load) for
// the hosts each service answers at, the env keys other services reach it
// by, and the databases services point at.
func (in *inferrer) deployFiles() {
	dt := deploy.Load(in.root, deploy.Options{})
	var dbs []*database
	byName := map[string]*database{}
	owner := map[int]*service{}
	workloads := dt.Workloads()
	for i, w := range workloads {
		if eng := imageEngine(w.Image); eng != "" {
			if w.Init || len(w.Hosts) == 0 {
				// A database client (an init container waiting for the
				// schema) or a server nothing can address: no database
				// a service's DSN could name.
				continue
			}
			db := byName[w.Name]
			if db == nil {
				db = &database{name: w.Name, engine: eng, why: fmt.Sprintf("from %s: %s with image %s", w.File, describe(w), w.Image), workload: w}
				byName[w.Name] = db
				dbs = append(dbs, db)
			}
			for _, h := range w.Hosts {
				host, port := splitHost(h)
				if !slices.Contains(db.hosts, host) {
					db.hosts = append(db.hosts, host)
				}
				if port != "" && db.port == "" {
					db.port = port
				}
			}
			continue
		}
		s := in.workloadService(w)
		if s == nil {
			s = in.otherLanguageService(w)
		}
		if s != nil {
			owner[i] = s
			for _, h := range w.Hosts {
				s.hosts = append(s.hosts, guess{h, fmt.Sprintf("from %s: %s", w.File, describe(w))})
			}
		}
	}
	in.uniqueHosts(dbs)
	in.envKeys(workloads, owner, dbs)
	in.databases(dt, workloads, owner, dbs)
}

func describe(w deploy.Workload) string {
	if w.Kind == "compose" {
		return "compose service " + w.Name
	}
	if w.Container != "" && w.Container != w.Name {
		return "workload " + w.Name + " (container " + w.Container + ")"
	}
	return "workload " + w.Name
}

// workloadService returns the service whose code a workload runs: the one
// owning its build context or Dockerfile directory, else the one its
// name, container or image is named after.
func (in *inferrer) workloadService(w deploy.Workload) *service {
	for _, d := range w.Dirs {
		if d == "." {
			continue
		}
		if s := in.ownerOf(d); s != nil {
			return s
		}
	}
	for _, n := range workloadNames(w) {
		if s := in.serviceNamed(n); s != nil {
			return s
		}
	}
	return nil
}

// otherLanguageService returns a new service for a workload that runs
// code of another language kept in the repository, or nil: the workload's
// build directory, else the one directory named like the workload, that
// holds a project file (package.json, pom.xml, ...) and no Go code. A Go
// service calling it is coupled to it as to any other, and only the
// service's hosts and env keys tell couplingvet where a call goes.
func (in *inferrer) otherLanguageService(w deploy.Workload) *service {
	if w.Init || len(w.Hosts) == 0 {
		return nil // nothing addresses it
	}
	dir := ""
	for _, d := range w.Dirs {
		if d != "." && in.tree.projects[d] != "" && in.freeOfGo(d) {
			dir = d
			break
		}
	}
	if dir == "" {
		dir = in.projectNamed(workloadNames(w))
	}
	if dir == "" {
		return nil
	}
	s := in.newService(path.Base(dir), dir, fmt.Sprintf("from %s: %s runs the %s project in %s (not Go)", w.File, describe(w), in.tree.projects[dir], dir))
	for _, other := range in.services {
		if other.name == s.name {
			return nil
		}
	}
	in.services = append(in.services, s)
	slices.SortStableFunc(in.services, func(a, b *service) int { return strings.Compare(a.name, b.name) })
	return s
}

// freeOfGo reports whether dir holds no Go code and lies in no service.
func (in *inferrer) freeOfGo(dir string) bool {
	return !in.hasGo(dir) && in.ownerOf(dir) == nil
}

// projectNamed returns the one project directory whose name is one of
// names (normalised), or "" when there is none or several.
func (in *inferrer) projectNamed(names []string) string {
	found := ""
	for _, d := range slices.Sorted(maps.Keys(in.tree.projects)) {
		if d == "." || !slices.Contains(names, normalise(path.Base(d))) || !in.freeOfGo(d) {
			continue
		}
		if found != "" {
			return ""
		}
		found = d
	}
	return found
}

// workloadNames returns the normalised names a workload goes by: its
// own, its container's and its image's.
func workloadNames(w deploy.Workload) []string {
	img := strings.ToLower(w.Image)
	if i := strings.LastIndex(img, ":"); i > strings.LastIndex(img, "/") {
		img = img[:i]
	}
	var out []string
	for _, n := range []string{w.Name, w.Container, path.Base(img)} {
		if n != "" && n != "." && !slices.Contains(out, normalise(n)) {
			out = append(out, normalise(n))
		}
	}
	return out
}

// serviceNamed returns the service with the normalised name (or whose
// first directory has it), or nil.
func (in *inferrer) serviceNamed(n string) *service {
	for _, s := range in.services {
		if s.norm == n {
			return s
		}
	}
	for _, s := range in.services {
		if normalise(path.Base(s.owns[0].value)) == n {
			return s
		}
	}
	return nil
}

// uniqueHosts drops hosts two services share (and database hosts): a
// host must name one service.
func (in *inferrer) uniqueHosts(dbs []*database) {
	by := map[string][]*service{}
	for _, s := range in.services {
		s.hosts = dedupeGuesses(s.hosts)
		for _, h := range s.hosts {
			by[strings.ToLower(h.value)] = appendService(by[strings.ToLower(h.value)], s)
		}
	}
	for _, db := range dbs {
		for _, h := range db.hosts {
			if svcs := by[h]; len(svcs) > 0 {
				by[h] = append(svcs, nil)
			}
		}
	}
	for _, h := range slices.Sorted(maps.Keys(by)) {
		if svcs := by[h]; len(svcs) > 1 {
			for _, s := range svcs {
				if s != nil {
					s.hosts = dropValueFold(s.hosts, h)
				}
			}
			in.notes = append(in.notes, fmt.Sprintf("host %s is given to several workloads: it names none of them", h))
		}
	}
}

// envKeys finds the env keys whose values, in the workloads of other
// services, name a service's host: the keys that carry its address.
func (in *inferrer) envKeys(workloads []deploy.Workload, owner map[int]*service, dbs []*database) {
	type claim struct {
		svc *service
		why string
	}
	claims := map[string][]claim{}
	for i, w := range workloads {
		if imageEngine(w.Image) != "" {
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(w.Env)) {
			set := w.Env[key]
			if set.Value == "" || pointsAtDatabase(set.Value, dbs) {
				continue
			}
			for _, s := range in.services {
				if s == owner[i] {
					continue
				}
				if h := mentionedHost(set.Value, s.hosts); h != "" {
					claims[key] = append(claims[key], claim{s, fmt.Sprintf("from %s:%d: %s sets it to an address of %s (%s)", set.File, set.Line, describe(w), s.name, h)})
				}
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(claims)) {
		cs := claims[key]
		same := true
		for _, c := range cs {
			same = same && c.svc == cs[0].svc
		}
		if !same {
			in.notes = append(in.notes, fmt.Sprintf("env key %s names different services in different workloads: left out", key))
			continue
		}
		cs[0].svc.env = append(cs[0].svc.env, guess{key, cs[0].why})
	}
}

// databases gives each database to the one service whose workloads' env
// or config files point at it. A database several services point at is
// given to none: the map's shareddb check then reports the sharing once,
// naming every service, and the team decides whose it is.
func (in *inferrer) databases(dt *deploy.Tree, workloads []deploy.Workload, owner map[int]*service, dbs []*database) {
	serviceNames := map[string]bool{}
	for _, s := range in.services {
		serviceNames[s.name] = true
	}
	envOwner := map[string]bool{}
	for _, s := range in.services {
		for _, e := range s.env {
			envOwner[e.value] = true
		}
	}
	// usedEnv holds the keys no further database may take: those already
	// given, and from the start those that name a database per workload.
	usedEnv := perWorkloadKeys(workloads, owner, dbs)
	for _, key := range slices.Sorted(maps.Keys(usedEnv)) {
		in.notes = append(in.notes, fmt.Sprintf("env key %s points at a different database in each workload: left out (couplingvet reads each service's value from its own workload)", key))
	}
	for _, db := range dbs {
		users := map[*service][]guess{} // service -> env keys (or config files, value "")
		for i, w := range workloads {
			s := owner[i]
			if s == nil {
				continue
			}
			for _, key := range slices.Sorted(maps.Keys(w.Env)) {
				set := w.Env[key]
				if h := mentionedHost(set.Value, guessesOf(db.hosts)); h != "" {
					users[s] = append(users[s], guess{key, fmt.Sprintf("from %s:%d: %s points it at %s", set.File, set.Line, describe(w), h)})
				}
			}
		}
		for _, s := range in.services {
			for _, f := range dt.ConfigFiles(values(s.owns)...) {
				if h := configMentions(filepath.Join(in.root, filepath.FromSlash(f.Path)), db.hosts); h != "" {
					users[s] = append(users[s], guess{"", f.Path + " names " + h})
				}
			}
		}
		usersList := sortedSet(users)
		var to *service
		switch {
		case len(usersList) == 1:
			to = usersList[0]
		case len(usersList) == 0:
			to = in.byDatabaseName(db.name)
			if to == nil {
				in.notes = append(in.notes, fmt.Sprintf("database %s (%s) is used by no service's workload or config file: add it to its owner's databases", db.name, strings.TrimPrefix(db.why, "from ")))
				continue
			}
		default:
			in.notes = append(in.notes, fmt.Sprintf("database %s (%s) is used by %s: given to none of them, so couplingvet reports the sharing; give it to its owner (databases[], with shared_with and allow rules for the others)", db.name, strings.TrimPrefix(db.why, "from "), names(usersList)))
			continue
		}
		if serviceNames[db.name] {
			db.name += "-db"
		}
		port := db.port
		if port == "" {
			port = defaultPorts[db.engine]
		}
		for _, h := range db.hosts {
			db.dsn = append(db.dsn, db.engine+"://"+h+":"+port)
		}
		for _, g := range users[to] {
			if g.value != "" && !usedEnv[g.value] && !envOwner[g.value] {
				usedEnv[g.value] = true
				db.env = append(db.env, g)
			}
		}
		if len(users[to]) == 0 {
			db.why += "; named like " + to.name
		} else if users[to][0].value == "" {
			db.why += "; " + users[to][0].why
		}
		to.databases = append(to.databases, db)
	}
}

// perWorkloadKeys returns the env keys that the services' workloads point
// at more than one of dbs (DB_HOST=orders-db in one, DB_HOST=billing-db in
// the next): the key names a setting every service has, not one
// database, and given to the first database it would claim every
// service's connection for it.
func perWorkloadKeys(workloads []deploy.Workload, owner map[int]*service, dbs []*database) map[string]bool {
	pointsAt := map[string]map[*database]bool{}
	for i, w := range workloads {
		if owner[i] == nil {
			continue
		}
		for key, set := range w.Env {
			for _, db := range dbs {
				if mentionedHost(set.Value, guessesOf(db.hosts)) != "" {
					if pointsAt[key] == nil {
						pointsAt[key] = map[*database]bool{}
					}
					pointsAt[key][db] = true
				}
			}
		}
	}
	keys := map[string]bool{}
	for key, set := range pointsAt {
		if len(set) > 1 {
			keys[key] = true
		}
	}
	return keys
}

// byDatabaseName returns the service a database's name starts with
// (orders-db, orders_postgres), or nil.
func (in *inferrer) byDatabaseName(name string) *service {
	parts := regexp.MustCompile(`[-_.]`).Split(strings.ToLower(name), -1)
	if len(parts) < 2 {
		return nil
	}
	return in.serviceNamed(normalise(parts[0]))
}

func guessesOf(hosts []string) []guess {
	var out []guess
	for _, h := range hosts {
		out = append(out, guess{value: h})
	}
	return out
}

func pointsAtDatabase(value string, dbs []*database) bool {
	for _, db := range dbs {
		if mentionedHost(value, guessesOf(db.hosts)) != "" {
			return true
		}
	}
	return false
}

// mentionedHost returns the first of hosts that value names as a host: a
// whole host name, bounded by the characters that delimit one in an
// address, a URL or a DSN (orders, orders:8080, http://orders/x,
// postgres://u:p@orders-db:5432/x, tcp(mysql:3306)).
func mentionedHost(value string, hosts []guess) string {
	if value == "" {
		return ""
	}
	lower := strings.ToLower(value)
	for _, h := range hosts {
		host, _ := splitHost(strings.ToLower(h.value))
		if host == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(lower[i:], host)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(host)
			scheme := strings.HasPrefix(lower[end:], "://")                                          // mongodb://, redis://: a scheme, not a host
			pathSeg := start > 0 && lower[start-1] == '/' && !strings.HasSuffix(lower[:start], "//") // /v1/orders: a path
			if !scheme && !pathSeg && (start == 0 || strings.ContainsRune("/@(=,; \"'", rune(lower[start-1]))) &&
				(end == len(lower) || strings.ContainsRune(":/)?,; \"'", rune(lower[end]))) {
				return host
			}
			i = start + 1
		}
	}
	return ""
}

// configMentions returns the host a config file names as a database's
// address (host:port, or after a host key), or "".
func configMentions(file string, hosts []string) string {
	data, err := os.ReadFile(file)
	if err != nil || len(data) > 1<<20 {
		return ""
	}
	text := strings.ToLower(string(data))
	for _, h := range hosts {
		re := regexp.MustCompile(`(?:^|[\s"'/@(=,])` + regexp.QuoteMeta(strings.ToLower(h)) + `(?::\d|["'\s,)]*$)`)
		// host:port, or the host alone at the end of a value; a key
		// (redis:) or a scheme (redis://) is not an address.
		for _, line := range strings.Split(text, "\n") {
			if loc := re.FindStringIndex(line); loc != nil {
				before := line[:loc[0]]
				if strings.Contains(line[loc[0]:], ":") || strings.Contains(before, "host") || strings.Contains(before, "addr") {
					return h
				}
			}
		}
	}
	return ""
}

// splitHost splits host:port; a host without a port is returned whole.
func splitHost(h string) (string, string) {
	if host, port, err := net.SplitHostPort(h); err == nil {
		if _, err := strconv.Atoi(port); err == nil {
			return host, port
		}
	}
	return h, ""
}

func appendService(list []*service, s *service) []*service {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func dropValueFold(gs []guess, v string) []guess {
	var out []guess
	for _, g := range gs {
		if !strings.EqualFold(g.value, v) {
			out = append(out, g)
		}
	}
	return out
}
