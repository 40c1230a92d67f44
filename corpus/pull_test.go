package corpus_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// smallManifest is three real documents — two with a URL served by srv,
// one mirror-only — pinned to the mirror's SHA-256s.
func smallManifest(t *testing.T, srvURL string) *corpus.Manifest {
	t.Helper()
	full, err := corpus.LoadManifest(filepath.Join(corpustest.CorpusDir(t), "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := &corpus.Manifest{Version: full.Version}
	for _, id := range []string{"mit", "llama4-aup", "osd"} {
		d := *full.Doc(id)
		if d.URL != "" {
			d.URL = srvURL + "/" + id
		}
		m.Documents = append(m.Documents, d)
	}
	return m
}

// mirrorServer serves the mirror's texts by id, except those in override.
func mirrorServer(t *testing.T, override map[string]string) *httptest.Server {
	texts := corpustest.TextsDir(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/")
		if body, ok := override[id]; ok {
			w.Write([]byte(body))
			return
		}
		http.ServeFile(w, r, filepath.Join(texts, id+".txt"))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func actions(res []corpus.PullResult) map[string]string {
	out := map[string]string{}
	for _, r := range res {
		out[r.Doc] = r.Action
	}
	return out
}

func TestPullDownloadsVerifiesAndKeeps(t *testing.T) {
	srv := mirrorServer(t, nil)
	m := smallManifest(t, srv.URL)
	dest := t.TempDir()
	res, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(res); got["mit"] != "fetched" || got["llama4-aup"] != "fetched" || got["osd"] != "absent" {
		t.Errorf("actions %v; want two fetched and osd absent (no URL, no mirror)", got)
	}
	res, err = corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(res); got["mit"] != "unchanged" {
		t.Errorf("second pull: %v; want unchanged", got)
	}
	// From the mirror, the mirror-only document arrives too.
	res, err = corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest, From: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(res); got["osd"] != "copied" {
		t.Errorf("pull --from: %v; want osd copied", got)
	}
}

// A text that changed upstream fails the pull naming the document, and
// nothing already on disk is overwritten — not even the texts that did
// verify.
func TestPullChangedUpstreamChangesNothing(t *testing.T) {
	good := mirrorServer(t, nil)
	m := smallManifest(t, good.URL)
	dest := t.TempDir()
	if _, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest}); err != nil {
		t.Fatal(err)
	}
	// Corrupt the local MIT copy so the next pull must fetch it again.
	mitPath := filepath.Join(dest, "mit.txt")
	os.WriteFile(mitPath, []byte("stale local copy"), 0o644)
	before := map[string][]byte{}
	for _, id := range []string{"mit", "llama4-aup"} {
		before[id], _ = os.ReadFile(filepath.Join(dest, id+".txt"))
	}

	bad := mirrorServer(t, map[string]string{"llama4-aup": "tampered upstream"})
	m = smallManifest(t, bad.URL)
	os.Remove(filepath.Join(dest, "llama4-aup.txt"))
	before["llama4-aup"] = nil
	_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest})
	if !errors.Is(err, corpus.ErrChecksum) || !strings.Contains(err.Error(), "llama4-aup") {
		t.Fatalf("err = %v; want a checksum error naming llama4-aup", err)
	}
	for id, b := range before {
		after, _ := os.ReadFile(filepath.Join(dest, id+".txt"))
		if string(after) != string(b) {
			t.Errorf("%s changed on disk after a failed pull", id)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dest, ".*tmp*")); len(leftovers) > 0 {
		t.Errorf("temp files left behind: %v", leftovers)
	}
}

func TestPullHTTPErrorNamesDocument(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, err := corpus.Pull(context.Background(), smallManifest(t, srv.URL), corpus.PullOptions{Dest: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "mit") || !strings.Contains(err.Error(), "404") {
		t.Fatalf("err = %v; want one naming mit and the 404", err)
	}
}
