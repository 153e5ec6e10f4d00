package deploy

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// A render gives the value of a scalar in a manifest: the text as written
// for plain manifests, the rendered text for Helm templates. unknown says
// why the value cannot be told.
type render func(n *yaml.Node) (value, unknown string)

func plainText(n *yaml.Node) (string, string) { return str(n), "" }

// A pod is a workload's pod template, kept until every ConfigMap is read.
type pod struct {
	file, kind, name, namespace string
	line                        int
	labels                      map[string]string
	chart                       string // the Helm chart the workload is a template of, or ""
	daprAppID                   string // the dapr.io/app-id annotation: the name its Dapr sidecar serves it under
	spec                        *yaml.Node
	render                      render
}

type configMap struct {
	name, namespace string
	data            map[string]Setting
	names           []string // keys in file order
}

type service struct {
	name, namespace string
	selector        map[string]string // nil: no selector, or one that cannot be told
	selectorUnknown bool              // the selector is there but cannot be told (a Helm include)
	chart           string            // the Helm chart the Service is a template of, or ""
	ports           []string
}

// podTemplate returns where each workload kind keeps its pod: its spec and labels.
func podTemplate(kind string, obj *yaml.Node) (spec, meta *yaml.Node) {
	switch kind {
	case "Pod":
		return get(obj, "spec"), get(obj, "metadata")
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
		t := get(get(obj, "spec"), "template")
		return get(t, "spec"), get(t, "metadata")
	case "CronJob":
		t := get(get(get(get(obj, "spec"), "jobTemplate"), "spec"), "template")
		return get(t, "spec"), get(t, "metadata")
	}
	return nil, nil
}

// parseManifests reads every document of a (multi-document) YAML file.
// lines, when not nil, maps the lines of data to the lines of the file
// (data is a rendered Helm template).
func (p *parser) parseManifests(rel string, data []byte, r render, lines []int) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			p.tree.problem(rel, fileLine(yamlErrLine(err), lines), "cannot parse Kubernetes manifest: "+err.Error()+" (this and later documents of the file are skipped)")
			return
		}
		if lines != nil {
			remapLines(&doc, lines, 0)
		}
		p.object(rel, deref(&doc), r, 0)
	}
}

// fileLine returns the file's line for line of the rendered text.
func fileLine(line int, lines []int) int {
	if lines == nil || line < 1 || line > len(lines) {
		return line
	}
	return lines[line-1]
}

func remapLines(n *yaml.Node, lines []int, depth int) {
	if n == nil || depth > 1000 {
		return
	}
	n.Line = fileLine(n.Line, lines)
	for _, c := range n.Content {
		remapLines(c, lines, depth+1)
	}
}

func (p *parser) object(rel string, obj *yaml.Node, r render, depth int) {
	if obj == nil || obj.Kind != yaml.MappingNode || depth > 5 {
		return
	}
	kind := str(get(obj, "kind"))
	meta := get(obj, "metadata")
	name, why := r(get(meta, "name"))
	if why != "" && p.chartName != "" {
		name = p.chartName
	}
	namespace, _ := r(get(meta, "namespace"))
	switch kind {
	case "List":
		for _, item := range items(get(obj, "items")) {
			p.object(rel, item, r, depth+1)
		}
	case "ConfigMap":
		cm := configMap{name: name, namespace: namespace, data: map[string]Setting{}}
		for _, kv := range pairs(get(obj, "data")) {
			v, why := r(kv.value)
			cm.data[kv.key.Value] = Setting{Value: v, Unknown: why, File: rel, Line: kv.value.Line}
			cm.names = append(cm.names, kv.key.Value)
		}
		p.configMaps = append(p.configMaps, cm)
	case "Service":
		spec := get(obj, "spec")
		svc := service{name: name, namespace: namespace, chart: p.chartDir}
		sel, known := labelsOf(get(spec, "selector"), r)
		if len(sel) > 0 && known {
			svc.selector = sel
		}
		svc.selectorUnknown = !known && get(spec, "externalName") == nil
		for _, port := range items(get(spec, "ports")) {
			if v, why := r(get(port, "port")); why == "" && v != "" {
				svc.ports = append(svc.ports, v)
			}
		}
		p.services = append(p.services, svc)
	default:
		spec, podMeta := podTemplate(kind, obj)
		if spec == nil {
			return
		}
		p.pods = append(p.pods, pod{
			file: rel, kind: kind, name: name, namespace: namespace, line: lineOf(get(meta, "name")),
			labels: knownLabels(get(podMeta, "labels"), r), chart: p.chartDir, spec: spec, render: r,
			daprAppID: knownText(get(get(podMeta, "annotations"), "dapr.io/app-id"), r),
		})
	}
}

// labelsOf returns a label mapping; known is false when any label cannot be
// told, so that a selector never matches by a guess.
func labelsOf(n *yaml.Node, r render) (labels map[string]string, known bool) {
	labels = map[string]string{}
	for _, kv := range pairs(n) {
		v, why := r(kv.value)
		if why != "" || kv.key.Value == unknownBlock {
			return nil, false
		}
		labels[kv.key.Value] = v
	}
	return labels, true
}

// knownText returns the rendered scalar n, or "" when it has none or it
// cannot be told.
func knownText(n *yaml.Node, r render) string {
	if n == nil {
		return ""
	}
	if v, why := r(n); why == "" {
		return v
	}
	return ""
}

// knownLabels returns the labels, or nil when any cannot be told.
func knownLabels(n *yaml.Node, r render) map[string]string {
	labels, _ := labelsOf(n, r)
	return labels
}

func (p *parser) resolvePod(pd pod) {
	hosts := p.serviceHosts(pd)
	if pd.daprAppID != "" {
		// Dapr service invocation reaches the pod by its app-id.
		hosts = dedupe(slices.Sorted(slices.Values(append(hosts, pd.daprAppID))))
	}
	for _, list := range []string{"initContainers", "containers"} {
		for _, c := range items(get(pd.spec, list)) {
			name, _ := pd.render(get(c, "name"))
			image, _ := pd.render(get(c, "image"))
			env := p.containerEnv(pd, c)
			p.workloads = append(p.workloads, Workload{
				Kind:      "kubernetes",
				Name:      pd.name,
				Container: name,
				File:      pd.file,
				Line:      lineOf(get(c, "name")),
				Image:     image,
				Env:       env,
				Flags:     p.containerFlags(pd, c, env),
				Hosts:     hosts,
				Init:      list == "initContainers",
			})
		}
	}
}

// containerFlags returns the named flags of a container's command and
// args, where $(VAR) is the container's environment variable.
func (p *parser) containerFlags(pd pod, c *yaml.Node, env map[string]Setting) map[string]Setting {
	expand := func(raw string) (string, string) {
		return expandKube(raw, env)
	}
	var words []arg
	for _, key := range []string{"command", "args"} {
		for _, item := range items(get(c, key)) {
			raw, why := pd.render(item)
			v, unknown := expand(raw)
			if why != "" {
				unknown = why
			}
			words = append(words, arg{v, item.Line, unknown})
		}
	}
	return commandFlags(pd.file, words)
}

// containerEnv returns the environment Kubernetes gives a container:
// envFrom first, then env in order, where $(VAR) refers to what is set so far.
func (p *parser) containerEnv(pd pod, c *yaml.Node) map[string]Setting {
	env := map[string]Setting{}
	for _, from := range items(get(c, "envFrom")) {
		ref := get(from, "configMapRef")
		if ref == nil {
			continue // secretRef: neither its keys nor its values are in the repository
		}
		name, _ := pd.render(get(ref, "name"))
		prefix, _ := pd.render(get(from, "prefix"))
		if cm := p.configMap(name, pd.namespace); cm != nil {
			for _, key := range cm.names {
				env[prefix+key] = cm.data[key]
			}
		}
	}
	for _, e := range items(get(c, "env")) {
		name, _ := pd.render(get(e, "name"))
		if name == "" {
			continue
		}
		s := Setting{File: pd.file, Line: lineOf(get(e, "name"))}
		if v := get(e, "value"); v != nil {
			s.Line = v.Line
			raw, why := pd.render(v)
			s.Value, s.Unknown = expandKube(raw, env)
			if why != "" {
				s.Unknown = why
			}
		} else if from := get(e, "valueFrom"); from != nil {
			s.Line = from.Line
			s = p.valueFrom(pd, from, s)
		}
		env[name] = s
	}
	return env
}

func (p *parser) valueFrom(pd pod, from *yaml.Node, s Setting) Setting {
	ref := func(n *yaml.Node) (string, string) {
		name, _ := pd.render(get(n, "name"))
		key, _ := pd.render(get(n, "key"))
		return name, key
	}
	switch {
	case get(from, "configMapKeyRef") != nil:
		name, key := ref(get(from, "configMapKeyRef"))
		cm := p.configMap(name, pd.namespace)
		if cm == nil {
			s.Unknown = "from ConfigMap " + name + " key " + key + ", which is not in the deploy files read"
			return s
		}
		v, ok := cm.data[key]
		if !ok {
			s.Unknown = "from ConfigMap " + name + " key " + key + ", which the ConfigMap does not define"
			return s
		}
		return v
	case get(from, "secretKeyRef") != nil:
		name, key := ref(get(from, "secretKeyRef"))
		s.Unknown = "from Secret " + name + " key " + key
	case get(from, "fieldRef") != nil:
		field, _ := pd.render(get(get(from, "fieldRef"), "fieldPath"))
		s.Unknown = "from the pod's field " + field + ", known only when it runs"
	case get(from, "resourceFieldRef") != nil:
		res, _ := pd.render(get(get(from, "resourceFieldRef"), "resource"))
		s.Unknown = "from the container's resource " + res + ", known only when it runs"
	default:
		s.Unknown = "valueFrom of a kind couplingvet does not read"
	}
	return s
}

// configMap returns the ConfigMap name in the pod's namespace; a manifest
// without a namespace matches any (it is applied with kubectl -n).
func (p *parser) configMap(name, namespace string) *configMap {
	for i := range p.configMaps {
		cm := &p.configMaps[i]
		if cm.name == name && sameNamespace(cm.namespace, namespace) {
			return cm
		}
	}
	return nil
}

func sameNamespace(a, b string) bool { return a == "" || b == "" || a == b }

// serviceHosts returns the names of the Services that select the pod, with
// their ports, and the namespace-qualified names where the namespace is known.
func (p *parser) serviceHosts(pd pod) []string {
	var names, out []string
	for _, svc := range p.services {
		if !sameNamespace(svc.namespace, pd.namespace) || !p.serviceSelects(svc, pd) {
			continue
		}
		names = []string{svc.name}
		if ns := svc.namespace; ns != "" {
			names = append(names, svc.name+"."+ns, svc.name+"."+ns+".svc", svc.name+"."+ns+".svc.cluster.local")
		}
		out = append(out, withPorts(names, svc.ports)...)
	}
	sort.Strings(out)
	return dedupe(out)
}

// serviceSelects reports whether svc sends traffic to pd. A Helm chart
// that renders its selector from a named template (helm create's
// selectorLabels) selects its only workload: with one workload in the
// chart there is nothing else the Service can be for.
func (p *parser) serviceSelects(svc service, pd pod) bool {
	if svc.selector != nil {
		return selects(svc.selector, pd.labels)
	}
	if !svc.selectorUnknown || svc.chart == "" || svc.chart != pd.chart {
		return false
	}
	n := 0
	for _, other := range p.pods {
		if other.chart == pd.chart {
			n++
		}
	}
	return n == 1
}

func selects(selector, labels map[string]string) bool {
	for k, v := range selector {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// expandKube expands $(VAR) references to variables set earlier in the
// container, as the kubelet does: $$ is a literal $, and a reference to a
// variable not set is left as written.
func expandKube(s string, env map[string]Setting) (value, unknown string) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i++
			continue
		case '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				break
			}
			name := s[i+2 : i+end]
			set, ok := env[name]
			if !ok {
				b.WriteString(s[i : i+end+1])
			} else {
				b.WriteString(set.Value)
				if set.Unknown != "" && unknown == "" {
					unknown = "$(" + name + ") is " + set.Unknown
				}
			}
			i += end
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), unknown
}
