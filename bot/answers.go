package bot

import (
	"context"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/licensebot/licensebot/index"
)

// Answers to /license repeat: a popular question is asked again and again,
// by different people, and its answer changes only with a new index build
// or a pin. The answer cache keeps, per build, license and topic, the
// engine's answer and the response rendered and encoded from it, for each
// pinned-answer link it was shown with, so a repeated question costs a
// lookup instead of a search, a render and a JSON encoding.
const (
	answerCacheSize = 512
	// maxAnswerViews bounds the renderings one answer keeps: one without a
	// pinned link, and one per link (per server that pinned it).
	maxAnswerViews = 8
)

type answerCache struct {
	answers *lru.Cache[answerKey, *cachedAnswer]
	// encoded maps a kept response to its body, so the responders send
	// the bytes instead of encoding the response again.
	encoded sync.Map
}

type answerKey struct{ build, license, topic string }

// cachedAnswer is one answer and its renderings. The answer and the
// responses are shared by every request that finds them: never modified.
type cachedAnswer struct {
	a *index.Answer
	c *answerCache
	// kept says the answer is in the cache: only then are its renderings'
	// bodies kept in encoded, which its eviction empties again.
	kept    bool
	mu      sync.Mutex
	evicted bool                                      // left the cache
	views   map[string]*discordgo.InteractionResponse // by pinned URL, "" for none
}

func newAnswerCache() *answerCache {
	c := &answerCache{}
	c.answers, _ = lru.NewWithEvict(answerCacheSize, func(_ answerKey, e *cachedAnswer) {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.evicted = true
		for _, r := range e.views {
			c.encoded.Delete(r)
		}
	})
	return c
}

// answerCache is d's cache, made on first use.
func (d *Deps) answerCache() *answerCache {
	d.answersOnce.Do(func() { d.answers = newAnswerCache() })
	return d.answers
}

// cachedAsk is Engine.Ask through the cache. An answer is kept only when
// the same build served before and after asking: one asked across a swap
// could be the old build's under the new build's name. Of two asks of one
// question at once, the first kept is the one both use.
func cachedAsk(ctx context.Context, d *Deps, license, topic string) (*cachedAnswer, error) {
	c := d.answerCache()
	build := d.Engine.Stats().Dir
	k := answerKey{build: build, license: license, topic: strings.ToLower(topic)}
	if e, ok := c.answers.Get(k); ok {
		return e, nil
	}
	a, err := d.Engine.Ask(ctx, license, topic)
	if err != nil {
		return nil, err
	}
	e := &cachedAnswer{a: a, c: c, views: map[string]*discordgo.InteractionResponse{}}
	if build != "" && d.Engine.Stats().Dir == build {
		e.kept = true
		if prev, found, _ := c.answers.PeekOrAdd(k, e); found {
			return prev, nil
		}
	}
	return e, nil
}

// response is the answer as shown in i's server: with the link to its
// pinned answer, if moderators pinned one (pin.go).
func (e *cachedAnswer) response(ctx context.Context, d *Deps, i *discordgo.Interaction) *discordgo.InteractionResponse {
	a := *e.a
	fillPinned(ctx, d, i, &a)
	link := ""
	if a.Pinned != nil {
		link = a.Pinned.URL
	}
	e.mu.Lock()
	r, ok := e.views[link]
	e.mu.Unlock()
	if ok {
		return r
	}
	r = RenderAnswer(&a, conditionDocs(ctx, d.Engine, &a))
	body, err := EncodeResponse(r)
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, raced := e.views[link]; err == nil && !raced && len(e.views) < maxAnswerViews {
		e.views[link] = r
		if e.kept && !e.evicted {
			e.c.encoded.Store(r, body)
		}
	}
	return r
}

// encodedResponse is r's body when r is a kept rendering, else it encodes
// r.
func (d *Deps) encodedResponse(r *discordgo.InteractionResponse) ([]byte, error) {
	if b, ok := d.answerCache().encoded.Load(r); ok {
		return b.([]byte), nil
	}
	return EncodeResponse(r)
}
