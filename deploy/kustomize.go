package deploy

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

func isKustomizationName(name string) bool {
	name = strings.ToLower(name)
	return name == "kustomization.yaml" || name == "kustomization.yml"
}

// parseKustomization reads the ConfigMaps a kustomization generates from
// literals and env files (configMapGenerator), so that workloads that refer
// to them get their values. kustomize adds a hash to the generated name and
// rewrites the references; they are matched by the name as written. The
// resources it lists are read as the plain manifests they are; patches are
// not applied.
func (p *parser) parseKustomization(rel string, data []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.tree.problem(rel, yamlErrLine(err), "cannot parse kustomization: "+err.Error())
		return
	}
	root := deref(&doc)
	dir := path.Dir(rel)
	for _, gen := range items(get(root, "configMapGenerator")) {
		cm := configMap{name: str(get(gen, "name")), namespace: str(get(gen, "namespace")), data: map[string]Setting{}}
		if cm.namespace == "" {
			cm.namespace = str(get(root, "namespace"))
		}
		set := func(key string, s Setting) {
			if _, dup := cm.data[key]; !dup {
				cm.names = append(cm.names, key)
			}
			cm.data[key] = s
		}
		envs := items(get(gen, "envs"))
		if env := get(gen, "env"); env != nil { // the field before kustomize v4
			envs = append(envs, env)
		}
		for _, env := range envs {
			file := cleanRel(path.Join(dir, str(env)))
			data, ok := p.read(file)
			if !ok {
				p.tree.problem(rel, env.Line, "configMapGenerator env file "+str(env)+" does not exist ("+file+"): the values it would set are unknown")
				continue
			}
			vars := parseDotenv(file, data)
			for _, name := range vars.names {
				set(name, Setting{Value: vars.vars[name].raw, File: file, Line: vars.vars[name].line})
			}
		}
		for _, lit := range items(get(gen, "literals")) {
			if key, value, ok := strings.Cut(str(lit), "="); ok {
				set(key, Setting{Value: value, File: rel, Line: lit.Line})
			}
		}
		p.configMaps = append(p.configMaps, cm)
	}
}
