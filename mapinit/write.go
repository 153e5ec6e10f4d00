package mapinit

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// YAML renders the map as couplingvet.yaml, every guess commented with
// where it came from. The output is deterministic: services by name,
// lists sorted.
func (m *Map) YAML() []byte {
	var b bytes.Buffer
	b.WriteString(`# A starter boundary map written by "couplingvet init" from this repository's
# layout, generated code and deploy files. Every entry says where it came
# from: read them, rename services as your team calls them, add what init
# cannot know (allow rules with reasons), then run
#   couplingvet -check-config && couplingvet ./...
# See https://github.com/couplingvet/couplingvet#writing-a-map for every key.
version: 1
`)
	if len(m.Notes) > 0 {
		b.WriteString("\n# What init saw but did not place:\n")
		for _, n := range m.Notes {
			fmt.Fprintf(&b, "#   - %s\n", oneLine(n))
		}
	}
	if len(m.Shared) > 0 {
		b.WriteString("\n# Code outside every service that services import; it must not import any\n# service's private code.\nshared:\n")
		writeList(&b, "  ", m.Shared)
	}
	if len(m.Wiring) > 0 {
		b.WriteString("\n# Composition roots that start several services in one process.\nwiring:\n")
		writeList(&b, "  ", m.Wiring)
	}
	b.WriteString("\nservices:\n")
	for i, s := range m.Services {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  %s:\n", scalar(s.name))
		lists := []struct {
			key string
			gs  []guess
		}{{"owns", s.owns}, {"contracts", s.contracts}, {"hosts", sortGuesses(s.hosts)}, {"grpc", sortGuesses(s.grpc)}, {"env", sortGuesses(s.env)}}
		for _, l := range lists {
			if len(l.gs) == 0 {
				continue
			}
			fmt.Fprintf(&b, "    %s:\n", l.key)
			writeList(&b, "      ", l.gs)
		}
		if len(s.databases) > 0 {
			b.WriteString("    databases:\n")
			for _, db := range s.databases {
				fmt.Fprintf(&b, "      - name: %s    # %s\n", scalar(db.name), oneLine(db.why))
				fmt.Fprintf(&b, "        engine: %s\n", db.engine)
				if len(db.dsn) > 0 {
					b.WriteString("        dsn:\n")
					for _, d := range db.dsn {
						fmt.Fprintf(&b, "          - %s\n", scalar(d))
					}
				}
				if len(db.env) > 0 {
					b.WriteString("        env:\n")
					writeList(&b, "          ", sortGuesses(db.env))
				}
			}
		}
	}
	b.WriteString(`
# Coupling the team accepts, each with a reason (and an expiry if it is
# meant to go), for example:
# allow:
#   - {from: checkout, to: payments, check: syncclient, reason: "the customer waits for it", expires: 2027-06-30}
checks: {crossimport: error, shareddb: error, syncclient: error, unowned: warn}
`)
	return b.Bytes()
}

// writeList writes one item a line, with its reason unless the line
// above gave the same one (the nine hosts of one Kubernetes Service).
func writeList(b *bytes.Buffer, indent string, gs []guess) {
	prev := ""
	for _, g := range gs {
		fmt.Fprintf(b, "%s- %s", indent, scalar(g.value))
		if g.why != "" && g.why != prev {
			fmt.Fprintf(b, "    # %s", oneLine(g.why))
		}
		prev = g.why
		b.WriteString("\n")
	}
}

func sortGuesses(gs []guess) []guess {
	out := append([]guess(nil), gs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].value < out[j-1].value; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

var plain = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)

// scalar writes s as a YAML scalar: plain when it reads back as the same
// string, double-quoted otherwise.
func scalar(s string) string {
	switch strings.ToLower(s) {
	case "", "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		return strconv.Quote(s)
	}
	if plain.MatchString(s) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return s
		}
	}
	return strconv.Quote(s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
