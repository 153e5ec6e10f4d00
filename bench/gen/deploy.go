package main

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// What the running system sets outside Go: a docker-compose.yml with one
// entry per service (and its database), a Kubernetes manifest per service
// under deploy/k8s (a ConfigMap, a Deployment and a Service), and each
// service's config file, services/<svc>/etc/<svc>.yaml, which its
// internal/config package loads with gopkg.in/yaml.v3. They carry the
// addresses of the services each one calls and its DSNs; the planted env-*
// and config-* calls find their addresses only there. Next to them sit the
// YAML and JSON files a repository also has and couplingvet must skip: CI
// workflows, buf configuration, Swagger documents, a web app's package.json.

// yamlModule is the YAML library the config packages load their file with,
// required at the version couplingvet itself builds with, so that its
// module is in the module cache of anyone who built the benchmark's tools
// (the tree builds offline).
const yamlModule = "gopkg.in/yaml.v3"

// yamlGoSum lists the checksums the tree's go.sum needs for yamlModule.
const yamlGoSum = `gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405/go.mod h1:Co6ibVJAznAaIkqp8huTwlJQCZ016jof/cbN4VW5Yz0=
gopkg.in/yaml.v3 v3.0.1 h1:fxVm/GzAzEWqLHuvctI91KS9hhNmmWOoWu0XTYJS7CA=
gopkg.in/yaml.v3 v3.0.1/go.mod h1:K4uyk7z7BCEPqu6E+C64Yfv1cQ7kz7rIZviUmN+EgEM=
`

const yamlRequire = "require gopkg.in/yaml.v3 v3.0.1\n"

const partnerWebhook = "https://hooks.partner.example.com/v1/events"

// endpointEnv is the environment variable that holds the address of
// service to in the deploy files; the map lists <TO>_URL and <TO>_ADDR only.
func endpointEnv(to string) string { return strings.ToUpper(to) + "_ENDPOINT" }

// reportingEnv holds the DSN of the database a service's reports read.
const reportingEnv = "REPORTING_DATABASE_URL"

func databaseEnv(svc string) string { return strings.ToUpper(svc) + "_DATABASE_URL" }

func reportingDSN(to string) string {
	return fmt.Sprintf("postgres://reporting:secret@%s-db:5432/%s?sslmode=disable", to, to)
}

// called returns the services that service s's code calls, sorted by name.
func (t *tree) called(s int) []string {
	var out []string
	for _, p := range t.private[s] {
		for _, c := range p.calls {
			if c.check == "syncclient" && !slices.Contains(out, t.services[c.to]) {
				out = append(out, t.services[c.to])
			}
		}
	}
	slices.Sort(out)
	return out
}

// readsReports reports whether service s's code opens its reporting
// database (an env-sql or config-sql call).
func (t *tree) readsReports(s int) bool {
	for _, p := range t.private[s] {
		for _, c := range p.calls {
			if c.kind == "env-sql" || c.kind == "config-sql" {
				return true
			}
		}
	}
	return false
}

// configFile is a service's internal/config package: the struct its
// etc/<svc>.yaml fills, and the loader. Every service it calls has an
// upstream field.
func (t *tree) configFile(s int) string {
	svc := t.services[s]
	var b strings.Builder
	fmt.Fprintf(&b, `// Package config is the %[1]s service's configuration, read from
// etc/%[1]s.yaml at start-up (generated for couplingvet's benchmarks).
package config

import (
	"fmt"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is what etc/%[1]s.yaml holds.
type Config struct {
	Name      string        ´yaml:"name"´
	ListenOn  string        ´yaml:"listenOn"´
	Timeout   time.Duration ´yaml:"timeout"´
	Database  Database      ´yaml:"database"´
	Reporting Reporting     ´yaml:"reporting"´
	Partner   Upstream      ´yaml:"partner"´
	Upstreams Upstreams     ´yaml:"upstreams"´
}

// Database is the service's own database.
type Database struct {
	DataSource   string ´yaml:"dataSource"´
	MaxOpenConns int    ´yaml:"maxOpenConns"´
}

// Reporting is the database the service's reports read.
type Reporting struct {
	DataSource string ´yaml:"dataSource"´
}

// Upstream is a service or partner this service calls.
type Upstream struct {
	Endpoint string        ´yaml:"endpoint"´
	Timeout  time.Duration ´yaml:"timeout"´
}

// Upstreams are the services this one calls.
type Upstreams struct {
`, svc)
	for _, to := range t.called(s) {
		fmt.Fprintf(&b, "\t%s Upstream ´yaml:\"%s\"´\n", exported(to), to)
	}
	b.WriteString(`}

// Load reads the config file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := yaml.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if c.Timeout <= 0 {
		c.Timeout = 5 * time.Second
	}
	return &c, nil
}
`)
	return strings.ReplaceAll(b.String(), "´", "`")
}

// serviceConfig is services/<svc>/etc/<svc>.yaml.
func (t *tree) serviceConfig(s int) string {
	svc := t.services[s]
	var b strings.Builder
	fmt.Fprintf(&b, "# Configuration of the %s service (written by bench/gen).\n", svc)
	timeout := "5s"
	if t.deps == depsHeavy {
		timeout = "5000" // go-zero's RpcServerConf.Timeout: milliseconds
	}
	fmt.Fprintf(&b, "name: %s\nlistenOn: 0.0.0.0:9090\ntimeout: %s\n\n", svc, timeout)
	fmt.Fprintf(&b, "database:\n  dataSource: %s\n  maxOpenConns: 16\n", ownDSN(svc))
	if t.readsReports(s) {
		fmt.Fprintf(&b, "\nreporting:\n  dataSource: %s\n", reportingDSN(t.services[t.reports[s]]))
	}
	fmt.Fprintf(&b, "\npartner:\n  endpoint: %s\n  timeout: 3s\n", partnerWebhook)
	if called := t.called(s); len(called) > 0 {
		b.WriteString("\nupstreams:\n")
		for _, to := range called {
			fmt.Fprintf(&b, "  %s:\n    endpoint: http://%s:8080\n    timeout: 2s\n", to, to)
		}
	}
	return b.String()
}

// composeFile is the root docker-compose.yml: each service built from its
// directory, with its database, the addresses of the services it calls and
// the partner's webhook in its environment (as a mapping for even services,
// as a list for odd ones: both forms are common), and a database container
// per service.
func (t *tree) composeFile() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Local development environment (written by bench/gen, size %s, seed %d).\n", t.size, t.seed)
	b.WriteString("name: mono\n\nservices:\n")
	for s, svc := range t.services {
		env := [][2]string{{databaseEnv(svc), ownDSN(svc)}, {"PARTNER_WEBHOOK_URL", partnerWebhook}}
		for _, to := range t.called(s) {
			env = append(env, [2]string{endpointEnv(to), "http://" + to + ":8080"})
		}
		fmt.Fprintf(&b, "  %s:\n    build: ./services/%s\n", svc, svc)
		fmt.Fprintf(&b, "    command: [\"/%sd\", \"-f\", \"/etc/%s/%s.yaml\"]\n", svc, svc, svc)
		b.WriteString("    ports:\n      - \"8080\"\n      - \"9090\"\n")
		b.WriteString("    environment:\n")
		for _, kv := range env {
			if s%2 == 0 {
				fmt.Fprintf(&b, "      %s: %s\n", kv[0], kv[1])
			} else {
				fmt.Fprintf(&b, "      - %s=%s\n", kv[0], kv[1])
			}
		}
		fmt.Fprintf(&b, "    depends_on: [%s-db]\n", svc)
		fmt.Fprintf(&b, "    volumes:\n      - ./services/%s/etc:/etc/%s:ro\n", svc, svc)
		fmt.Fprintf(&b, "  %s-db:\n    image: postgres:16\n    environment:\n", svc)
		fmt.Fprintf(&b, "      POSTGRES_DB: %s\n      POSTGRES_USER: %s\n      POSTGRES_PASSWORD: secret\n", svc, svc)
		b.WriteString("    expose: [\"5432\"]\n")
	}
	return b.String()
}

// kubeManifest is deploy/k8s/<svc>.yaml: a ConfigMap with the addresses of
// the services it calls and its reporting DSN, read through
// configMapKeyRef; a Deployment that sets its own DSN and the partner's
// webhook as literal values; and the Service in front of it.
func (t *tree) kubeManifest(s int) string {
	svc := t.services[s]
	called := t.called(s)
	var b strings.Builder
	fmt.Fprintf(&b, "# The %s service on Kubernetes (written by bench/gen).\n", svc)
	fmt.Fprintf(&b, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\n  namespace: mono\ndata:\n", svc)
	fmt.Fprintf(&b, "  LOG_LEVEL: info\n")
	for _, to := range called {
		fmt.Fprintf(&b, "  %s: http://%s.mono.svc.cluster.local:8080\n", endpointEnv(to), to)
	}
	if t.readsReports(s) {
		fmt.Fprintf(&b, "  %s: %s\n", reportingEnv, reportingDSN(t.services[t.reports[s]]))
	}
	fmt.Fprintf(&b, `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: %[1]s
  namespace: mono
  labels:
    app: %[1]s
spec:
  replicas: 2
  selector:
    matchLabels:
      app: %[1]s
  template:
    metadata:
      labels:
        app: %[1]s
    spec:
      containers:
        - name: %[1]s
          image: registry.example.com/mono/%[1]s:1.0.0
          args: ["-f", "/etc/%[1]s/%[1]s.yaml"]
          ports:
            - name: http
              containerPort: 8080
            - name: grpc
              containerPort: 9090
          env:
            - name: %[2]s
              value: %[3]s
            - name: PARTNER_WEBHOOK_URL
              value: %[4]s
`, svc, databaseEnv(svc), ownDSN(svc), partnerWebhook)
	keys := []string{"LOG_LEVEL"}
	for _, to := range called {
		keys = append(keys, endpointEnv(to))
	}
	if t.readsReports(s) {
		keys = append(keys, reportingEnv)
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "            - name: %s\n              valueFrom:\n                configMapKeyRef:\n                  name: %s-config\n                  key: %s\n", k, svc, k)
	}
	fmt.Fprintf(&b, `          readinessProbe:
            httpGet:
              path: /healthz
              port: http
---
apiVersion: v1
kind: Service
metadata:
  name: %[1]s
  namespace: mono
spec:
  selector:
    app: %[1]s
  ports:
    - name: http
      port: 8080
      targetPort: http
    - name: grpc
      port: 9090
      targetPort: grpc
`, svc)
	return b.String()
}

// swaggerDoc is api/<svc>/v1/<svc>.swagger.json, shaped like
// protoc-gen-openapiv2 output: a Swagger document couplingvet must skip.
func swaggerDoc(svc string) string {
	S := exported(svc)
	return fmt.Sprintf(`{
  "swagger": "2.0",
  "info": {
    "title": "mono/%[1]s/v1/%[1]s.proto",
    "version": "version not set"
  },
  "tags": [
    {
      "name": "%[2]sService"
    }
  ],
  "consumes": [
    "application/json"
  ],
  "produces": [
    "application/json"
  ],
  "paths": {
    "/v1/%[1]s": {
      "get": {
        "operationId": "%[2]sService_List%[2]s",
        "responses": {
          "200": {
            "description": "A successful response.",
            "schema": {
              "$ref": "#/definitions/v1List%[2]sResponse"
            }
          },
          "default": {
            "description": "An unexpected error response.",
            "schema": {
              "$ref": "#/definitions/rpcStatus"
            }
          }
        },
        "parameters": [
          {
            "name": "pageSize",
            "in": "query",
            "required": false,
            "type": "integer",
            "format": "int32"
          },
          {
            "name": "pageToken",
            "in": "query",
            "required": false,
            "type": "string"
          }
        ],
        "tags": [
          "%[2]sService"
        ]
      }
    },
    "/v1/%[1]s/{id}": {
      "get": {
        "operationId": "%[2]sService_Get%[2]s",
        "responses": {
          "200": {
            "description": "A successful response.",
            "schema": {
              "$ref": "#/definitions/v1Get%[2]sResponse"
            }
          },
          "default": {
            "description": "An unexpected error response.",
            "schema": {
              "$ref": "#/definitions/rpcStatus"
            }
          }
        },
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "type": "string"
          }
        ],
        "tags": [
          "%[2]sService"
        ]
      }
    }
  },
  "definitions": {
    "protobufAny": {
      "type": "object",
      "properties": {
        "@type": {
          "type": "string"
        }
      },
      "additionalProperties": {}
    },
    "rpcStatus": {
      "type": "object",
      "properties": {
        "code": {
          "type": "integer",
          "format": "int32"
        },
        "message": {
          "type": "string"
        },
        "details": {
          "type": "array",
          "items": {
            "type": "object",
            "$ref": "#/definitions/protobufAny"
          }
        }
      }
    },
    "v1Get%[2]sResponse": {
      "type": "object",
      "properties": {
        "id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        }
      }
    },
    "v1List%[2]sResponse": {
      "type": "object",
      "properties": {
        "items": {
          "type": "array",
          "items": {
            "type": "object",
            "$ref": "#/definitions/v1Get%[2]sResponse"
          }
        },
        "nextPageToken": {
          "type": "string"
        }
      }
    }
  }
}
`, svc, S)
}

// unrelatedFiles are the YAML and JSON files of a repository that are
// neither deploy nor config files, by path.
func (t *tree) unrelatedFiles() map[string]string {
	files := map[string]string{
		".github/workflows/ci.yml": `name: ci
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go vet ./...
      - run: go test ./...
`,
		".github/dependabot.yml": "version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n",
		"buf.yaml":               "version: v2\nmodules:\n  - path: proto\nlint:\n  use: [STANDARD]\nbreaking:\n  use: [FILE]\n",
		"buf.gen.yaml": `version: v2
plugins:
  - remote: buf.build/protocolbuffers/go
    out: api
    opt: paths=source_relative
  - remote: buf.build/grpc/go
    out: api
    opt: paths=source_relative
  - remote: buf.build/grpc-ecosystem/openapiv2
    out: api
`,
		"web/package.json":  "{\n  \"name\": \"mono-web\",\n  \"private\": true,\n  \"scripts\": {\n    \"build\": \"vite build\",\n    \"dev\": \"vite\"\n  },\n  \"dependencies\": {\n    \"react\": \"^18.3.1\"\n  },\n  \"devDependencies\": {\n    \"typescript\": \"^5.6.0\",\n    \"vite\": \"^5.4.0\"\n  }\n}\n",
		"web/tsconfig.json": "{\n  \"compilerOptions\": {\n    \"target\": \"ES2022\",\n    \"module\": \"ESNext\",\n    \"jsx\": \"react-jsx\",\n    \"strict\": true\n  },\n  \"include\": [\"src\"]\n}\n",
	}
	for _, svc := range t.services {
		files[path.Join("api", svc, "v1", svc+".swagger.json")] = swaggerDoc(svc)
	}
	return files
}
