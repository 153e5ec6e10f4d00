// Package deploy reads what the running system sets outside Go: the
// environment docker-compose and Kubernetes give each container, the names
// each container is reachable at, and the config files service code loads.
// It turns plain files into value tables; it knows nothing of go/analysis or
// of the boundary map, and it never fails: a file it cannot read becomes a
// Problem, and a value it cannot tell is a Setting whose Unknown says why.
//
// # Where it looks
//
// Load scans the directory of the boundary map. Without Options.Paths it
// walks everything below it, skipping .git, vendor, node_modules, testdata
// and hidden directories; with Options.Paths, deploy files are read only at
// or below those paths (which are read even where discovery would not look),
// and config files are still found anywhere. Files over 1 MiB are never read.
//
//   - docker-compose files: docker-compose*.yml/.yaml and compose*.yml/.yaml.
//   - Kubernetes manifests: any other .yaml, .yml or .json file with a
//     top-level apiVersion and kind. A file may hold many documents (---) and
//     kind: List objects.
//   - kustomize: kustomization.yaml/.yml. Its configMapGenerator entries
//     (literals, and envs files relative to it) are ConfigMaps like any
//     other, matched by the name as written (kustomize's hash suffix is
//     ignored), in the kustomization's namespace. The resources of a
//     kustomize directory are read as the plain manifests they are;
//     patches, replacements and images: rewrites are not applied, so an
//     overlay that changes a value is not seen (the base's value is).
//   - Helm charts: a directory with a Chart.yaml; its templates/*.yaml (not
//     templates/tests) are rendered as described below, with values.yaml and
//     Chart.yaml as the only input. The chart's own files are neither
//     manifests nor config files.
//   - Config files: every other .yaml, .yml, .json and .toml file, except
//     hidden files, OpenAPI and Swagger documents (a top-level openapi or
//     swagger key), and the tooling files of package managers, build tools
//     and CI (package.json, tsconfig*.json, buf.yaml, sqlc.yaml,
//     couplingvet.yaml and the like).
//   - Go files, only with Options.Unclaimed and only when some config file
//     lies where no service claims it: their loader calls that name such a
//     file (loads.go; Tree.Loads), read from source without type-checking.
//
// Tree.Digest covers every file read, and what the Go files load: candidates by name, .env files and
// env_file targets. A tool that caches results keys them on it, so editing
// any of these files changes the next result. Load memoises its result for
// the life of the process; RunCache shares it between the processes of one
// go vet run.
//
// # docker-compose
//
// Each service under services: is one Workload of Kind "compose". Its
// environment is, later over earlier: each env_file (a path, a list of
// paths, or a list of {path, required}; relative to the compose file; a
// missing file is a Problem unless required: false), then environment:,
// either a list of KEY=value or a mapping. "- KEY" alone, or "KEY:" with no
// value, passes the value of the shell that runs docker compose through: it
// is unknown. YAML merge keys (<<: *anchor) are followed.
//
// Values are interpolated as docker compose does: $$ is a literal $, $VAR
// and ${VAR} take the value of VAR, ${VAR:-default} and ${VAR-default} give
// a default when VAR is unset or empty (:-) or unset (-), ${VAR:?err} and
// ${VAR?err} make the value unknown when VAR has none, ${VAR:+alt} and
// ${VAR+alt} give alt when VAR is set. Variables come from the .env file
// beside the compose file (KEY=value lines; export, comments, double quotes
// with escapes, single quotes without interpolation), and, for the values of
// an env_file, from that file first. The environment of the process that
// runs couplingvet is never read: the result must not depend on the shell.
// A variable with no value makes the Setting unknown; a loop (A=${B},
// B=${A}) is a Problem and every value that uses it is unknown.
//
// Dirs holds the build context (build: dir, or build.context; relative to
// the compose file) and the directory of build.dockerfile; a remote context
// runs no code of the repository and gives none. Hosts holds the service
// name, container_name, hostname and network aliases, and name:port for
// each container port of ports: (the container side of "8080:80", or the
// long form's target) and expose:, and the --app-id of a Dapr sidecar
// (daprd) that shares its network (network_mode: "service:<name>"): Dapr
// service invocation reaches it by that name. Several compose files (an override file,
// a production file) each give their own workloads; they are not merged.
//
// # Kubernetes
//
// Each container and init container of a Deployment, StatefulSet,
// DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod is one
// Workload of Kind "kubernetes", named after the object, with Container
// set. Its environment is what the kubelet gives it: envFrom first (every
// key of a configMapRef's ConfigMap, with the prefix), then env in order,
// where value: may refer to variables set before it as $(VAR) ($$ is a
// literal $, a reference to a variable not set stays as written), and
// valueFrom.configMapKeyRef takes the key of a ConfigMap found in the files
// read. A Secret (secretKeyRef), a field of the pod (fieldRef) or a resource
// (resourceFieldRef) is unknown, and so is a ConfigMap that is not in the
// files; envFrom of a Secret sets keys that cannot be told.
//
// Hosts holds the name of every Service whose selector matches the pod's
// labels, with "name:port" for each Service port, and name.namespace,
// name.namespace.svc and name.namespace.svc.cluster.local (with ports) when
// the Service names its namespace, and the pod template's dapr.io/app-id
// annotation (Dapr service invocation reaches the pod by it). Init is set
// for an init container. Objects without a namespace match any
// namespace, as they are applied with kubectl -n. A ConfigMap or Service may
// be in another file than the workload that uses it. When several
// ConfigMaps have the same name and namespace, the first in file order
// (sorted by path) gives the values.
//
// # Helm
//
// A template is executed as far as it can be without Helm: an action that
// prints .Values.a.b, .Chart.Name, .Chart.Version or .Chart.AppVersion,
// possibly through quote, squote, toString or default "x" (either form),
// prints the literal from values.yaml or Chart.yaml; toYaml .Values.x
// (with nindent or indent) prints that part of values.yaml, so env lists
// kept in values.yaml are read. Any other printing action (.Release.Name,
// include, printf, tpl, ...) makes the scalar it is in unknown; control
// actions (if, range, with, include | nindent, ...) print nothing, so both
// branches of an if are read. Trim markers ({{- -}}) are honoured. A
// workload whose name is rendered at install time is named after the chart.
// Labels or a selector that include a named template (helm create's
// selectorLabels) cannot be told; such a Service selects the workload of
// its chart when the chart has exactly one, and nothing otherwise (nor
// when it is an ExternalName Service).
// Lines are the template's lines; values printed by toYaml point at the
// line of the toYaml action.
//
// # Config files
//
// Tree.ConfigFiles and Tree.ConfigFile give the config files; each is
// parsed the first time it is looked into (ConfigFile.Problem says when it
// cannot be). Lookup walks a key path from the document root, matching keys
// case-insensitively against any of the names given for each segment and
// following YAML anchors and merge keys. Values are returned as written:
// numbers and booleans as their text, ${VAR} left for the caller to expand.
// YAML and JSON values have their line; TOML values have line 0.
//
// # Settings
//
// A Setting's Value is the value after interpolation. When Unknown is not
// empty, Value holds only the parts that are known (an unknown part is
// empty): "postgres://:secret@db/shop" when the user is unknown. Callers
// that need the whole value must treat it as unknown.
package deploy
