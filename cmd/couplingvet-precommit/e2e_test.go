package main

// End-to-end test of .pre-commit-hooks.yaml as a user meets it: pre-commit
// (3.0.4 from Debian's packages, which .ci/run installs) clones this
// repository at a commit, builds the hooks with `go install ./...`
// (language: golang) and runs them on `git commit` in a throwaway copy of the
// example monorepo testdata/shop.
//
// The shop already has violations, as a legacy monorepo does, so the throwaway
// repository first records them in a baseline (couplingvet -write-baseline)
// and the hooks run with -baseline=: a new violation blocks the commit, a
// clean change goes through.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/internal/testtree"
)

const baselineFile = "couplingvet.baseline"

func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install -y pre-commit; .ci/run installs it)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	env := hookEnv(t)

	hookRepo, rev := snapshotRepo(t, root, env)
	shop := t.TempDir()
	testtree.Copy(t, filepath.Join(root, "testdata", "shop"), shop)

	// Record the shop's existing violations, the way a team adopts the tool.
	couplingvet := filepath.Join(t.TempDir(), "couplingvet")
	mustRun(t, root, env, "go", "build", "-o", couplingvet, "./cmd/couplingvet")
	mustRun(t, shop, env, couplingvet, "-write-baseline", baselineFile, "./...")
	if _, err := os.Stat(filepath.Join(shop, baselineFile)); err != nil {
		t.Fatalf("couplingvet -write-baseline wrote no baseline: %v", err)
	}

	testtree.WriteFile(t, filepath.Join(shop, ".pre-commit-config.yaml"), `repos:
  - repo: `+hookRepo+`
    rev: `+rev+`
    hooks:
      - id: couplingvet
        args: [-baseline=`+baselineFile+`]
      - id: couplingvet-all
        args: [-baseline=`+baselineFile+`]
        stages: [manual]
`)
	git(t, shop, env, "init", "-q")
	git(t, shop, env, "add", ".")
	git(t, shop, env, "commit", "-q", "-m", "shop with its baseline")
	// --install-hooks builds the hook environment (go install ./...) now,
	// so that a build failure is reported as such.
	mustRun(t, shop, env, "pre-commit", "install", "--install-hooks")

	t.Run("violation blocks the commit", func(t *testing.T) {
		// A coupling the baseline does not hold: shipping starts to import
		// payments' private code.
		testtree.WriteFile(t, filepath.Join(shop, "services", "shipping", "fees.go"), `package shipping

import "example.com/shop/services/payments"

// Postage adds payments' fee to a parcel's price.
func Postage(cents int64) int64 { return cents + payments.Fee(cents) }
`)
		git(t, shop, env, "add", "services/shipping/fees.go")
		out, err := runCmd(shop, env, "git", "commit", "-m", "shipping charges payments' fee")
		if err == nil {
			t.Fatalf("commit with a new violation succeeded:\n%s", out)
		}
		for _, want := range []string{"Failed", "services/shipping/fees.go:3", "shipping imports payments' private package services/payments"} {
			if !strings.Contains(out, want) {
				t.Errorf("hook output lacks %q:\n%s", want, out)
			}
		}
		if n := strings.TrimSpace(git(t, shop, env, "rev-list", "--count", "HEAD")); n != "1" {
			t.Errorf("HEAD has %s commits, want 1: the violating commit went through", n)
		}

		// The whole-repository hook finds it too.
		out, err = runCmd(shop, env, "pre-commit", "run", "--hook-stage", "manual", "couplingvet-all")
		if err == nil || !strings.Contains(out, "services/shipping/fees.go:3") {
			t.Errorf("couplingvet-all: err %v, want a failure naming fees.go:3; output:\n%s", err, out)
		}
		// Only the new coupling is reported: the baseline holds the rest.
		if strings.Contains(out, "services/checkout/cart/cart.go") {
			t.Errorf("a violation recorded in the baseline was reported:\n%s", out)
		}

		git(t, shop, env, "rm", "-q", "--cached", "services/shipping/fees.go")
		if err := os.Remove(filepath.Join(shop, "services", "shipping", "fees.go")); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("clean change passes", func(t *testing.T) {
		testtree.WriteFile(t, filepath.Join(shop, "services", "shipping", "label.go"), `package shipping

import "fmt"

// Label is the text printed on a parcel.
func Label(orderID string) string { return fmt.Sprintf("order %s", orderID) }
`)
		git(t, shop, env, "add", "services/shipping/label.go")
		if out, err := runCmd(shop, env, "git", "commit", "-m", "shipping labels"); err != nil {
			t.Fatalf("clean commit blocked: %v\n%s", err, out)
		} else if !strings.Contains(out, "couplingvet (Go modules touched by the commit)") || !strings.Contains(out, "Passed") {
			t.Errorf("hook did not run and pass:\n%s", out)
		}
		out, err := runCmd(shop, env, "pre-commit", "run", "--hook-stage", "manual", "couplingvet-all")
		if err != nil {
			t.Errorf("couplingvet-all on the clean tree: %v\n%s", err, out)
		}
	})
}

// hookEnv is the environment of every command: pre-commit's home and git's
// identity inside the test, and the shared module cache so that the hook
// build (pre-commit sets GOPATH to its own directory) needs no downloads
// that this repository's build has not already made.
func hookEnv(t *testing.T) []string {
	t.Helper()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	return append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOWORK=off",
		"GIT_CONFIG_GLOBAL="+filepath.Join(home, "gitconfig"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=couplingvet test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=couplingvet test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
}

// snapshotRepo commits the repository's current files (tracked and
// untracked, minus ignored ones) to a new git repository, so that the test
// exercises the working tree rather than the last commit, and returns its
// path and revision for .pre-commit-config.yaml.
func snapshotRepo(t *testing.T, root string, env []string) (dir, rev string) {
	t.Helper()
	dir = t.TempDir()
	files := git(t, root, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, f := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		src := filepath.Join(root, f)
		if fi, err := os.Stat(src); err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or not a file
		}
		testtree.Copy(t, src, filepath.Join(dir, f))
	}
	git(t, dir, env, "init", "-q")
	git(t, dir, env, "add", ".")
	git(t, dir, env, "commit", "-q", "-m", "snapshot")
	return dir, strings.TrimSpace(git(t, dir, env, "rev-parse", "HEAD"))
}

func runCmd(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runCmd(dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func git(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	return mustRun(t, dir, env, "git", args...)
}
