package bot

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"

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
