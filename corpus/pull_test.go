package corpus_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"

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

// Offline, a pull stops at the first text it cannot reach and says so once,
// instead of one DNS error per document; nothing is written.
func TestPullOfflineFailsOnceAndWritesNothing(t *testing.T) {
	m := smallManifest(t, "http://texts.invalid")
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}
	})}
	dest := filepath.Join(t.TempDir(), "texts")
	_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest, Client: client})
	if !errors.Is(err, corpus.ErrUnreachable) {
		t.Fatalf("err = %v; want ErrUnreachable", err)
	}
	if n := strings.Count(err.Error(), "no such host"); n != 1 {
		t.Errorf("the DNS error is said %d times: %v", n, err)
	}
	if entries, _ := os.ReadDir(dest); len(entries) > 0 {
		t.Errorf("%d files written by a failed pull", len(entries))
	}
}

// Progress hears of every document once, counting up to the total.
func TestPullReportsProgress(t *testing.T) {
	srv := mirrorServer(t, nil)
	m := smallManifest(t, srv.URL)
	var seen []string
	last := 0
	_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: t.TempDir(), Progress: func(done, total int, r corpus.PullResult) {
		if done != last+1 || total != len(m.Documents) {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
		seen = append(seen, r.Doc)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(m.Documents) {
		t.Errorf("progress heard of %v; want all %d documents", seen, len(m.Documents))
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A mirror that lacks a text with a URL is completed by downloading it:
// a partial mirror (the mirror-only texts alone, as an image build gets
// them) is enough.
func TestPullFromPartialMirrorDownloadsTheRest(t *testing.T) {
	srv := mirrorServer(t, nil)
	m := smallManifest(t, srv.URL)
	mirror := t.TempDir()
	for _, id := range []string{"mit", "osd"} {
		b, err := os.ReadFile(filepath.Join(corpustest.TextsDir(t), id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(mirror, id+".txt"), b, 0o644)
	}
	res, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: t.TempDir(), From: mirror})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"mit": "copied", "osd": "copied", "llama4-aup": "fetched"}
	for doc, action := range actions(res) {
		if want[doc] != action {
			t.Errorf("%s: %s, want %s", doc, action, want[doc])
		}
	}
}

// A mirror's file is read as a download is: a pipe or a device that never
// ends, or a file over the size limit, is refused at once rather than read
// without end, and the text already in place stays.
func TestPullFromMirrorRefusesWhatIsNoText(t *testing.T) {
	srv := mirrorServer(t, nil)
	m := smallManifest(t, srv.URL)
	for name, plant := range map[string]func(path string) error{
		"a device":  func(path string) error { return os.Symlink("/dev/zero", path) },
		"a pipe":    mkfifo,
		"too large": func(path string) error { return os.WriteFile(path, make([]byte, 9<<20), 0o644) },
	} {
		t.Run(name, func(t *testing.T) {
			mirror, dest := t.TempDir(), t.TempDir()
			if err := plant(filepath.Join(mirror, "mit.txt")); err != nil {
				t.Skip(err)
			}
			old := []byte("the text in place\n")
			os.WriteFile(filepath.Join(dest, "mit.txt"), old, 0o644)
			_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest, From: mirror})
			if err == nil || !strings.Contains(err.Error(), "mit.txt is") {
				t.Errorf("err = %v; want mit.txt refused", err)
			}
			if b, _ := os.ReadFile(filepath.Join(dest, "mit.txt")); string(b) != string(old) {
				t.Error("the text in place was replaced")
			}
		})
	}
}

// A mirror-only text that is on disk but not the pinned one, pulled from a
// mirror that lacks it, fails the pull as it does without a mirror, rather
// than pass the pull and fail the index build.
func TestPullFromMirrorLackingAStaleMirrorOnlyText(t *testing.T) {
	srv := mirrorServer(t, nil)
	m := smallManifest(t, srv.URL)
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "osd.txt"), []byte("an older Open Source Definition\n"), 0o644)
	_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: dest, From: t.TempDir()})
	if !errors.Is(err, corpus.ErrChecksum) || !strings.Contains(err.Error(), "osd") {
		t.Errorf("err = %v; want osd's stale copy named", err)
	}
}

// A connection that breaks mid-download reached the host: it fails that
// document, naming it, and is not taken for being offline.
func TestPullConnectionResetMidBodyIsNoOfflineError(t *testing.T) {
	m := smallManifest(t, "http://texts.invalid")
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(io.MultiReader(strings.NewReader("The MIT"),
			iotest.ErrReader(&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET})))}, nil
	})}
	_, err := corpus.Pull(context.Background(), m, corpus.PullOptions{Dest: t.TempDir(), Client: client})
	if err == nil || errors.Is(err, corpus.ErrUnreachable) || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("err = %v; want the reset named, not an offline error", err)
	}
}
