package deploy

import "gopkg.in/yaml.v3"

// A pair is one key and value of a YAML mapping.
type pair struct{ key, value *yaml.Node }

// deref returns the node a document or alias node stands for.
func deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && depth < 100; depth++ {
		switch {
		case n.Kind == yaml.DocumentNode && len(n.Content) == 1:
			n = n.Content[0]
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		default:
			return n
		}
	}
	return n
}

// pairs returns the entries of a mapping with YAML merge keys (<<: *anchor)
// applied: compose files and config files share blocks that way, and an
// explicit key overrides a merged one.
func pairs(n *yaml.Node) []pair {
	return mergedPairs(n, 0)
}

// maxMergeDepth bounds merges of merges: real files nest two or three,
// and each level may merge several anchors, so a deep chain is a bomb.
const maxMergeDepth = 6

func mergedPairs(n *yaml.Node, depth int) []pair {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > maxMergeDepth {
		return nil
	}
	var merged, explicit []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			v = deref(v)
			sources := []*yaml.Node{v}
			if v != nil && v.Kind == yaml.SequenceNode {
				sources = v.Content
			}
			for _, src := range sources {
				merged = appendMissing(merged, mergedPairs(src, depth+1))
			}
			continue
		}
		explicit = append(explicit, pair{k, v})
	}
	return appendMissing(explicit, merged)
}

// appendMissing appends the pairs of more whose keys are not in have yet.
func appendMissing(have, more []pair) []pair {
	seen := map[string]bool{}
	for _, p := range have {
		seen[p.key.Value] = true
	}
	for _, p := range more {
		if !seen[p.key.Value] {
			have = append(have, p)
			seen[p.key.Value] = true
		}
	}
	return have
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	for _, p := range pairs(n) {
		if p.key.Value == key {
			return deref(p.value)
		}
	}
	return nil
}

// items returns the elements of a sequence, or nil.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c)
	}
	return out
}

// scalar returns the text of a non-null scalar, as written.
func scalar(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// str returns the text of a non-null scalar, or "".
func str(n *yaml.Node) string {
	s, _ := scalar(n)
	return s
}

// lineOf returns the line of n, or 0 for nil.
func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}
