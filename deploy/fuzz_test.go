package deploy

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParsers feeds one input to every parser: bad deploy and config
// files must become Problems or unknown values, never a panic.
func FuzzParsers(f *testing.F) {
	for _, seed := range []string{
		"testdata/compose/docker-compose.yml", "testdata/compose/.env", "testdata/kube/manifests/orders.yaml",
		"testdata/kube/manifests/payments.yaml", "testdata/helm/charts/cart/templates/deployment.yaml",
		"testdata/helm/charts/cart/values.yaml", "testdata/config/conf/app.json", "testdata/config/conf/app.toml",
		"testdata/config/services/orders/etc/order.yaml",
	} {
		data, err := os.ReadFile(filepath.FromSlash(seed))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("A=${B}\nB=${A:-${C}}\nC=$$${A\n"))
	f.Add([]byte("{{- if }}{{ .Values.a.b | default \"x\" | quote -}}\n{{ toYaml .Values | nindent 2 }}"))
	f.Add([]byte("a: &x [*x]\nb: {<<: *x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files := map[string][]byte{".env": data, "a.env": data, "chart/values.yaml": data, "chart/Chart.yaml": data}
		tree := &Tree{files: files, configs: map[string]*ConfigFile{}}
		read := func(rel string) ([]byte, bool) { d, ok := files[rel]; return d, ok }
		p := &parser{tree: tree, read: read, charts: []string{"chart"}}
		p.parseCompose("docker-compose.yml", data)
		p.parseManifests("manifest.yaml", data, plainText, nil)
		p.parseHelm("chart/templates/deployment.yaml", data)
		p.finish()

		in := &interpolator{scopes: []*dotenv{parseDotenv(".env", data)}, loop: p.loopProblem}
		in.expand(string(data))
		expandKube(string(data), map[string]Setting{"A": {Value: "a"}})
		containerPorts(string(data))

		for _, format := range []string{"yaml", "json", "toml"} {
			cf := &ConfigFile{Path: "c", Format: format, data: data}
			cf.Lookup([][]string{{"a"}, {"b"}})
			cf.Problem()
		}
	})
}
