package deploy

import (
	"errors"
	"path"
	"regexp"
	"sort"
	"strconv"

	"gopkg.in/yaml.v3"
)

// A parser reads the deploy files of one Tree. Kubernetes containers are
// resolved after every file is read, because a ConfigMap or a Service may
// be in another file than the workload that uses it.
type parser struct {
	tree   *Tree
	read   func(rel string) ([]byte, bool)
	charts []string

	workloads  []Workload
	pods       []pod
	configMaps []configMap
	services   []service
	loops      map[string]bool
	chartName  string // of the Helm template being read: the name of workloads whose name is rendered at install time
	chartDir   string // of the Helm template being read
}

func (p *parser) parseAll(files []string) {
	for _, rel := range files {
		data := p.tree.files[rel]
		switch {
		case chartOf(rel, p.charts) != "":
			p.parseHelm(rel, data)
		case isKustomizationName(path.Base(rel)):
			p.parseKustomization(rel, data)
		case isComposeName(path.Base(rel)):
			p.parseCompose(rel, data)
		default:
			p.parseManifests(rel, data, plainText, nil)
		}
	}
}

// finish resolves the Kubernetes containers and returns every workload,
// sorted by file and line.
func (p *parser) finish() []Workload {
	for _, pod := range p.pods {
		p.resolvePod(pod)
	}
	sort.SliceStable(p.workloads, func(i, j int) bool {
		a, b := p.workloads[i], p.workloads[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Container < b.Container
	})
	return p.workloads
}

// loopProblem records a loop of ${VAR} references once.
func (p *parser) loopProblem(file string, line int, name string) {
	key := file + "\x00" + strconv.Itoa(line)
	if p.loops[key] {
		return
	}
	if p.loops == nil {
		p.loops = map[string]bool{}
	}
	p.loops[key] = true
	p.tree.problem(file, line, "${"+name+"} refers to itself through a loop of ${VAR} references: every value that uses it is unknown")
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrLine returns the line a yaml.v3 error names, or 0.
func yamlErrLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}
