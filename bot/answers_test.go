package bot

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

// A repeated question is answered from the cache: the engine is asked once
// per build, and the bytes sent are those a fresh render would send. A new
// build asks again; a pin made since shows its link at once.
func TestRepeatedAnswersComeFromTheCache(t *testing.T) {
	f := newPinFixture(t)
	eng := sampleEngine()
	var asks atomic.Int64
	build := "build-1"
	ask := eng.AskFunc
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		asks.Add(1)
		return ask(ctx, l, tp)
	}
	eng.StatsFunc = func() index.Stats { s := sampleStats; s.Dir = build; return s }
	f.d.Engine = eng
	send := func() []byte {
		rec := &inlineResponder{deps: f.d}
		NewDispatcher(f.d).Dispatch(context.Background(), licenseIn(t, sampleGuild, "llama4", "Attribution"), rec)
		if rec.err != nil {
			t.Fatal(rec.err)
		}
		return rec.body
	}
	first := send()
	for n := 0; n < 5; n++ {
		if got := send(); !bytes.Equal(got, first) {
			t.Fatalf("a cached answer differs from the first:\n%s\n%s", got, first)
		}
	}
	if n := asks.Load(); n != 1 {
		t.Errorf("engine asked %d times for 6 identical questions; want 1", n)
	}
	fresh, _ := EncodeResponse(RenderAnswer(sampleAnswer(), nil))
	if !bytes.Equal(first, fresh) {
		t.Errorf("cached answer is not the fresh render:\n%s\n%s", first, fresh)
	}

	f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	if linked := send(); !strings.Contains(string(linked), MessageURL(sampleGuild, sampleChannel, sampleMessage)) {
		t.Errorf("the answer after a pin does not link it:\n%s", linked)
	}
	build = "build-2"
	send()
	if n := asks.Load(); n != 2 {
		t.Errorf("engine asked %d times after a new build; want 2", n)
	}
}

// The bodies the cache keeps beside its answers leave with them: after
// questions asked twice at once (each a miss), answers asked across a
// build swap (never kept) and a purge, none is left.
func TestAnswerCacheKeepsNoBodyItDoesNotHold(t *testing.T) {
	eng := sampleEngine()
	var build atomic.Int64
	var pair sync.WaitGroup // the two asks of one question meet in the engine: both miss
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		if strings.HasPrefix(tp, "swap") {
			build.Add(1) // the build changes while this question is asked
		} else {
			pair.Done()
			pair.Wait()
		}
		return sampleAnswer(), nil
	}
	eng.StatsFunc = func() index.Stats { s := sampleStats; s.Dir = fmt.Sprint("build-", build.Load()); return s }
	d, _ := newTestDeps(eng)
	in := func(topic string) *discordgo.Interaction {
		return slash("license", "license", "llama4", "topic", topic)
	}
	for n := range 50 {
		var wg sync.WaitGroup
		pair.Add(2)
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				NewDispatcher(d).Dispatch(context.Background(), in(fmt.Sprint("attribution ", n)), newRecorder())
			}()
		}
		wg.Wait()
		NewDispatcher(d).Dispatch(context.Background(), in(fmt.Sprint("swap ", n)), newRecorder())
	}
	c := d.answerCache()
	held := func() int {
		n := 0
		c.encoded.Range(func(_, _ any) bool { n++; return true })
		return n
	}
	if n, kept := held(), c.answers.Len(); n > kept {
		t.Errorf("%d bodies kept for %d cached answers", n, kept)
	}
	c.answers.Purge()
	if n := held(); n != 0 {
		t.Errorf("%d bodies kept after the cache was emptied; want 0", n)
	}
}
