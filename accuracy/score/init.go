package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/couplingvet/couplingvet/boundaries"
)

// Scoring "couplingvet init" (-init): instead of the entry's map, the map
// init guesses is written at the root and scored, and the guess is
// compared with the hand-written map.
//
// Services are matched by the Go packages they own: a hand-written service
// is recovered by the init service that owns most of its packages,
// provided that it owns at least half of them; each init service matches
// at most one hand-written service (the pairs with the most packages in
// common are taken first). A service that owns no Go package is matched
// by an owned directory instead (matchByDirectory). Truth items name hand-written services: they
// are translated through this matching before scoring, and a service
// without a match keeps its name (its items count as misses).
//
// A contract directory is recovered when one of its Go packages is a
// contract of the matched service in the init map (or, without Go
// packages, when an init contract of it lies in or over the directory); a
// host when the init map gives it to the matched service
// (boundaries.Map.ServiceOfHost, as couplingvet asks); a database when one
// of its DSN patterns (with * read as any text) or env keys is one of the
// matched service's databases in the init map.

// A recovery counts what the init map recovers of the hand-written one.
type recovery struct {
	services, contracts, hosts, databases Count // TP recovered, FN missed; FP unused
	extra                                 int   // init services that match no hand-written one
	translate                             map[string]string
}

func initEntry(bin, entry, clone, mapName string) (row, recovery) {
	t, err := loadTruth(filepath.Join(entry, "truth.yaml"))
	if err != nil {
		return row{err: err}, recovery{}
	}
	root := filepath.Join(clone, filepath.FromSlash(t.Root))
	fail := func(err error) (row, recovery) { return row{truth: t, err: err}, recovery{} }
	handData, err := os.ReadFile(filepath.Join(entry, mapName))
	if err != nil {
		return fail(err)
	}
	hand, err := boundaries.LoadBytes(mapName, handData, root)
	if err != nil {
		return fail(fmt.Errorf("the hand-written map: %v", err))
	}
	if out, err := exec.Command(bin, "init", "-C", root, "-force").CombinedOutput(); err != nil {
		return fail(fmt.Errorf("couplingvet init: %v\n%s", err, out))
	}
	guess, err := boundaries.Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		return fail(fmt.Errorf("the map couplingvet init wrote does not load: %v", err))
	}
	rec := compareMaps(hand, guess, goDirs(root))
	rep, err := run(bin, root, t.Patterns)
	if err != nil {
		return fail(err)
	}
	translated := translateTruth(t, rec.translate)
	return row{truth: t, result: Score(translated, rep.Findings), loadErrors: rep.LoadErrors}, rec
}

// goDirs lists the directories below root that hold Go files, skipping
// what the go command skips.
func goDirs(root string) []string {
	seen := map[string]bool{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			n := d.Name()
			if p != root && (n == "vendor" || n == "testdata" || n == "node_modules" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".go") {
			seen[filepath.Dir(p)] = true
		}
		return nil
	})
	var out []string
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// compareMaps matches services by owned packages and counts what guess
// recovers of hand.
func compareMaps(hand, guess *boundaries.Map, dirs []string) recovery {
	type pair struct {
		h, g string
		n    int
	}
	owned := map[string]int{} // hand service -> its packages
	common := map[[2]string]int{}
	for _, d := range dirs {
		ho, go_ := hand.OwnerOfDir(d), guess.OwnerOfDir(d)
		if ho.Service == "" {
			continue
		}
		owned[ho.Service]++
		if go_.Service != "" {
			common[[2]string{ho.Service, go_.Service}]++
		}
	}
	var pairs []pair
	for k, n := range common {
		pairs = append(pairs, pair{k[0], k[1], n})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].n != pairs[j].n {
			return pairs[i].n > pairs[j].n
		}
		return pairs[i].h+"\x00"+pairs[i].g < pairs[j].h+"\x00"+pairs[j].g
	})
	rec := recovery{translate: map[string]string{}}
	taken := map[string]bool{}
	for _, p := range pairs {
		if _, done := rec.translate[p.h]; done || taken[p.g] || 2*p.n < owned[p.h] {
			continue
		}
		rec.translate[p.h] = p.g
		taken[p.g] = true
	}
	matchByDirectory(hand, guess, owned, rec.translate, taken)
	rec.extra = len(guess.Services) - len(taken)
	for _, s := range hand.Services {
		g, ok := rec.translate[s.Name]
		count(&rec.services, ok)
		for _, c := range s.Contracts {
			count(&rec.contracts, ok && contractRecovered(hand, guess, dirs, c, g))
		}
		for _, h := range s.Hosts {
			count(&rec.hosts, ok && guess.ServiceOfHost(h) == g)
		}
		for _, db := range s.Databases {
			count(&rec.databases, ok && databaseRecovered(guess, db, g))
		}
	}
	return rec
}

// matchByDirectory matches the services that own no Go package (a
// Node.js or Java service of a polyglot repository) by directory: a
// hand-written one is recovered by the unmatched init service that owns
// one of its directories, or a directory in or over one.
func matchByDirectory(hand, guess *boundaries.Map, owned map[string]int, translate map[string]string, taken map[string]bool) {
	related := func(a, b string) bool {
		return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
	}
	for _, h := range hand.Services {
		if owned[h.Name] > 0 {
			continue
		}
	guesses:
		for _, g := range guess.Services {
			if taken[g.Name] {
				continue
			}
			for _, ho := range h.Owns {
				for _, gd := range g.Owns {
					if related(ho, gd) {
						translate[h.Name] = g.Name
						taken[g.Name] = true
						break guesses
					}
				}
			}
		}
	}
}

func count(c *Count, ok bool) {
	if ok {
		c.TP++
	} else {
		c.FN++
	}
}

func contractRecovered(hand, guess *boundaries.Map, dirs []string, contract, svc string) bool {
	any := false
	for _, d := range dirs {
		if o := hand.OwnerOfDir(d); o.Role != boundaries.Contract || o.Entry != contract {
			continue
		}
		any = true
		if o := guess.OwnerOfDir(d); o.Role == boundaries.Contract && o.Service == svc {
			return true
		}
	}
	if any {
		return false
	}
	for _, c := range guess.Service(svc).Contracts {
		if c == contract || strings.HasPrefix(c, contract+"/") || strings.HasPrefix(contract, c+"/") {
			return true
		}
	}
	return false
}

func databaseRecovered(guess *boundaries.Map, db boundaries.Database, svc string) bool {
	for _, p := range db.DSN {
		if s, _ := guess.DatabaseOfDSN(strings.ReplaceAll(p, "*", "x")); s != nil && s.Name == svc {
			return true
		}
	}
	for _, e := range db.Env {
		if s, _ := guess.DatabaseOfEnv(e); s != nil && s.Name == svc {
			return true
		}
	}
	return false
}

// translateTruth renames the services of the truth's items to the init
// map's names.
func translateTruth(t *Truth, names map[string]string) *Truth {
	out := *t
	tr := func(items []Item) []Item {
		var res []Item
		for _, it := range items {
			if n, ok := names[it.From]; ok {
				it.From = n
			}
			it.To = translateList(it.To, names)
			res = append(res, it)
		}
		return res
	}
	out.Expected, out.Silent, out.Debatable = tr(t.Expected), tr(t.Silent), tr(t.Debatable)
	return &out
}

// translateList translates each name of a "to" that lists several (a
// database several services open: "courses,payment"), sorted as
// couplingvet sorts them.
func translateList(to string, names map[string]string) string {
	if to == "" {
		return to
	}
	parts := strings.Split(to, ",")
	for i, p := range parts {
		if n, ok := names[p]; ok {
			parts[i] = n
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// printRecovery prints what init recovered of each hand-written map.
func printRecovery(w io.Writer, rows []row, recs []recovery, markdown bool) {
	sep, start, end := "  ", "", ""
	if markdown {
		sep, start, end = " | ", "| ", " |"
	}
	header := []string{"repository", "services", "contracts", "hosts", "databases", "extra init services"}
	fmt.Fprintln(w, start+strings.Join(header, sep)+end)
	if markdown {
		fmt.Fprintln(w, "|"+strings.Repeat(" --- |", len(header)))
	}
	var total recovery
	for i, r := range rows {
		if r.err != nil {
			fmt.Fprintln(w, start+strings.Join([]string{r.name, "error", "error", "error", "error", ""}, sep)+end)
			continue
		}
		rec := recs[i]
		fmt.Fprintln(w, start+strings.Join([]string{r.name, frac(rec.services), frac(rec.contracts), frac(rec.hosts), frac(rec.databases), fmt.Sprint(rec.extra)}, sep)+end)
		total.services.Add(rec.services)
		total.contracts.Add(rec.contracts)
		total.hosts.Add(rec.hosts)
		total.databases.Add(rec.databases)
		total.extra += rec.extra
	}
	fmt.Fprintln(w, start+strings.Join([]string{"total", frac(total.services), frac(total.contracts), frac(total.hosts), frac(total.databases), fmt.Sprint(total.extra)}, sep)+end)
	fmt.Fprintln(w)
}

func frac(c Count) string {
	if c.TP+c.FN == 0 {
		return "—"
	}
	return fmt.Sprintf("%d / %d", c.TP, c.TP+c.FN)
}
