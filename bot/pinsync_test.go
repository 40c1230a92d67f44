package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
)

// pinIn records a pin of message in channel, pins it in the stand-in
// (as the bot's own pin would have) unless pending, and returns its id.
func (f *pinFixture) pinIn(t *testing.T, channel string, n int, state string) string {
	t.Helper()
	id := fmt.Sprintf("8000000000000%05d", n)
	f.seed(t, store.Record{
		GuildID: sampleGuild, ChannelID: channel, MessageID: id, License: "llama4",
		Topic: fmt.Sprintf("topic-%d", n), PinnedBy: "1111", State: state,
		PinnedAt: time.Date(2026, 11, 1, 0, 0, n, 0, time.UTC),
	})
	return id
}

// recorded lists the messages the store holds a record of in channel.
func (f *pinFixture) recorded(t *testing.T, channel string) []string {
	t.Helper()
	recs, _, err := f.pins.List(context.Background(), sampleGuild, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		if r.ChannelID == channel {
			out = append(out, r.MessageID)
		}
	}
	slices.Sort(out)
	return out
}

const otherChannel = "345626669114982403"

// A pin a moderator removed in Discord's own menu is forgotten when the
// channel's pins change, so answers stop linking to it; the channel's
// other pins, a pin still on its way (pending) and other channels' pins
// stay. Discord's list is read page by page: a channel with more pins
// than a page loses only the one removed.
func TestPinsRemovedOutsideTheBotAreForgotten(t *testing.T) {
	f := newPinFixture(t)
	var kept []string
	for n := range 60 {
		kept = append(kept, f.pinIn(t, sampleChannel, n, store.StatePinned))
	}
	removed := kept[7]
	kept = slices.Delete(kept, 7, 8)
	pending := f.pinIn(t, sampleChannel, 100, store.StatePending)
	elsewhere := f.pinIn(t, otherChannel, 101, store.StatePinned)
	f.discord.unpinOutside(sampleChannel, removed)
	f.discord.unpinOutside(otherChannel, elsewhere) // its channel's pins did not change event-wise

	newPinSync(f.d).pinsChanged(context.Background(), sampleGuild, sampleChannel)

	want := slices.Sorted(slices.Values(append(slices.Clone(kept), pending)))
	if got := f.recorded(t, sampleChannel); !slices.Equal(got, want) {
		t.Errorf("records after the check: %d, want %d (all but %s)", len(got), len(want), removed)
	}
	if got := f.recorded(t, otherChannel); !slices.Equal(got, []string{elsewhere}) {
		t.Errorf("another channel's records: %v", got)
	}
	lists := 0
	for _, c := range f.discord.calls() {
		switch c {
		case "GET /api/v10/channels/" + sampleChannel + "/messages/pins":
			lists++
		case "GET /api/v10/channels/" + sampleChannel + "/messages/" + removed:
			// the one pin not listed, asked about before it is forgotten
		default:
			t.Errorf("unexpected call %s", c)
		}
	}
	if lists != 2 {
		t.Errorf("%d pages of pins read for 60 pins; want 2", lists)
	}
	if r, err := f.d.Pins.Lookup(context.Background(), sampleGuild, "llama4", "topic-7"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("answers still link to the removed pin: %+v, %v", r, err)
	}
}

// When Discord cannot be asked, nothing is forgotten: a pin is forgotten
// only on Discord's word. A deleted channel's pins went with it.
func TestPinCheckForgetsOnlyOnDiscordsWord(t *testing.T) {
	list := "/api/v10/channels/" + sampleChannel + "/messages/pins"
	for _, tc := range []struct {
		name         string
		status, code int
		forgotten    bool
	}{
		{"missing access", http.StatusForbidden, discordgo.ErrCodeMissingAccess, false},
		{"server error", http.StatusInternalServerError, 0, false},
		{"channel deleted", http.StatusNotFound, discordgo.ErrCodeUnknownChannel, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPinFixture(t)
			id := f.pinIn(t, sampleChannel, 1, store.StatePinned)
			f.discord.unpinOutside(sampleChannel, id)
			f.discord.fail("GET", list, tc.status, tc.code)
			forgot, err := forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel)
			if got := len(f.recorded(t, sampleChannel)) == 0; got != tc.forgotten {
				t.Errorf("forgotten = %v, want %v (forgot %v, err %v)", got, tc.forgotten, forgot, err)
			}
			if (err != nil) == tc.forgotten {
				t.Errorf("err = %v", err)
			}
		})
	}
	t.Run("no bot token", func(t *testing.T) {
		f := newPinFixture(t)
		f.pinIn(t, sampleChannel, 1, store.StatePinned)
		f.d.Session.Token = ""
		if forgot, err := forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel); forgot != nil || err != nil {
			t.Errorf("without a token: forgot %v, err %v", forgot, err)
		}
		if len(f.discord.calls()) != 0 {
			t.Errorf("calls without a token: %v", f.discord.calls())
		}
	})
}

// A moderator pressing 📌 Pin on an answer recorded as pinned, whose pin
// was removed in Discord, pins it again; a check that read Discord's word
// on the message just before that PUT must not then forget the record.
// The channel's lock makes the check wait for the pin, or the pin for the
// check.
func TestPinCheckDoesNotForgetAPinSentAgain(t *testing.T) {
	f := newPinFixture(t)
	click := func() { f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator))) }
	click()
	f.discord.unpinOutside(sampleChannel, sampleMessage)
	pinned := make(chan struct{})
	f.discord.mu.Lock()
	f.discord.afterGet = func() {
		f.discord.afterGet = nil // called under the stand-in's lock
		go func() { click(); close(pinned) }()
	}
	f.discord.mu.Unlock()
	forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel)
	<-pinned
	if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); errors.Is(err, store.ErrNotFound) {
		t.Error("the record of a message pinned again was forgotten")
	}
	newPinSync(f.d).pinsChanged(context.Background(), sampleGuild, sampleChannel)
	if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); err != nil {
		t.Errorf("record after the next check: %v", err)
	}
}

// /pinned drops from its page the pins removed in Discord since, and says
// so: HTTP mode hears of no such removal, and the list is where a
// moderator would see one. A channel Discord will not list is shown as
// recorded.
func TestPinnedDropsPinsRemovedInDiscord(t *testing.T) {
	f := newPinFixture(t)
	seedPins(t, f, 3)
	removed := "900000000000000001"
	f.discord.unpinOutside(sampleChannel, removed)
	f.discord.fail("GET", "/api/v10/channels/"+sampleChannel+"/messages/pins", http.StatusForbidden, discordgo.ErrCodeMissingAccess)
	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	if d := r.Data.Embeds[0].Description; !strings.Contains(d, removed) || strings.Contains(r.Data.Content, "removed in Discord") {
		t.Errorf("without access to the pins, the list changed: %q\n%s", r.Data.Content, d)
	}

	f.discord.mu.Lock()
	delete(f.discord.errs, "GET /api/v10/channels/"+sampleChannel+"/messages/pins")
	f.discord.mu.Unlock()
	r = f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	d := r.Data.Embeds[0].Description
	if strings.Contains(d, removed) || strings.Count(d, "[open](") != 2 {
		t.Errorf("the pin removed in Discord is still listed:\n%s", d)
	}
	if !strings.Contains(r.Data.Content, "1 pinned answer was removed in Discord since, so I took it off this list.") {
		t.Errorf("no word of the pin taken off: %q", r.Data.Content)
	}
	if r.Data.Embeds[0].Footer == nil || !strings.Contains(r.Data.Embeds[0].Footer.Text, "2 pinned answers") {
		t.Errorf("footer: %+v", r.Data.Embeds[0].Footer)
	}
}

// Without Read Message History in a channel Discord lists no pins there:
// an empty page, not an error. That is no word that the pins are gone, so
// nothing is forgotten. A pin is forgotten once Discord says so of the
// message itself: not pinned, or deleted.
func TestPinCheckWithoutReadMessageHistoryForgetsNothing(t *testing.T) {
	f := newPinFixture(t)
	unpinned := f.pinIn(t, sampleChannel, 1, store.StatePinned)
	deleted := f.pinIn(t, sampleChannel, 2, store.StatePinned)
	kept := f.pinIn(t, sampleChannel, 3, store.StatePinned)
	f.discord.mu.Lock()
	f.discord.noHistory[sampleChannel] = true
	f.discord.mu.Unlock()
	forgot, err := forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel)
	if got := f.recorded(t, sampleChannel); len(got) != 3 {
		t.Errorf("without Read Message History the check forgot %v (err %v); records left %v", forgot, err, got)
	}
	if err == nil {
		t.Error("no error for a channel whose pins the bot may not read")
	}

	f.discord.mu.Lock()
	f.discord.noHistory[sampleChannel] = false
	f.discord.mu.Unlock()
	f.discord.unpinOutside(sampleChannel, unpinned)
	f.discord.unpinOutside(sampleChannel, deleted)
	f.discord.fail("GET", "/api/v10/channels/"+sampleChannel+"/messages/"+deleted, http.StatusNotFound, discordgo.ErrCodeUnknownMessage)
	if _, err := forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel); err != nil {
		t.Fatal(err)
	}
	if got := f.recorded(t, sampleChannel); !slices.Equal(got, []string{kept}) {
		t.Errorf("records after an unpin and a deletion: %v, want %v", got, []string{kept})
	}
}

// A 429 on the pins list is waited out within the check's context: a
// shutdown ends the wait, and with it the check, which holds the
// channel's lock (a moderator's pin there waits for it) and which the
// gateway waits for before closing. discordgo's own retry slept out
// whatever retry_after Discord named, deaf to the context.
func TestRateLimitedPinCheckEndsWithItsContext(t *testing.T) {
	f := newPinFixture(t)
	f.pinIn(t, sampleChannel, 1, store.StatePinned)
	list := "/api/v10/channels/" + sampleChannel + "/messages/pins"
	f.discord.rateLimit("GET", list, 30*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		newPinSync(f.d).pinsChanged(ctx, sampleGuild, sampleChannel)
	}()
	for deadline := time.Now().Add(5 * time.Second); !slices.Contains(f.discord.calls(), "GET "+list); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the pins were never listed")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the rate-limited check outlived its context by the 429's retry_after")
	}
	if got := f.recorded(t, sampleChannel); len(got) != 1 {
		t.Errorf("records after a rate-limited check: %v", got)
	}

	// A short wait is waited out, and the list read again.
	f = newPinFixture(t)
	f.pinIn(t, sampleChannel, 1, store.StatePinned)
	f.discord.rateLimit("GET", list, 50*time.Millisecond)
	f.discord.during = func(string) {
		f.discord.mu.Lock()
		delete(f.discord.errs, "GET "+list) // the next call goes through
		f.discord.mu.Unlock()
	}
	if _, err := forgetRemovedPins(context.Background(), f.d, sampleGuild, sampleChannel); err != nil {
		t.Errorf("a check after a short 429: %v", err)
	}
	if n := len(f.discord.calls()); n != 2 {
		t.Errorf("%d calls for a list refused once with 429; want 2", n)
	}
}

// A member without the right to unpin sees /pinned as recorded: the
// check of the page's channels runs for moderators only (README: "each
// /pinned page a moderator opens"). Any member may run /pinned every few
// seconds, and each run spent the bot's REST budget on the page's
// channels; a member's list may show a pin removed since, as answers
// would have linked to it anyway until a moderator looks.
func TestPinnedByAMemberAsksDiscordNothing(t *testing.T) {
	f := newPinFixture(t)
	seedPins(t, f, 3)
	f.discord.unpinOutside(sampleChannel, "900000000000000001")
	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsMember, permsMember))
	if got := f.discord.calls(); len(got) != 0 {
		t.Errorf("a member's /pinned called Discord: %v", got)
	}
	if strings.Contains(r.Data.Content, "removed in Discord") || strings.Count(r.Data.Embeds[0].Description, "[open](") != 3 {
		t.Errorf("a member's /pinned changed the list: %q\n%s", r.Data.Content, r.Data.Embeds[0].Description)
	}
	r = f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	if !strings.Contains(r.Data.Content, "1 pinned answer was removed in Discord since") {
		t.Errorf("a moderator's /pinned did not check: %q, calls %v", r.Data.Content, f.discord.calls())
	}
}

// A 429 says, in its headers, that the route's bucket is spent until the
// wait is over, and discordgo then sleeps out that wait before the
// bucket's next call, deaf to the context, holding the channel's lock. A
// moderator's /pinned right after a check Discord refused must still end
// within its bound (pageCheckTimeout), and a pin in that channel must not
// wait for the 429's wait.
func TestCheckAfterA429EndsWithItsContext(t *testing.T) {
	f := newPinFixture(t)
	f.pinIn(t, sampleChannel, 1, store.StatePinned)
	list := "/api/v10/channels/" + sampleChannel + "/messages/pins"
	f.discord.rateLimit("GET", list, 30*time.Second)
	endsWithItsContext(t, "check", func(ctx context.Context) error {
		_, err := forgetRemovedPins(ctx, f.d, sampleGuild, sampleChannel)
		return err
	})
	if got := f.recorded(t, sampleChannel); len(got) != 1 {
		t.Errorf("records after rate-limited checks: %v", got)
	}
	unlock, err := f.d.pinLocks.lock(context.Background(), sampleChannel)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
}

// A pin or unpin right after a 429 on the pin route ends with its context
// too: discordgo slept out Discord's wait, twice (its retry, then its
// rate limiter before the next call), holding the channel's pin lock
// beyond restTimeout.
func TestPinAfterA429EndsWithItsContext(t *testing.T) {
	f := newPinFixture(t)
	f.discord.rateLimit("PUT", pinPath(sampleChannel, sampleMessage), 30*time.Second)
	endsWithItsContext(t, "pin", func(ctx context.Context) error {
		return discordPin(ctx, f.d, "PUT", sampleChannel, sampleMessage, "test")
	})
}

// endsWithItsContext makes call twice on a route Discord rate-limited for
// 30 s — the 429 itself, then the bucket it left spent — each with a
// context of 200 ms: each must fail, and end within 2 s.
func endsWithItsContext(t *testing.T, what string, call func(context.Context) error) {
	t.Helper()
	for n := range 2 {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- call(ctx) }()
		select {
		case err := <-done:
			if err == nil {
				t.Errorf("%s %d: no error for a rate-limited call", what, n+1)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("%s %d outlived its context (200 ms) by the 429's wait", what, n+1)
		}
		cancel()
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s %d took %v", what, n+1, d)
		}
	}
}
