package deploy

import (
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseCompose turns each service of a compose file into a Workload.
func (p *parser) parseCompose(rel string, data []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.tree.problem(rel, yamlErrLine(err), "cannot parse compose file: "+err.Error())
		return
	}
	dir := path.Dir(rel)
	in := &interpolator{loop: p.loopProblem}
	envPath := path.Join(dir, ".env")
	if data, ok := p.read(envPath); ok {
		in.scopes = []*dotenv{parseDotenv(envPath, data)}
		in.missing = "has no value in " + envPath + " (the shell's environment is not read)"
	} else {
		in.missing = "has no value: there is no .env beside " + rel + " (the shell's environment is not read)"
	}
	c := &composeFile{parser: p, rel: rel, dir: dir, in: in}
	first := len(p.workloads)
	services := pairs(get(deref(&doc), "services"))
	for _, svc := range services {
		c.service(svc.key, svc.value)
	}
	c.daprSidecars(p.workloads[first:], services)
}

// runsDaprd reports whether a compose service is a Dapr sidecar: its
// image or its command is daprd.
func runsDaprd(image string, command *yaml.Node) bool {
	if strings.Contains(image, "daprd") {
		return true
	}
	if command = deref(command); command == nil {
		return false
	}
	if command.Kind == yaml.ScalarNode {
		return strings.Contains(command.Value, "daprd")
	}
	return slices.ContainsFunc(items(command), func(n *yaml.Node) bool { return strings.Contains(str(n), "daprd") })
}

// daprSidecars gives each service the app-id of the Dapr sidecar that
// shares its network (network_mode: "service:orders", command
// ["./daprd", "--app-id", "orders", ...]): Dapr service invocation
// reaches the service by that name.
func (c *composeFile) daprSidecars(ws []Workload, services []pair) {
	byName := map[string]*Workload{}
	for i := range ws {
		byName[ws[i].Name] = &ws[i]
	}
	for _, svc := range services {
		side := byName[svc.key.Value]
		target, ok := strings.CutPrefix(c.text(get(deref(svc.value), "network_mode")), "service:")
		if side == nil || !ok || byName[target] == nil || !runsDaprd(side.Image, get(deref(svc.value), "command")) {
			continue
		}
		app := side.Flags["app-id"]
		if app.Value == "" || app.Unknown != "" {
			continue
		}
		w := byName[target]
		w.Hosts = dedupe(slices.Sorted(slices.Values(append(w.Hosts, app.Value))))
	}
}

type composeFile struct {
	*parser
	rel, dir string
	in       *interpolator
}

// text interpolates the scalar n; "" when it has no value.
func (c *composeFile) text(n *yaml.Node) string {
	v, _ := c.in.expand(str(n))
	return v
}

func (c *composeFile) service(key, n *yaml.Node) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	w := Workload{
		Kind:  "compose",
		Name:  key.Value,
		File:  c.rel,
		Line:  key.Line,
		Image: c.text(get(n, "image")),
		Dirs:  c.buildDirs(get(n, "build")),
		Env:   map[string]Setting{},
	}
	c.envFiles(w.Env, get(n, "env_file"))
	c.environment(w.Env, get(n, "environment"))
	w.Flags = commandFlags(c.rel, wordsOf(get(n, "command"), c.in.expand))
	w.Hosts = c.hosts(w.Name, n)
	c.workloads = append(c.workloads, w)
}

// buildDirs returns the build context and the Dockerfile's directory,
// relative to the root. A remote context (a git URL) runs no code of ours.
func (c *composeFile) buildDirs(b *yaml.Node) []string {
	if b == nil {
		return nil
	}
	context, dockerfile := c.text(b), ""
	if b.Kind == yaml.MappingNode {
		context, dockerfile = c.text(get(b, "context")), c.text(get(b, "dockerfile"))
		if context == "" {
			context = "."
		}
	}
	if context == "" || strings.Contains(context, "://") || strings.HasPrefix(context, "git@") {
		return nil
	}
	ctx := cleanRel(path.Join(c.dir, context))
	dirs := []string{ctx}
	if dockerfile != "" && !path.IsAbs(dockerfile) {
		dirs = append(dirs, cleanRel(path.Dir(path.Join(ctx, dockerfile))))
	}
	return dedupe(dirs)
}

// envFiles reads env_file: a path, a list of paths, or a list of
// {path, required}. Paths are relative to the compose file; a later file
// overrides an earlier one.
func (c *composeFile) envFiles(env map[string]Setting, n *yaml.Node) {
	list := items(n)
	if n != nil && n.Kind == yaml.ScalarNode {
		list = []*yaml.Node{n}
	}
	for _, item := range list {
		pathNode, required := item, true
		if item.Kind == yaml.MappingNode {
			pathNode = get(item, "path")
			required = str(get(item, "required")) != "false"
		}
		name := c.text(pathNode)
		if name == "" {
			continue
		}
		rel := cleanRel(path.Join(c.dir, name))
		data, ok := c.read(rel)
		if !ok {
			if required {
				c.tree.problem(c.rel, lineOf(pathNode), "env_file "+name+" does not exist ("+rel+"): the values it would set are unknown")
			}
			continue
		}
		file := parseDotenv(rel, data)
		in := &interpolator{scopes: append([]*dotenv{file}, c.in.scopes...), missing: c.in.missing, loop: c.loopProblem}
		for _, name := range file.names {
			v := file.vars[name]
			s := Setting{File: rel, Line: v.line}
			if v.literal {
				s.Value = v.raw
			} else {
				s.Value, s.Unknown = in.expand(v.raw)
			}
			env[name] = s
		}
	}
}

// environment reads environment: as a list of KEY=value (a bare KEY passes
// the shell's value through: unknown) or as a mapping (a null value is the
// same pass-through).
func (c *composeFile) environment(env map[string]Setting, n *yaml.Node) {
	passThrough := func(key string) string {
		return key + " is passed through from the environment docker compose runs in"
	}
	for _, item := range items(n) {
		key, raw, ok := strings.Cut(str(item), "=")
		s := Setting{File: c.rel, Line: item.Line}
		if !ok {
			s.Unknown = passThrough(key)
		} else {
			s.Value, s.Unknown = c.in.expand(raw)
		}
		if key != "" {
			env[key] = s
		}
	}
	for _, kv := range pairs(n) {
		s := Setting{File: c.rel, Line: kv.value.Line}
		if raw, ok := scalar(kv.value); ok {
			s.Value, s.Unknown = c.in.expand(raw)
		} else {
			s.Unknown = passThrough(kv.key.Value)
		}
		env[kv.key.Value] = s
	}
}

// hosts returns the names other containers reach this service at, and
// name:port for each container port it listens on.
func (c *composeFile) hosts(service string, n *yaml.Node) []string {
	names := []string{service}
	for _, key := range []string{"container_name", "hostname"} {
		if v := c.text(get(n, key)); v != "" {
			names = append(names, v)
		}
	}
	for _, network := range pairs(get(n, "networks")) {
		for _, alias := range items(get(network.value, "aliases")) {
			if v := c.text(alias); v != "" {
				names = append(names, v)
			}
		}
	}
	var ports []string
	for _, p := range items(get(n, "ports")) {
		if p.Kind == yaml.MappingNode {
			ports = append(ports, c.text(get(p, "target")))
			continue
		}
		ports = append(ports, containerPorts(c.text(p))...)
	}
	for _, p := range items(get(n, "expose")) {
		ports = append(ports, containerPorts(c.text(p))...)
	}
	return withPorts(names, ports)
}

// containerPorts returns the container side of a compose port spec:
// "80", "8080:80", "127.0.0.1:8080:80/tcp", "9090-9091:8080-8081".
func containerPorts(spec string) []string {
	spec, _, _ = strings.Cut(spec, "/")
	if i := strings.LastIndexByte(spec, ':'); i >= 0 {
		spec = spec[i+1:]
	}
	lo, hi, isRange := strings.Cut(spec, "-")
	a, err := strconv.Atoi(lo)
	if err != nil || a <= 0 {
		return nil
	}
	if !isRange {
		return []string{lo}
	}
	b, err := strconv.Atoi(hi)
	if err != nil || b < a || b-a > 64 {
		return nil
	}
	var out []string
	for port := a; port <= b; port++ {
		out = append(out, strconv.Itoa(port))
	}
	return out
}

// withPorts returns names and every name:port, sorted and without duplicates.
func withPorts(names, ports []string) []string {
	out := append([]string(nil), names...)
	for _, name := range names {
		for _, port := range ports {
			if port != "" {
				out = append(out, name+":"+port)
			}
		}
	}
	sort.Strings(out)
	return dedupe(out)
}
