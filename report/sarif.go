package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
)

// FingerprintKey names the baseline fingerprint in SARIF partialFingerprints.
const FingerprintKey = "couplingvet/v1"

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%" // uriBaseId of the repository root
)

// SARIF writes r as a SARIF 2.1.0 log with one run, for GitHub code scanning
// and other SARIF viewers:
//
//   - runs[0].tool.driver: name "couplingvet", version (without a leading
//     "v"; a version that is not numeric goes to properties.versionString),
//     informationUri and a
//     rules array with one rule per check (id = check name, a PascalCase name,
//     short and full descriptions, help text and markdown that say how to fix
//     and how to allow, helpUri, and the default level), sorted by id;
//   - results: one per finding, sorted like Text, with ruleId and ruleIndex,
//     level ("error" or "warning"), message.text, one physical location whose
//     artifactLocation.uri is relative to Result.Root with forward slashes and
//     uriBaseId "%SRCROOT%" (originalUriBaseIds maps it to Root's file URI;
//     a file outside Root gets an absolute file URI), a region in UTF-16 code
//     units (columnKind "utf16CodeUnits": byte columns are converted by reading
//     the file; an unreadable file keeps byte columns), and
//     partialFingerprints {"couplingvet/v1": Finding.Fingerprint()}, the same
//     fingerprint the baseline uses, so that code scanning tracks an alert
//     across edits that move it;
//   - invocations[0]: executionSuccessful is false when packages failed to
//     load, each listed as a toolExecutionNotification of level "error".
//
// The log passes `npx @microsoft/sarif-multitool validate --rule-kind "Gh;Sarif"`
// with no results.
func SARIF(w io.Writer, r Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(newSARIFLog(r))
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string            `json:"name"`
	Version        string            `json:"version,omitempty"`
	InformationURI string            `json:"informationUri"`
	Rules          []sarifRule       `json:"rules"`
	Properties     *sarifDriverProps `json:"properties,omitempty"`
}

type sarifDriverProps struct {
	VersionString string `json:"versionString"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func newSARIFLog(r Result) sarifLog {
	findings := prepared(r.Findings)
	rules, index := sarifRules(findings)
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriverOf(r.ToolVersion, rules)},
		Invocations: []sarifInvocation{sarifInvocationOf(r.LoadErrors)},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	if r.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(r.Root, true)}}
	}
	cols := newUTF16Columns()
	for _, f := range findings {
		res := sarifResult{
			RuleID:              f.Check,
			RuleIndex:           index[f.Check],
			Level:               f.level(),
			Message:             sarifText{Text: f.Message},
			PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint()},
		}
		if f.File != "" {
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifactLocation(r.Root, f.File),
				Region:           sarifRegionOf(cols, f),
			}}}
		}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// sarifDriverOf describes the tool. SARIF wants a version that starts with
// a digit ("0.3.1" from "v0.3.1"); any other version string ("(devel)")
// goes to properties.versionString instead.
func sarifDriverOf(version string, rules []sarifRule) sarifDriver {
	d := sarifDriver{Name: ToolName, InformationURI: InformationURI, Rules: rules}
	numeric := strings.TrimPrefix(version, "v")
	switch {
	case numeric != "" && numeric[0] >= '0' && numeric[0] <= '9':
		d.Version = numeric
	case version != "":
		d.Properties = &sarifDriverProps{VersionString: version}
	}
	return d
}

// sarifRules returns every known rule plus one per unknown check in
// findings, sorted by id, and the index of each id.
func sarifRules(findings []Finding) ([]sarifRule, map[string]int) {
	var ids []string
	for _, r := range Rules {
		ids = append(ids, r.ID)
	}
	for _, f := range findings {
		ids = append(ids, f.Check)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, sarifRuleOf(ruleFor(id)))
	}
	return rules, index
}

func sarifRuleOf(r Rule) sarifRule {
	level := SeverityError
	if r.DefaultLevel == SeverityWarning {
		level = SeverityWarning
	}
	return sarifRule{
		ID:               r.ID,
		Name:             r.Name,
		ShortDescription: sarifText{Text: r.Short},
		FullDescription:  sarifText{Text: r.Full},
		Help: sarifText{
			Text: r.Full + "\n\nHow to fix: " + r.Fix + "\n\nHow to allow: " + r.Allow,
			Markdown: "**" + r.Short + "**\n\n" + r.Full + "\n\n**How to fix.** " + r.Fix +
				"\n\n**How to allow.** " + r.Allow + "\n\n[Documentation](" + r.HelpURI + ")",
		},
		HelpURI:              r.HelpURI,
		DefaultConfiguration: sarifConfiguration{Level: level},
		Properties:           sarifRuleProps{Tags: []string{"architecture", "coupling", "couplingvet"}},
	}
}

func sarifInvocationOf(loadErrors []string) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(loadErrors) == 0}
	for _, e := range redactAll(loadErrors) {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: SeverityError, Message: sarifText{Text: "Package failed to load: " + e}})
	}
	return inv
}

// artifactLocation is file relative to %SRCROOT%, or an absolute file URI
// when file lies outside root.
func artifactLocation(root, file string) sarifArtifactLocation {
	if rel, ok := within(root, file); ok {
		u := url.URL{Path: filepath.ToSlash(rel)}
		return sarifArtifactLocation{URI: u.EscapedPath(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(file, false)}
}

// fileURI is the file: URI of an absolute path (with a final slash for a
// directory, as SARIF requires of uriBaseId values).
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func sarifRegionOf(cols *utf16Columns, f Finding) *sarifRegion {
	if f.Line <= 0 {
		return nil
	}
	reg := &sarifRegion{StartLine: f.Line, StartColumn: cols.column(f.File, f.Line, f.Column)}
	if f.EndLine >= f.Line && (f.EndLine > f.Line || f.EndColumn > f.Column) {
		reg.EndLine = f.EndLine
		reg.EndColumn = cols.column(f.File, f.EndLine, f.EndColumn)
	}
	return reg
}
