package deploy

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// An arg is one word of a container's command line, where it is written.
type arg struct {
	word string
	line int
	why  string // non-empty: the word cannot be told, and why
}

// commandFlags reads the named flags of a container's command line (its
// command then its args, or compose's command): -name=value and
// --name=value, and -name value where the next word is no flag. Go
// services often take their peers' addresses as flags
// (-orders-addr=orders:8080), which the code gives only a default. A word
// after "--" ends the flags, as in package flag.
func commandFlags(file string, words []arg) map[string]Setting {
	flags := map[string]Setting{}
	for i := 0; i < len(words); i++ {
		w := words[i].word
		if w == "--" {
			break
		}
		name, ok := flagName(w)
		if !ok {
			continue
		}
		s := Setting{File: file, Line: words[i].line, Unknown: words[i].why}
		if n, v, hasValue := strings.Cut(name, "="); hasValue {
			name, s.Value = n, v
		} else if i+1 < len(words) {
			if _, isFlag := flagName(words[i+1].word); isFlag || words[i+1].word == "--" {
				continue // a boolean flag
			}
			i++
			s.Value, s.Line, s.Unknown = words[i].word, words[i].line, words[i].why
		} else {
			continue
		}
		if name != "" {
			flags[name] = s
		}
	}
	return flags
}

// flagName returns a word of the command line without its leading dashes,
// if it is a flag.
func flagName(w string) (string, bool) {
	if !strings.HasPrefix(w, "-") || w == "-" || w == "--" {
		return "", false
	}
	name := strings.TrimPrefix(strings.TrimPrefix(w, "-"), "-")
	if name == "" || strings.HasPrefix(name, "-") || strings.HasPrefix(name, "=") {
		return "", false
	}
	return name, true
}

// wordsOf returns the words of a YAML list of strings (a Kubernetes
// container's command or args, compose's command in list form), or of a
// string split at white space (compose's command as one string), each
// through expand.
func wordsOf(n *yaml.Node, expand func(string) (string, string)) []arg {
	var out []arg
	if list := items(n); list != nil {
		for _, item := range list {
			v, why := expand(str(item))
			out = append(out, arg{v, item.Line, why})
		}
		return out
	}
	if s, ok := scalar(n); ok {
		for _, w := range strings.Fields(s) {
			v, why := expand(w)
			out = append(out, arg{v, n.Line, why})
		}
	}
	return out
}
