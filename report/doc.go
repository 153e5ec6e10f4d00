// Package report turns couplingvet's findings into output: text for
// terminals, JSON for scripts, SARIF 2.1.0 for code scanning, GitHub Actions
// annotations, service graphs (DOT and Mermaid) and baselines.
//
// It works on plain data: cmd/couplingvet converts analysis diagnostics to
// Findings, fills in a Result and calls one function per format. Nothing
// here knows go/analysis or the boundary map's file format.
//
// Every format:
//   - sorts and de-duplicates findings itself (see Sort and Dedup), so output
//     does not depend on the order of analysis;
//   - masks credentials in messages, targets and load errors with
//     RedactCredentials, whatever the analyzers already redacted;
//   - writes positions as go/token does (1-based lines; columns in bytes),
//     except SARIF, whose columns count UTF-16 code units.
//
// Paths: Text is relative to Result.WorkDir; JSON, SARIF, GitHub and the
// baseline are relative to Result.Root (the repository root), with forward
// slashes. A file outside the base directory keeps its absolute path.
//
// Baselines let a legacy monorepo adopt couplingvet without fixing every
// old violation first: WriteBaseline records the findings by fingerprint
// (check, from, to, package, target; no positions), ReadBaseline reads the
// file back, and Compare splits a later run's findings into new ones (which
// fail) and accepted ones, and lists the entries that were fixed.
package report
