// Command gen writes a synthetic Go monorepo for couplingvet's benchmarks.
//
//	go run ./bench/gen -out DIR -size small|medium|large [-seed N] [-work | -deps heavy]
//
// The tree is deterministic for a size and seed. It has services (each owns
// services/<svc>: private packages and a main under cmd/), shared packages
// under pkg/, and one contract package per service, api/<svc>/v1, shaped like
// generated gRPC code (an XxxServiceClient interface, NewXxxServiceClient,
// FullMethodName constants, a grpc.ServiceDesc). google.golang.org/grpc is a
// local stand-in under third_party/grpc, wired in with a replace directive,
// so the tree builds offline.
//
// Most code is clean and realistic (structs, loops, goroutines,
// database/sql, net/http, encoding/json; about 300 lines per package), so
// that type-checking costs what a real repository's does. A few percent of
// the packages carry planted coupling: an import of another service's
// private package, a DSN of another service's database passed to
// database/sql, an HTTP call to another service, and a call of another
// service's generated NewXxxServiceClient.
//
// A few more carry coupling whose address or DSN is not in the code: read
// from an environment variable that docker-compose.yml and the Kubernetes
// manifests (deploy/k8s, through a ConfigMap) set, or from a field of the
// service's config struct (internal/config) that its etc/<svc>.yaml fills.
// The map does not list those env keys, so couplingvet finds them only by
// reading the deploy and config files. A few unrelated YAML and JSON files
// (CI workflows, buf configuration, Swagger documents, a web app's
// package.json) make it pay for skipping what is neither.
//
// Next to the code it writes:
//
//	couplingvet.yaml          the boundary map of the tree
//	.golangci.depguard.yml    golangci-lint v2 with only depguard, denying the
//	                          same imports as couplingvet's crossimport check
//	planted.json              every planted violation (check, file, line, from,
//	                          to), the tree's size, and a file to touch for
//	                          incremental runs
//
// Sizes: small ≈100 packages, medium ≈1,000, large ≈5,000 (≈1M lines) in one
// module. -work makes every service a module of its own and pkg/ and api/
// one module each, tied together by a go.work; for the large size the tree
// then has 18 services, so 20 modules.
//
// -deps heavy (one module only) requires real modules instead of the
// stand-in, as a real service monorepo does: google.golang.org/grpc and
// google.golang.org/protobuf (the contracts are then protoc-gen-go and
// protoc-gen-go-grpc output against them), go-zero (config, zrpc servers,
// logx, mapreduce), k8s.io/client-go, the AWS SDK (S3, SQS), OpenTelemetry
// (API and SDK), pgx, go-sql-driver/mysql and go-redis, at exact versions.
// The packages use them (infra_*.go files, each service's main and config),
// so that the import closure has about 1,000 packages outside the standard
// library. The planted violations, the map and the depguard rules are those
// of -deps standin for the same seed. After writing the tree, gen runs
// go mod download and go mod tidy in it, which complete go.mod and write
// go.sum: that needs the Go module proxy (GOPROXY, not off), or a module
// cache that already holds every module, and gen fails saying so when
// neither is there. Afterwards the tree builds offline (GOPROXY=off).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	var (
		out  = flag.String("out", "", "`directory` to write the tree to (must not exist or be empty)")
		size = flag.String("size", "small", "tree size: small, medium or large")
		seed = flag.Uint64("seed", 1, "seed of the pseudo-random choices; the same seed gives the same tree")
		work = flag.Bool("work", false, "write a go.work of one module per service (plus pkg and api) instead of one module")
		deps = flag.String("deps", depsStandin, "dependencies: standin (an offline gRPC stand-in) or heavy (real modules, fetched through the module proxy)")
	)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gen -out DIR [-size small|medium|large] [-seed N] [-work | -deps heavy]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	sh, err := shapeFor(*size, *work)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	dir, err := filepath.Abs(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if err := checkEmpty(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	tree := plan(sh, *seed)
	tree.size = *size
	if err := tree.useDeps(*deps); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	stats, err := write(dir, tree)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if tree.deps == depsHeavy {
		if err := resolveModules(dir, 20*time.Minute); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("gen: %s: %d packages, %d files, %d lines, %d modules, %d planted violations\n",
		dir, stats.Packages, stats.Files, stats.Lines, stats.Modules, len(stats.Violations))
}

// checkEmpty refuses to write into a directory that already has files, so
// that a mistyped -out never mixes trees or overwrites someone's work.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty: choose a new directory", dir)
	}
	return nil
}
