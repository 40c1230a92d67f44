package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// maxTextSize bounds one download; the largest text in the corpus is ~40 KiB.
const maxTextSize = 8 << 20

// PullResult says what happened to one document.
type PullResult struct {
	Doc    string
	Action string // "fetched", "copied", "unchanged", "absent"
	Source string
}

// PullOptions configures Pull.
type PullOptions struct {
	Dest string // directory the texts are written to (data/texts)
	From string // mirror directory to copy from; texts it lacks are downloaded; "" to download all
	// All refuses a pull that would leave a document out (one with no
	// download URL the mirror lacks): an AbsentError, nothing written.
	All    bool
	Client *http.Client // nil: http.DefaultClient
	// Progress, if not nil, hears of each document once it is staged
	// (fetched or copied and verified, not yet written): done of total.
	Progress func(done, total int, r PullResult)
}

// ErrUnreachable is wrapped when the texts cannot be downloaded because
// the network or the download host cannot be reached (offline, DNS, a
// firewall): the fix is a mirror (--from), not a retry of each text.
var ErrUnreachable = errors.New("cannot reach the download server")

// AbsentError is a pull with All that would leave documents out: they
// have no download URL and the mirror (if any) lacks them.
type AbsentError struct {
	Docs []string
	From string // the mirror, "" when none was given
}

func (e *AbsentError) Error() string {
	where := "no mirror was given"
	if e.From != "" {
		where = "not in the mirror " + e.From
	}
	return fmt.Sprintf("corpus pull: nothing written: %s: no download URL, and %s", strings.Join(e.Docs, ", "), where)
}

// pullWorkers is how many texts are fetched at once: enough to hide the
// latency of ~30 small downloads, few enough to be polite to the hosts.
const pullWorkers = 4

// Pull brings every manifest text into opts.Dest, verified against its
// SHA-256. All texts are fetched and checked before any is written, and each
// is written atomically (temp file, fsync, rename), so a failed pull leaves
// what was on disk as it was. Mirror-only documents (no URL) that are not in
// opts.From are kept if already present and otherwise reported "absent".
// When the network cannot be reached at all, Pull stops at the first such
// failure and returns one error wrapping ErrUnreachable.
func Pull(ctx context.Context, m *Manifest, opts PullOptions) ([]PullResult, error) {
	if opts.From != "" {
		if fi, err := os.Stat(opts.From); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("corpus pull: --from %s is not a directory", opts.From)
		}
	}
	if err := os.MkdirAll(opts.Dest, 0o755); err != nil {
		return nil, err
	}
	if opts.Client == nil {
		// A stalled server must not hang a pull (or an image build) forever.
		opts.Client = &http.Client{Timeout: 2 * time.Minute}
	}
	all, err := stageAll(ctx, m, opts)
	if err != nil {
		return nil, fmt.Errorf("corpus pull: nothing written: %w", err)
	}
	if opts.All {
		absent := AbsentError{From: opts.From}
		for _, s := range all {
			if s.res.Action == "absent" {
				absent.Docs = append(absent.Docs, s.res.Doc)
			}
		}
		if len(absent.Docs) > 0 {
			return nil, &absent
		}
	}
	out := make([]PullResult, 0, len(all))
	for _, s := range all {
		if s.body != nil {
			if err := WriteFileAtomic(filepath.Join(opts.Dest, s.res.Doc+".txt"), s.body); err != nil {
				return out, err
			}
		}
		out = append(out, s.res)
	}
	return out, nil
}

// stageAll stages every document, pullWorkers at a time, in manifest
// order. Once one fetch finds the network unreachable, the fetches not yet
// started are skipped: thirty copies of the same DNS error help nobody.
func stageAll(ctx context.Context, m *Manifest, opts PullOptions) ([]stagedText, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	all := make([]stagedText, len(m.Documents))
	errs := make([]error, len(m.Documents))
	var mu sync.Mutex
	done := 0
	sem := make(chan struct{}, pullWorkers)
	var wg sync.WaitGroup
	for i, d := range m.Documents {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if context.Cause(ctx) != nil && errors.Is(context.Cause(ctx), ErrUnreachable) {
				return
			}
			all[i], errs[i] = stageText(ctx, opts.Client, opts, d)
			if errors.Is(errs[i], ErrUnreachable) {
				cancel(errs[i])
			}
			mu.Lock()
			defer mu.Unlock()
			if done++; errs[i] == nil && opts.Progress != nil {
				opts.Progress(done, len(m.Documents), all[i].res)
			}
		}()
	}
	wg.Wait()
	if cause := context.Cause(ctx); errors.Is(cause, ErrUnreachable) {
		return nil, cause
	}
	return all, errors.Join(errs...)
}

// stagedText is one document's text, fetched and verified but not yet
// written; body is nil when there is nothing to write.
type stagedText struct {
	res  PullResult
	body []byte
}

// stageText brings d's text into memory — from the mirror, from its URL,
// or not at all when the copy on disk already matches — and verifies it.
func stageText(ctx context.Context, client *http.Client, opts PullOptions, d Document) (stagedText, error) {
	dest := filepath.Join(opts.Dest, d.ID+".txt")
	if cur, err := readText(dest); err == nil && sha256Hex(cur) == d.SHA256 {
		return stagedText{res: PullResult{Doc: d.ID, Action: "unchanged", Source: dest}}, nil
	}
	stale := func() error {
		// On disk but not what the manifest pins: say so now rather than
		// let the index build fail on it later.
		return fmt.Errorf("%s: %w: %s is not the pinned text and has no URL to fetch it from (use --from DIR)", d.ID, ErrChecksum, dest)
	}
	var body []byte
	var src, action string
	var err error
	switch {
	case opts.From != "" && (d.URL == "" || fileExists(filepath.Join(opts.From, d.ID+".txt"))):
		src, action = filepath.Join(opts.From, d.ID+".txt"), "copied"
		body, err = readText(src)
		if errors.Is(err, os.ErrNotExist) {
			if fileExists(dest) {
				return stagedText{}, stale()
			}
			return stagedText{res: PullResult{Doc: d.ID, Action: "absent", Source: src}}, nil
		}
	case d.URL == "":
		if fileExists(dest) {
			return stagedText{}, stale()
		}
		return stagedText{res: PullResult{Doc: d.ID, Action: "absent"}}, nil
	default:
		src, action = d.URL, "fetched"
		body, err = fetch(ctx, client, d.URL)
		if unreachable(err) {
			return stagedText{}, fmt.Errorf("%w: %w", ErrUnreachable, err)
		}
	}
	if err != nil {
		return stagedText{}, fmt.Errorf("%s: %w", d.ID, err)
	}
	if got := sha256Hex(body); got != d.SHA256 {
		return stagedText{}, fmt.Errorf("%s: %w: %s has %s, manifest pins %s (the text changed upstream; review it, then update the manifest)", d.ID, ErrChecksum, src, got, d.SHA256)
	}
	return stagedText{res: PullResult{Doc: d.ID, Action: action, Source: src}, body: body}, nil
}

// readText reads a text from disk as fetch reads one from the network:
// a regular file (not a pipe or a device that never ends), at most
// maxTextSize bytes.
func readText(path string) ([]byte, error) {
	b, err := ReadFileAtMost(path, maxTextSize)
	switch {
	case errors.Is(err, ErrNotRegular):
		return nil, fmt.Errorf("%s is not a regular file", path)
	case errors.Is(err, ErrTooLarge):
		return nil, fmt.Errorf("%s is larger than %d MiB, more than any license text", path, maxTextSize>>20)
	}
	return b, err
}

// ErrNotRegular and ErrTooLarge are why ReadFileAtMost refuses a file.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("larger than the bound")
)

// ReadFileAtMost reads the regular file at path, of at most max bytes:
// a pipe, whose read never ends without a writer, or a device is
// ErrNotRegular, and a longer file ErrTooLarge, read no further.
func ReadFileAtMost(path string, max int) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err == nil && len(b) > max {
		return nil, ErrTooLarge
	}
	return b, err
}

// fileExists reports whether a mirror has a document's text; a text the
// mirror lacks is downloaded when it has a URL.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// unreachable reports whether err says the network or the host could not
// be reached at all — no route, no DNS, refused (a failed dial), timed out
// — rather than that the host answered badly or the connection broke.
func unreachable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var dns *net.DNSError
	var op *net.OpError
	var ue *url.Error
	// A connection that broke after the host answered (a read or write
	// failed mid-body) reached it: that is a failed download, not being
	// offline.
	return errors.As(err, &dns) || errors.As(err, &op) && op.Op == "dial" || errors.As(err, &ue) && ue.Timeout()
}

func fetch(ctx context.Context, c *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxTextSize+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if len(b) > maxTextSize {
		return nil, fmt.Errorf("GET %s: larger than %d bytes", url, maxTextSize)
	}
	return b, nil
}

// WriteFileAtomic writes b to path through a temp file in the same
// directory, synced and renamed, so readers see the old or the new content,
// never a part.
func WriteFileAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
