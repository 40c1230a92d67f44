package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensebot/licensebot/bot/store"
)

// flakyStore is a real store whose writes fail while the named operation
// is set, as a full disk, a read-only file or a lost database would.
type flakyStore struct {
	store.Store
	mu   sync.Mutex
	fail map[string]bool // "pin", "confirm", "check"
}

var errWrite = errors.New("disk I/O error: attempt to write a readonly database")

func (s *flakyStore) set(op string, failing bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[op] = failing
}

func (s *flakyStore) failing(op string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fail[op]
}

func (s *flakyStore) Pin(ctx context.Context, r store.Record) error {
	if s.failing("pin") {
		return errWrite
	}
	return s.Store.Pin(ctx, r)
}

func (s *flakyStore) Confirm(ctx context.Context, g, m string) error {
	if s.failing("confirm") {
		return errWrite
	}
	return s.Store.Confirm(ctx, g, m)
}

func (s *flakyStore) Check(ctx context.Context) error {
	if s.failing("check") {
		return errWrite
	}
	return s.Store.Check(ctx)
}

func newFlakyPinFixture(t *testing.T) (*pinFixture, *flakyStore) {
	f := newPinFixture(t)
	fs := &flakyStore{Store: f.pins, fail: map[string]bool{}}
	f.d.Pins = fs
	return f, fs
}

// With a store that cannot record, pinning never reaches Discord: no pin
// exists that the bot does not know of.
func TestPinWithAStoreThatFailsOnWriteMakesNoDiscordCall(t *testing.T) {
	f, fs := newFlakyPinFixture(t)
	fs.set("pin", true)
	r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "did not pin the message") {
		t.Errorf("reply %q; want one saying nothing was pinned", r.Data.Content)
	}
	if calls := f.discord.calls(); len(calls) != 0 {
		t.Errorf("Discord was called with the store failing: %v", calls)
	}
}

// A pin that reached Discord but could not be confirmed is reported — to
// the moderator, and in /pinned as not confirmed — and the next click
// finishes it. /readyz names the store while it fails its check.
func TestPinNotConfirmedIsReportedAndFinishedByTheNextClick(t *testing.T) {
	f, fs := newFlakyPinFixture(t)
	click := func() string {
		r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
		return r.Data.Content
	}
	pinned := func() string {
		r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
		return r.Data.Embeds[0].Description
	}
	fs.set("confirm", true)
	fs.set("check", true)
	if got := click(); !strings.Contains(got, "could not confirm") || !strings.Contains(got, "Pin again") {
		t.Errorf("moderator told %q; want the pin reported unconfirmed", got)
	}
	if got := pinned(); !strings.Contains(got, "Not confirmed") {
		t.Errorf("/pinned does not report the unconfirmed pin:\n%s", got)
	}
	if a := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution")); strings.Contains(a.Data.Embeds[0].Description, "pinned an answer") {
		t.Error("answers link to an unconfirmed pin")
	}
	ops := NewOpsServer(NewDispatcher(f.d))
	rec := httptest.NewRecorder()
	ops.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, "degraded: pins store: "+errWrite.Error()) {
		t.Errorf("/readyz with the store failing: %d %q", rec.Code, body)
	}

	fs.set("confirm", false)
	fs.set("check", false)
	if got := click(); !strings.Contains(got, "finishing an earlier pin") {
		t.Errorf("second click: %q; want it to finish the pin", got)
	}
	want := "PUT " + pinPath(sampleChannel, sampleMessage)
	if calls := f.discord.calls(); len(calls) != 2 || calls[0] != want || calls[1] != want {
		t.Errorf("Discord calls %v; want the pin sent twice (it is idempotent)", calls)
	}
	if got := pinned(); strings.Contains(got, "Not confirmed") {
		t.Errorf("/pinned still reports the finished pin unconfirmed:\n%s", got)
	}
	if a := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution")); !strings.Contains(a.Data.Embeds[0].Description, "pinned an answer") {
		t.Error("answers do not link to the finished pin")
	}
}

// A pin Discord may have made (a 5xx) stays pending for the next click; one
// Discord refused leaves no record behind.
func TestPinFailureKeepsPendingOnlyWhenDiscordMayHavePinned(t *testing.T) {
	f := newPinFixture(t)
	f.discord.fail("PUT", pinPath(sampleChannel, sampleMessage), http.StatusBadGateway, 0)
	r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	if !strings.Contains(r.Data.Content, "did not confirm the pin") {
		t.Errorf("reply %q", r.Data.Content)
	}
	if rec, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); err != nil || rec.State != store.StatePending {
		t.Errorf("after a 502: %+v, %v; want a pending record", rec, err)
	}
}

// A pins store that starts failing its check while the bot runs is logged,
// once, at error, and its recovery at info: before, only /readyz and
// /metrics said so, and the log had nothing unless a pin or a lookup
// happened to fail.
func TestStoreCheckFailureIsLogged(t *testing.T) {
	f, fs := newFlakyPinFixture(t)
	log, buf := quietLog()
	f.d.Log = log
	ops := NewOpsServer(NewDispatcher(f.d))
	readyz := func() {
		ops.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/readyz", nil))
	}
	recheck := func() { ops.pins.at = time.Time{} } // past storeCheckEvery
	readyz()
	if strings.Contains(buf.String(), "pins store") {
		t.Errorf("a sound store was logged:\n%s", buf)
	}
	fs.set("check", true)
	recheck()
	readyz()
	recheck()
	readyz()
	if n := strings.Count(buf.String(), `"msg":"pins store fails its check`); n != 1 || !strings.Contains(buf.String(), `"level":"ERROR"`) ||
		!strings.Contains(buf.String(), errWrite.Error()) {
		t.Errorf("%d error lines for the failing store; want one naming %q:\n%s", n, errWrite, buf)
	}
	fs.set("check", false)
	recheck()
	readyz()
	if !strings.Contains(buf.String(), `"msg":"pins store passes its check again"`) {
		t.Errorf("the store's recovery was not logged:\n%s", buf)
	}
}

// The dispatcher checks the pins store on its own, every storeCheckEvery,
// where no ops address is served and nothing asks /readyz: a store that
// starts failing is found and logged (and a SQLite store then refuses
// writes). Before, only /readyz and /metrics ran the check, so without
// them damage under a running bot went unseen and pins went on being
// written.
func TestPinsStoreWatchedWithoutOps(t *testing.T) {
	f, fs := newFlakyPinFixture(t)
	log, buf := quietLog()
	f.d.Log = log
	disp := NewDispatcher(f.d)
	disp.pins.every = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { disp.WatchPins(ctx); close(done) }()
	fs.set("check", true)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(buf.String(), `"msg":"pins store fails its check`) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(buf.String(), `"msg":"pins store fails its check`) {
		t.Errorf("a failing store went unseen without /readyz:\n%s", buf)
	}
}

// A bot serving without pins (store.Unavailable: the SQLite file was
// damaged at start, which serve logged once) answers without the pinned
// link and says nothing more per answer: every /license in a server logged
// "pinned answer lookup failed" with the whole start-up error, for as long
// as the process ran. A lookup that fails in a store that is there is
// still logged.
func TestAnswersWithoutAPinsStoreLogNothingEach(t *testing.T) {
	f := newPinFixture(t)
	log, buf := quietLog()
	f.d.Log = log
	f.d.Pins = store.Unavailable(errors.New("pins store /data/pins.db failed its check (integrity check: malformed)"))
	for range 3 {
		r := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution"))
		if len(r.Data.Embeds) == 0 || isEphemeral(r) {
			t.Fatalf("no answer: %+v", r.Data)
		}
	}
	if strings.Contains(buf.String(), "lookup failed") {
		t.Errorf("each answer logged the store's absence:\n%s", buf)
	}
	f.d.Pins = lookupFails{f.pins}
	f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution"))
	if !strings.Contains(buf.String(), "lookup failed") {
		t.Errorf("a failing lookup was not logged:\n%s", buf)
	}
}

// lookupFails is a store that is there but whose lookups fail.
type lookupFails struct{ store.Store }

func (lookupFails) Lookup(context.Context, string, string, string) (*store.Record, error) {
	return nil, errWrite
}
