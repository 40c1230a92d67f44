package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// The catalogue is checked like the cards: every entry names licenses that
// are in the manifest or declared external, a source URL and the date it
// was checked, and it covers the families the corpus's licenses govern.
func TestModelCatalogue(t *testing.T) {
	dir := corpustest.CorpusDir(t)
	m, err := corpus.LoadManifest(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := corpus.LoadModels(filepath.Join(dir, "models.yaml"), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms.Models) < 80 {
		t.Errorf("%d models; the catalogue should cover at least 80", len(ms.Models))
	}
	families := map[string]bool{}
	for _, mo := range ms.Models {
		families[strings.ToLower(mo.Family)] = true
		for _, l := range mo.Licenses {
			if m.LicenseDoc(l) == nil && ms.ExternalLicense(l) == nil {
				t.Errorf("%s: license %q is neither indexed nor external", mo.Name, l)
			}
		}
	}
	for _, want := range []string{"llama2", "llama3.1", "llama4", "gemma", "qwen2.5", "deepseek", "mistral", "phi", "olmo", "falcon", "whisper", "yolo"} {
		found := false
		for f := range families {
			found = found || strings.HasPrefix(f, want)
		}
		if !found {
			t.Errorf("no model of family %s", want)
		}
	}
}

// A broken entry is refused naming the file and the entry's line: a
// license that is nowhere, a source that is not a URL, a date that is not
// one.
func TestModelCatalogueRefusesBrokenEntries(t *testing.T) {
	m, err := corpus.LoadManifest(filepath.Join(corpustest.CorpusDir(t), "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	entry := `models:
  - name: Some-Model-7B
    licenses: [%s]
    why: Its card says so.
    source: %s
    checked: %s
`
	for _, c := range []struct{ license, source, checked, want string }{
		{"neighbour-license", "https://example.org/card", "2026-11-28", `license "neighbour-license" is neither`},
		{"apache-2.0", "the model card", "2026-11-28", "is not a URL"},
		{"apache-2.0", "https://example.org/card", "last week", "is not a date"},
	} {
		path := filepath.Join(t.TempDir(), "models.yaml")
		body := strings.Replace(entry, "%s", c.license, 1)
		body = strings.Replace(body, "%s", c.source, 1)
		body = strings.Replace(body, "%s", c.checked, 1)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := corpus.LoadModels(path, m)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), path+":2:") {
			t.Errorf("entry with %s/%s/%s: error %v; want %s:2: … %s", c.license, c.source, c.checked, err, path, c.want)
		}
	}
}

// An external license's `near` names the corpus license whose text stands
// in for it; one that names no corpus license is refused at its line.
func TestExternalLicenseNearMustBeInTheCorpus(t *testing.T) {
	m, err := corpus.LoadManifest(filepath.Join(corpustest.CorpusDir(t), "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for near, want := range map[string]string{"bigscience-openrail-m": "", "openrail-m-someday": `near "openrail-m-someday" is not a corpus license key`} {
		path := filepath.Join(t.TempDir(), "models.yaml")
		body := "external:\n  - id: some-rail\n    title: Some RAIL\n    url: https://example.org/rail\n    near: " + near + "\n"
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ms, err := corpus.LoadModels(path, m)
		switch {
		case want == "" && (err != nil || ms.ExternalLicense("some-rail").Near != near):
			t.Errorf("near %s: %v", near, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+":2:")):
			t.Errorf("near %s: error %v; want %s:2: … %s", near, err, path, want)
		}
	}
}
