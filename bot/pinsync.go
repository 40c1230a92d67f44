package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
)

// Pins removed outside the bot. A moderator may unpin an answer from
// Discord's own menu, or delete the message; answers would go on linking
// to it. In gateway mode Discord sends CHANNEL_PINS_UPDATE (Guilds intent)
// whenever a channel's pins change, and the bot then forgets the records
// of that channel's pins that Discord no longer lists, once Discord says
// of each message that it is unpinned or deleted (a bot without Read
// Message History is listed no pins at all). Discord sends no pins event
// when a pinned message, a channel or a thread is deleted; the channel's
// or thread's CHANNEL_DELETE or THREAD_DELETE starts the same check. HTTP
// mode receives no events: there the channels of each /pinned page are
// checked the same way (forgetRemovedOnPage), and a pin removed outside
// the bot is also found when a moderator presses 📌 Pin or Unpin on it.

// maxPinPages bounds the pages of a channel's pins read in one check:
// Discord keeps at most 250 pins a channel, 50 a page.
const maxPinPages = 6

// maxRecordPages bounds the pages of a guild's records read in one check.
const maxRecordPages = 20

// pinSync checks channels whose pins changed, one check at a time per
// channel: an event arriving while its channel is being checked asks for
// one more check after it, so a burst of pins costs two checks, not one
// each.
type pinSync struct {
	d     *Deps
	mu    sync.Mutex
	again map[string]bool // channels being checked → another event came meanwhile
}

func newPinSync(d *Deps) *pinSync { return &pinSync{d: d, again: map[string]bool{}} }

// pinsChanged handles CHANNEL_PINS_UPDATE for a guild channel.
func (p *pinSync) pinsChanged(ctx context.Context, guildID, channelID string) {
	if guildID == "" || p.d.Pins == nil {
		return // a DM's pins are not the bot's
	}
	p.mu.Lock()
	if _, running := p.again[channelID]; running {
		p.again[channelID] = true
		p.mu.Unlock()
		return
	}
	p.again[channelID] = false
	p.mu.Unlock()
	for {
		p.check(ctx, guildID, channelID)
		p.mu.Lock()
		if !p.again[channelID] || ctx.Err() != nil {
			delete(p.again, channelID)
			p.mu.Unlock()
			return
		}
		p.again[channelID] = false
		p.mu.Unlock()
	}
}

// check runs forgetRemovedPins, logging what it forgot or why it could
// not look. A panic is logged, not let out: it would end the process.
func (p *pinSync) check(ctx context.Context, guildID, channelID string) {
	log := p.d.logger().With("guild", guildID, "channel", channelID)
	defer func() {
		if v := recover(); v != nil {
			log.Error("panic checking a channel's pins", "panic", fmt.Sprint(v))
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := forgetAndLog(ctx, p.d, log, guildID, channelID)
	if err != nil && ctx.Err() == nil {
		log.Warn("could not check the channel's pins", "err", err)
	}
}

// forgetAndLog is forgetRemovedPins logging, to log, each pin it forgot.
func forgetAndLog(ctx context.Context, d *Deps, log *slog.Logger, guildID, channelID string) (int, error) {
	forgot, err := forgetRemovedPins(ctx, d, guildID, channelID)
	for _, id := range forgot {
		log.Info("pin removed outside the bot: record forgotten", "message", id)
	}
	return len(forgot), err
}

// forgetRemovedPins forgets the records of channelID's confirmed pins
// that Discord no longer lists and whose message Discord says is unpinned
// or deleted, and returns their message ids. The records are read before
// Discord's list, under the channel's pin lock, so a pin confirmed
// meanwhile is never taken for one removed. A pending record is left
// alone: its pin is on its way, or /pinned shows it.
func forgetRemovedPins(ctx context.Context, d *Deps, guildID, channelID string) ([]string, error) {
	if d.Session == nil || d.Session.Token == "" {
		return nil, nil // HTTP mode without a bot token cannot list pins
	}
	if err := checkPathIDs("", guildID, channelID); err != nil {
		return nil, err
	}
	unlock, err := d.pinLocks.lock(ctx, channelID)
	if err != nil {
		return nil, err
	}
	defer unlock()
	records, err := channelRecords(ctx, d.Pins, guildID, channelID)
	if err != nil || len(records) == 0 {
		return nil, err
	}
	pinned, err := channelPins(ctx, d.Session, channelID)
	channelGone := false
	switch code := discordCode(err); {
	case code == discordgo.ErrCodeUnknownChannel:
		channelGone = true // the channel is gone, and its pins with it
	case err != nil:
		return nil, err
	}
	var forgot []string
	for _, r := range records {
		if pinned[r.MessageID] {
			continue
		}
		// Discord lists no pins to a bot without Read Message History
		// in the channel: an empty list is no word that a pin is gone.
		// The message itself says, or the check stops.
		if !channelGone {
			still, err := messagePinned(ctx, d.Session, channelID, r.MessageID)
			if err != nil {
				return forgot, err
			}
			if still {
				continue
			}
		}
		if err := d.Pins.Unpin(ctx, guildID, r.MessageID); err != nil && !errors.Is(err, store.ErrNotFound) {
			return forgot, err
		}
		forgot = append(forgot, r.MessageID)
	}
	return forgot, nil
}

// channelRecords returns the guild's confirmed pins in channelID.
func channelRecords(ctx context.Context, pins store.Store, guildID, channelID string) ([]store.Record, error) {
	const page = 100
	var out []store.Record
	for n, offset := 0, 0; n < maxRecordPages; n++ {
		recs, total, err := pins.List(ctx, guildID, offset, page)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if r.ChannelID == channelID && r.State == store.StatePinned {
				out = append(out, r)
			}
		}
		offset += len(recs)
		if len(recs) == 0 || offset >= total {
			break
		}
	}
	return out, nil
}

// pinnedMessages is Discord's page of a channel's pins (GET
// /channels/{channel.id}/messages/pins), newest first.
type pinnedMessages struct {
	Items []struct {
		PinnedAt time.Time `json:"pinned_at"`
		Message  struct {
			ID string `json:"id"`
		} `json:"message"`
	} `json:"items"`
	HasMore bool `json:"has_more"`
}

// channelPins returns the ids of the messages pinned in channelID. A
// listing cut short by maxPinPages is an error: a pin past it would be
// taken for one removed.
func channelPins(ctx context.Context, s *discordgo.Session, channelID string) (map[string]bool, error) {
	pinned := map[string]bool{}
	before := ""
	for range maxPinPages {
		q := url.Values{"limit": {"50"}}
		if before != "" {
			q.Set("before", before)
		}
		body, err := limitedRequest(ctx, s, "GET", pinAPI+"channels/"+channelID+"/messages/pins?"+q.Encode(),
			pinAPI+"channels/"+channelID+"/messages/pins")
		if err != nil {
			return nil, fmt.Errorf("list pins of %s: %w", channelID, err)
		}
		var page pinnedMessages
		if err := json.Unmarshal(body, &page); err != nil {
			return nil, fmt.Errorf("list pins of %s: %w", channelID, err)
		}
		for _, it := range page.Items {
			pinned[it.Message.ID] = true
		}
		if !page.HasMore || len(page.Items) == 0 {
			return pinned, nil
		}
		before = page.Items[len(page.Items)-1].PinnedAt.Format(time.RFC3339Nano)
	}
	return nil, fmt.Errorf("list pins of %s: more than %d pages", channelID, maxPinPages)
}

// messagePinned asks Discord whether a message is pinned (GET
// /channels/{channel.id}/messages/{message.id}); a deleted message, or
// one in a deleted channel, is not. Without Read Message History Discord
// refuses (403), and the error says so.
func messagePinned(ctx context.Context, s *discordgo.Session, channelID, messageID string) (bool, error) {
	if err := checkPathIDs("", channelID, messageID); err != nil {
		return false, err
	}
	body, err := limitedRequest(ctx, s, "GET", pinAPI+"channels/"+channelID+"/messages/"+messageID,
		pinAPI+"channels/"+channelID+"/messages/")
	switch code := discordCode(err); {
	case code == discordgo.ErrCodeUnknownMessage || code == discordgo.ErrCodeUnknownChannel:
		return false, nil
	case err != nil:
		return false, fmt.Errorf("get message %s/%s: %w", channelID, messageID, err)
	}
	var m struct {
		Pinned *bool `json:"pinned"`
	}
	if err := json.Unmarshal(body, &m); err != nil || m.Pinned == nil {
		return false, fmt.Errorf("get message %s/%s: no pinned state in %.100q", channelID, messageID, body)
	}
	return *m.Pinned, nil
}

// limitedRequest makes a call on one of the pin routes, which hold the
// channel's pin lock. A 429 is waited out within ctx and the call made
// again, at most maxRetries times: discordgo's own retry sleeps out
// whatever wait Discord names, deaf to ctx, holding the channel's lock
// and the gateway's shutdown. So does discordgo's rate limiter before a
// call on a bucket a 429 (or the last call's headers) left spent: that
// wait is waited out here first, within ctx.
func limitedRequest(ctx context.Context, s *discordgo.Session, method, url, bucket string, opts ...discordgo.RequestOption) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		if err := bucketWait(ctx, s, bucket); err != nil {
			return nil, fmt.Errorf("%s %s: waiting out the rate limit: %w", method, bucket, err)
		}
		callCtx, cancel := context.WithTimeout(ctx, restTimeout)
		body, err := s.RequestWithBucketID(method, url, nil, bucket,
			slices.Concat(opts, []discordgo.RequestOption{discordgo.WithContext(callCtx), discordgo.WithRetryOnRatelimit(false)})...)
		cancel()
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) || rl.TooManyRequests == nil || attempt == maxRetries {
			return body, err
		}
		if werr := sleepCtx(ctx, max(rl.RetryAfter, time.Millisecond)); werr != nil {
			return nil, fmt.Errorf("%w, not retried: %w", err, werr)
		}
	}
}

// bucketWait returns once discordgo's rate limiter would make a call on
// bucket without sleeping, or with ctx's error when ctx ends first. The
// bucket's lock is taken off this goroutine: a call on it in flight holds
// it, and may be sleeping.
func bucketWait(ctx context.Context, s *discordgo.Session, bucket string) error {
	if s.Ratelimiter == nil {
		return nil
	}
	for {
		b := s.Ratelimiter.GetBucket(bucket)
		waits := make(chan time.Duration, 1)
		go func() {
			b.Lock()
			wait := s.Ratelimiter.GetWaitTime(b, 1)
			b.Unlock()
			waits <- wait
		}()
		var wait time.Duration
		select {
		case wait = <-waits:
		case <-ctx.Done():
			return ctx.Err()
		}
		if wait <= 0 {
			return nil
		}
		if err := sleepCtx(ctx, wait); err != nil {
			return err
		}
	}
}

// channelLocks serialise, per channel, a moderator's pin and
// forgetRemovedPins in this process: pressing 📌 Pin on an answer
// recorded as pinned sends the pin again, and a check that read Discord's
// list just before that PUT would forget the record of a message pinned
// once more. A guild's interactions and events reach one process in
// gateway mode (sharded by guild), so this closes the race there.
type channelLocks struct {
	mu    sync.Mutex
	locks map[string]*channelLock
}

type channelLock struct {
	held chan struct{}
	refs int
}

// lock takes the lock of key, or gives up when ctx ends.
func (l *channelLocks) lock(ctx context.Context, key string) (unlock func(), err error) {
	l.mu.Lock()
	if l.locks == nil {
		l.locks = map[string]*channelLock{}
	}
	c := l.locks[key]
	if c == nil {
		c = &channelLock{held: make(chan struct{}, 1)}
		l.locks[key] = c
	}
	c.refs++
	l.mu.Unlock()
	release := func() {
		l.mu.Lock()
		if c.refs--; c.refs == 0 {
			delete(l.locks, key)
		}
		l.mu.Unlock()
	}
	select {
	case c.held <- struct{}{}:
		return func() { <-c.held; release() }, nil
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
}
