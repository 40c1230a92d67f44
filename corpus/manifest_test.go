package corpus_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

func TestManifestCoversTheMirror(t *testing.T) {
	m, err := corpus.LoadManifest(filepath.Join(corpustest.CorpusDir(t), "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tsv, err := os.ReadFile(corpustest.SharedFile(t, "corpus/sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:]
	if len(rows) != len(m.Documents) {
		t.Errorf("manifest has %d documents, sources.tsv %d", len(m.Documents), len(rows))
	}
	for _, row := range rows {
		f := strings.Split(row, "\t")
		d := m.Doc(f[0])
		if d == nil {
			t.Errorf("%s is in sources.tsv but not in the manifest", f[0])
			continue
		}
		if d.URL != f[3] || d.SHA256 != f[4] {
			t.Errorf("%s: manifest url/sha256 differ from sources.tsv", f[0])
		}
	}
	for _, d := range m.Documents {
		if d.Kind == corpus.KindLicense && d.Official == "" {
			t.Errorf("%s has no official page to link", d.ID)
		}
	}
	for _, lic := range []string{"llama4", "llama3.1", "gemma", "qwen2.5", "apache-2.0", "gpl-3.0"} {
		if m.LicenseDoc(lic) == nil {
			t.Errorf("no license %s", lic)
		}
	}
	if inc := m.LicenseDoc("llama4").Incorporates; len(inc) != 1 || inc[0] != "llama4-aup" {
		t.Errorf("llama4 incorporates %v; want the Llama 4 AUP", inc)
	}
	if inc := m.LicenseDoc("gemma").Incorporates; len(inc) != 1 || inc[0] != "gemma-prohibited-use-policy" {
		t.Errorf("gemma incorporates %v; want its Prohibited Use Policy", inc)
	}
}

// A broken manifest is refused with the file and the line of the entry.
func TestManifestErrorsNameFileAndLine(t *testing.T) {
	const head = "version: \"1\"\ndocuments:\n"
	doc := func(id, extra string) string {
		return "  - id: " + id + "\n    title: T\n    kind: license\n    license: " + id + "\n    sha256: " + strings.Repeat("a", 64) + "\n" + extra
	}
	for name, tc := range map[string]struct{ body, want string }{
		"duplicate id":         {head + doc("x", "") + doc("x", ""), `manifest.yaml:8: duplicate document id "x"`},
		"bad sha":              {head + "  - id: y\n    title: T\n    kind: policy\n    sha256: beef\n", "manifest.yaml:3: document y: sha256"},
		"unknown incorporates": {head + doc("z", "    incorporates: [nope]\n"), `manifest.yaml:3: document z incorporates unknown document "nope"`},
		"unknown field":        {head + doc("w", "    licence: w\n"), "manifest.yaml:8: malformed YAML"},
		"bad kind":             {head + "  - id: v\n    title: T\n    kind: poem\n    sha256: " + strings.Repeat("b", 64) + "\n", `manifest.yaml:3: document v: kind "poem"`},
		"not yaml":             {"documents: [\n", "manifest.yaml:"},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "manifest.yaml")
			os.WriteFile(p, []byte(tc.body), 0o644)
			_, err := corpus.LoadManifest(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v; want it to contain %q", err, tc.want)
			}
			if !regexp.MustCompile(`manifest\.yaml(:\d+)?: `).MatchString(err.Error()) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}
