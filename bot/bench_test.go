package bot

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/licensebot/licensebot/index/indextest"
)

// BenchmarkEd25519Verify is the floor of every interaction: one signature
// check over timestamp+body of a typical /license request.
func BenchmarkEd25519Verify(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	msg := append([]byte("1764176400"), licenseBody(b)...)
	sig := ed25519.Sign(priv, msg)
	b.ReportAllocs()
	for b.Loop() {
		if !ed25519.Verify(pub, msg, sig) {
			b.Fatal("verify failed")
		}
	}
}

// discardWriter is the cheapest http.ResponseWriter, so the benchmark
// measures the bot, not a recorder.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

// benchSignedLicense measures one signed /license interaction end to end in
// process: verify, decode, dispatch, answer, encode.
func benchSignedLicense(b *testing.B, eng Engine) {
	b.ReportAllocs()
	benchSigned(b, eng, licenseBody(b), func(code int) bool { return code == 0 || code == http.StatusOK })
}

// benchSigned serves body, signed with a fresh key, to an HTTP server over
// eng in a loop, failing when ok refuses a response's status (0: none
// written, which net/http sends as 200).
func benchSigned(b *testing.B, eng Engine, body []byte, ok func(code int) bool) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	d, _ := newTestDeps(eng)
	d.Log = discardLogger()
	h, err := NewHTTPServer(NewDispatcher(d), hex.EncodeToString(pub), nil)
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, "/interactions", nil)
	now := time.Now()
	Sign(req.Header, priv, now, body)
	h.Now = func() time.Time { return now }
	rd := bytes.NewReader(body)
	w := &discardWriter{h: http.Header{}}
	for b.Loop() {
		rd.Reset(body)
		req.Body = io.NopCloser(rd)
		req.ContentLength = int64(len(body))
		w.code = 0
		h.ServeHTTP(w, req)
		if !ok(w.code) {
			b.Fatalf("status %d", w.code)
		}
	}
}

func BenchmarkSignedLicenseFakeEngine(b *testing.B) { benchSignedLicense(b, sampleEngine()) }

func BenchmarkSignedLicenseRealEngine(b *testing.B) { benchSignedLicense(b, indextest.Engine(b)) }

func BenchmarkRenderAnswer(b *testing.B) {
	a := sampleAnswer()
	b.ReportAllocs()
	for b.Loop() {
		r := RenderAnswer(a, nil)
		if _, err := EncodeResponse(r); err != nil {
			b.Fatal(err)
		}
	}
}
