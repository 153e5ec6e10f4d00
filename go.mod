module github.com/couplingvet/couplingvet

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	golang.org/x/mod v0.42.0
	golang.org/x/tools v0.52.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/golangci/plugin-module-register v0.1.2 // indirect
	golang.org/x/sync v0.24.0 // indirect
)
