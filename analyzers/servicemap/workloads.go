package servicemap

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/deploy"
)

// Workloads returns the workloads of the deploy files that run the view's
// service's code: a workload (a compose service, a Kubernetes container)
// runs a service's code when its build context or Dockerfile lies in a
// directory the service owns, else when its name, container name or image
// name is the service's name or one of its hosts.
func (v *View) Workloads() []deploy.Workload {
	if v.Owner.Service == "" || v.Deploy() == nil {
		return nil
	}
	if sr := v.rt.byService()[v.Owner.Service]; sr != nil {
		return sr.workloads
	}
	return nil
}

// A serviceRuntime is what the deploy tree holds for one service.
type serviceRuntime struct {
	workloads []deploy.Workload
	configs   []*deploy.ConfigFile
}

// byService sorts the deploy tree's workloads and config files by service,
// once per process: every value bound asks for its service's.
func (rt *mapRuntime) byService() map[string]*serviceRuntime {
	rt.indexOnce.Do(func() {
		m, t := rt.base, rt.deployTree()
		rt.index = make(map[string]*serviceRuntime, len(m.Services))
		for _, s := range m.Services {
			rt.index[s.Name] = &serviceRuntime{
				workloads: workloadsOf(m, t, s.Name),
				configs:   configFilesOf(m, t, s.Name),
			}
		}
	})
	return rt.index
}

// ConfigFiles returns the config files of the view's service: those in
// the directories it owns, those outside every service's directories
// that are named for it (configs/orders.yaml, config/orders/app.yaml),
// and the others its code loads (conf.MustLoad of a flag's default,
// viper.AddConfigPath: deploy.Tree.Loads).
func (v *View) ConfigFiles() []*deploy.ConfigFile {
	if v.Owner.Service == "" || v.Deploy() == nil {
		return nil
	}
	if sr := v.rt.byService()[v.Owner.Service]; sr != nil {
		return sr.configs
	}
	return nil
}

// workloadsOf returns the workloads that run service svc's code (see the
// rules above).
func workloadsOf(m *boundaries.Map, t *deploy.Tree, svc string) []deploy.Workload {
	var out []deploy.Workload
	for _, w := range t.Workloads() {
		if serviceOfWorkload(m, w) == svc {
			out = append(out, w)
		}
	}
	return out
}

// serviceOfWorkload says which service's code a workload runs, or "".
func serviceOfWorkload(m *boundaries.Map, w deploy.Workload) string {
	for _, d := range w.Dirs {
		if d == "" || d == "." {
			continue
		}
		if o := m.OwnerOfDir(filepath.FromSlash(d)); o.Service != "" && (o.Role == boundaries.Private || o.Role == boundaries.Contract) {
			return o.Service
		}
	}
	names := []string{w.Name, w.Container, imageName(w.Image)}
	for _, s := range m.Services {
		for _, n := range names {
			if n != "" && (strings.EqualFold(n, s.Name) || hostNamed(s, n)) {
				return s.Name
			}
		}
	}
	return ""
}

// imageName is the repository name of an image reference without registry,
// owner and tag: "ghcr.io/acme/orders:1.2" is "orders".
func imageName(image string) string {
	image = image[strings.LastIndexByte(image, '/')+1:]
	if i := strings.IndexAny(image, ":@"); i >= 0 {
		image = image[:i]
	}
	return image
}

// hostNamed reports whether one of s's hosts is the bare name n.
func hostNamed(s *boundaries.Service, n string) bool {
	for _, h := range s.Hosts {
		host := h
		if i := strings.Index(host, "://"); i >= 0 {
			host = strings.TrimLeft(host[i+3:], "/")
		}
		host, _, _ = strings.Cut(host, "/")
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
		if strings.EqualFold(host, n) {
			return true
		}
	}
	return false
}

// configFilesOf returns the config files of service svc: those in
// directories it owns, those outside every service's directories named for
// it, and the unclaimed ones its code loads (deploy.Tree.Loads), or, when
// it has none of the first two kinds, shared code loads.
func configFilesOf(m *boundaries.Map, t *deploy.Tree, svc string) []*deploy.ConfigFile {
	var out []*deploy.ConfigFile
	for _, f := range t.ConfigFiles(".") {
		o := m.OwnerOfDir(filepath.FromSlash(path.Dir(f.Path)))
		if o.Service == svc || o.Service == "" && namesService(f.Path, svc) {
			out = append(out, f)
		}
	}
	own := len(out) > 0
	for _, l := range t.Loads() {
		o := m.OwnerOfDir(filepath.FromSlash(path.Dir(l.GoFile)))
		// Shared code loads for the services that use it: a shared config
		// package reading config/config.yaml at the root is every
		// service's loader, for those without config files of their own.
		if o.Service != svc && !(o.Role == boundaries.Shared && !own) {
			continue
		}
		for _, rel := range l.Files {
			if f := t.ConfigFile(rel); f != nil && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// unclaimed reports whether a config file lies outside every service's
// directories and is named for none: only the code that loads it says
// whose it is.
func unclaimed(m *boundaries.Map, rel string) bool {
	if m.OwnerOfDir(filepath.FromSlash(path.Dir(rel))).Service != "" {
		return false
	}
	for _, s := range m.Services {
		if namesService(rel, s.Name) {
			return false
		}
	}
	return true
}

// namesService reports whether a config file outside every service's
// directories is named for svc: configs/orders.yaml, config/orders/app.yaml.
func namesService(file, svc string) bool {
	for _, seg := range strings.Split(file, "/") {
		if strings.EqualFold(strings.TrimSuffix(seg, path.Ext(seg)), svc) {
			return true
		}
	}
	return false
}

// DerivedHostNotes says, for -strict, which services take their hosts from
// the deploy files because the map lists none, and from where: "payments
// lists no hosts in the map: using payments, payments:9000 from
// docker-compose.yml:12".
func DerivedHostNotes(m *boundaries.Map) []string {
	tree := runtimeOf(m).deployTree()
	var notes []string
	for _, s := range m.Services {
		if len(s.Hosts) > 0 {
			continue
		}
		var hosts, from []string
		for _, w := range tree.Workloads() {
			if serviceOfWorkload(m, w) != s.Name || len(w.Hosts) == 0 {
				continue
			}
			for _, h := range w.Hosts {
				if !slices.Contains(hosts, h) {
					hosts = append(hosts, h)
				}
			}
			from = append(from, fmt.Sprintf("%s:%d", w.File, w.Line))
		}
		if len(hosts) > 0 {
			notes = append(notes, fmt.Sprintf("%s lists no hosts in the map: using %s from %s", s.Name, strings.Join(hosts, ", "), strings.Join(from, ", ")))
		}
	}
	return notes
}

// derivedHosts gives every service whose map entry lists no hosts the
// names and ports of the workloads that run its code.
func derivedHosts(m *boundaries.Map, t *deploy.Tree) map[string][]string {
	extra := map[string][]string{}
	for _, w := range t.Workloads() {
		svc := serviceOfWorkload(m, w)
		if s := m.Service(svc); s != nil && len(s.Hosts) == 0 {
			for _, h := range w.Hosts {
				if !slices.Contains(extra[svc], h) {
					extra[svc] = append(extra[svc], h)
				}
			}
		}
	}
	return extra
}
