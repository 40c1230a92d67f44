package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// FuzzInteraction feeds bodies, as they would arrive once their signature
// checks out, through the decoder and the dispatcher: a body is refused
// with a reason or answered with one valid response, and no handler
// panics (the dispatcher would recover it; the log tells). Seeds are in
// testdata/fuzz/FuzzInteraction; `make fuzz` runs it.
func FuzzInteraction(f *testing.F) {
	f.Add(licenseBody(f))
	f.Add([]byte(`{"id":"1","application_id":"2","type":1,"token":"t","version":1}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		in, reason, _ := parseInteraction(body)
		if in == nil {
			if reason == "" {
				t.Fatal("refused without a reason")
			}
			return
		}
		d, log := newTestDeps(sampleEngine())
		rec := newRecorder()
		NewDispatcher(d).Dispatch(context.Background(), in, rec)
		if strings.Contains(log.String(), "panic") {
			t.Fatalf("a handler panicked on %q:\n%s", body, log)
		}
		rec.mu.Lock()
		defer rec.mu.Unlock()
		if len(rec.resp) != 1 {
			t.Fatalf("%d responses to %q", len(rec.resp), body)
		}
		out, err := EncodeResponse(rec.resp[0])
		if err != nil || !json.Valid(out) {
			t.Fatalf("response to %q does not encode: %v %s", body, err, out)
		}
		if in.Type != discordgo.InteractionPing && rec.resp[0].Type == discordgo.InteractionResponsePong {
			t.Fatalf("PONG to a non-ping %q", body)
		}
	})
}
