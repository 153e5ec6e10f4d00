// Package sarifcheck runs Microsoft's SARIF validator, with the rules that
// GitHub code scanning applies, for couplingvet's tests.
//
// It needs npx (Node.js): npx downloads the pinned
// @microsoft/sarif-multitool into the npm cache (~/.npm, or
// $npm_config_cache) on first use and reuses it afterwards.
package sarifcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Multitool is the validator package, pinned.
const Multitool = "@microsoft/sarif-multitool@5.7.0"

// A Result is one problem the validator found.
type Result struct {
	URI       string // the validated file it is about
	RuleID    string // e.g. SARIF2005
	MessageID string
	Arguments []string
}

func (r Result) String() string {
	return fmt.Sprintf("%s: %s %s %v", r.URI, r.RuleID, r.MessageID, r.Arguments)
}

// Validate writes each log (file name to SARIF text) into a temporary
// directory, validates them all with --rule-kind "Gh;Sarif" and returns
// what the validator found. It fails t when the validator does not run or
// does not scan every file, and skips t when npx is missing, on Windows
// (the npm launcher quotes differently there) and in -short mode.
func Validate(t testing.TB, logs map[string]string) []Result {
	t.Helper()
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("skipping SARIF validation: npx not found (install Node.js/npm to run " + Multitool + ")")
	}
	if runtime.GOOS == "windows" {
		t.Skip("skipping SARIF validation on Windows: the npm launcher runs it through cmd.exe, which quotes differently")
	}
	if testing.Short() {
		t.Skip("skipping SARIF validation in -short mode")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "validation.sarif")
	// The npm package's launcher runs the validator through a shell
	// (spawnSync with shell: true), so arguments are shell words: the
	// semicolon list must be quoted inside the argument, as must paths.
	args := []string{"--yes", Multitool, "validate", "--rule-kind", `"Gh;Sarif"`, "--output", shellQuote(out)}
	names := make([]string, 0, len(logs))
	for name := range logs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(logs[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, shellQuote(path))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	output, err := exec.CommandContext(ctx, npx, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool: %v\n%s", err, output)
	}
	if !strings.Contains(string(output), fmt.Sprintf("%d files scanned", len(logs))) {
		t.Fatalf("the validator did not scan all %d files:\n%s", len(logs), output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the validator wrote no log: %v\n%s", err, output)
	}
	return results(t, data, output)
}

func results(t testing.TB, data, output []byte) []Result {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Message struct {
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("validator log: %v", err)
	}
	if len(log.Runs) == 0 {
		t.Fatalf("validator log has no runs:\n%s", output)
	}
	var out []Result
	for _, res := range log.Runs[0].Results {
		r := Result{RuleID: res.RuleID, MessageID: res.Message.ID, Arguments: res.Message.Arguments}
		if len(res.Locations) > 0 {
			r.URI = res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		}
		out = append(out, r)
	}
	return out
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
