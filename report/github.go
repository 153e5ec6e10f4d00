package report

import (
	"io"
	"strconv"
	"strings"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// Actions runner shows as an annotation on the file and in the run summary:
//
//	::error file=services/checkout/client.go,line=14,col=2,endLine=14,endColumn=40,title=couplingvet syncclient::checkout calls orders synchronously (...)
//	::warning file=services/legacy/x.go,line=1,col=1,title=couplingvet unowned::package example.com/shop/services/legacy has no owner (...)
//
// Findings of severity "warning" use ::warning, all others ::error. file is
// relative to Result.Root with forward slashes (the runner resolves it
// against the checkout, so Root should be the repository's root); positions
// missing from a finding are left out. Values are escaped as the runner
// expects: in the message "%", "\r" and "\n" become %25, %0D and %0A; in
// properties ":" and "," also become %3A and %2C. Packages that failed to
// load are written as ::error annotations without a file.
//
// Workflow commands go to stdout; a workflow step that runs
// `couplingvet -format github ./...` needs nothing else.
func GitHub(w io.Writer, r Result) error {
	var b strings.Builder
	for _, f := range prepared(r.Findings) {
		b.WriteString("::")
		b.WriteString(f.level())
		b.WriteByte(' ')
		var props []string
		if f.File != "" {
			props = append(props, "file="+escapeProperty(repoPath(r.Root, f.File)))
			props = appendPos(props, "line", f.Line)
			props = appendPos(props, "col", f.Column)
			props = appendPos(props, "endLine", f.EndLine)
			props = appendPos(props, "endColumn", f.EndColumn)
		}
		props = append(props, "title="+escapeProperty(ToolName+" "+f.Check))
		b.WriteString(strings.Join(props, ","))
		b.WriteString("::")
		b.WriteString(escapeData(f.Message))
		b.WriteByte('\n')
	}
	for _, e := range redactAll(r.LoadErrors) {
		b.WriteString("::error title=" + escapeProperty(ToolName+" load error") + "::" + escapeData("package failed to load: "+e) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func appendPos(props []string, key string, n int) []string {
	if n <= 0 {
		return props
	}
	return append(props, key+"="+strconv.Itoa(n))
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
