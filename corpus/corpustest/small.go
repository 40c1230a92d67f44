package corpustest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// SmallLicenses are the licenses of the small corpus: Llama 4 (with its
// policy: a license that incorporates another document) and MIT.
var SmallLicenses = []string{"llama4", "mit"}

// smallDocs are the documents of the small corpus.
var smallDocs = []string{"mit", "llama4-license", "llama4-aup"}

// SmallCorpusDir writes a copy of the repository's corpus cut down to
// SmallLicenses into a temporary directory and returns it: the manifest's
// documents, the cards and models of those licenses only, no notes and no
// training questions (fitting the question model is most of a build's
// time; without questions a build has none, and questions are answered by
// their topic's names). Tests of mechanics — swapping builds under load,
// killed builds, concurrent rebuilds, first use — build it in a fraction
// of the time the full corpus takes; quality tests use the full corpus.
func SmallCorpusDir(t testing.TB) string {
	t.Helper()
	src, dst := CorpusDir(t), t.TempDir()
	filter(t, filepath.Join(src, "manifest.yaml"), filepath.Join(dst, "manifest.yaml"), func(doc *yaml.Node) {
		keepItems(mapValue(doc, "documents"), func(n *yaml.Node) bool { return slices.Contains(smallDocs, scalar(mapValue(n, "id"))) })
	})
	filter(t, filepath.Join(src, "models.yaml"), filepath.Join(dst, "models.yaml"), func(doc *yaml.Node) {
		external := map[string]bool{}
		for _, x := range mapValue(doc, "external").Content {
			external[scalar(mapValue(x, "id"))] = true
			if near := scalar(mapValue(x, "near")); near != "" && !slices.Contains(SmallLicenses, near) {
				deleteKey(x, "near") // a stand-in the small corpus does not hold
			}
		}
		keepItems(mapValue(doc, "models"), func(n *yaml.Node) bool {
			for _, l := range mapValue(n, "licenses").Content {
				if !slices.Contains(SmallLicenses, l.Value) && !external[l.Value] {
					return false
				}
			}
			return true
		})
	})
	for _, l := range SmallLicenses {
		copyFile(t, filepath.Join(src, "cards", l+".yaml"), filepath.Join(dst, "cards", l+".yaml"))
	}
	for _, f := range []string{"topics.yaml", "lexicon.tsv"} {
		copyFile(t, filepath.Join(src, f), filepath.Join(dst, f))
	}
	return dst
}

// filter rewrites a YAML file through edit, which gets the document's root
// node.
func filter(t testing.TB, from, to string, edit func(*yaml.Node)) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", from, err)
	}
	edit(doc.Content[0])
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, out)
}

// mapValue is the value of key in mapping n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// deleteKey removes key and its value from the mapping n.
func deleteKey(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content = slices.Delete(n.Content, i, i+2)
			return
		}
	}
}

func scalar(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return n.Value
}

// keepItems keeps the items of sequence seq that keep accepts.
func keepItems(seq *yaml.Node, keep func(*yaml.Node) bool) {
	if seq == nil {
		return
	}
	seq.Content = slices.DeleteFunc(seq.Content, func(n *yaml.Node) bool { return !keep(n) })
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, b)
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
