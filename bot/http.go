package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Limits of the interactions endpoint.
const (
	// MaxInteractionBody caps a request body; Discord's are a few KiB.
	MaxInteractionBody = 64 << 10
	// MaxSignatureAge is how old (or how far in the future) a signed
	// timestamp may be, so a captured request cannot be replayed later.
	MaxSignatureAge = 5 * time.Minute
)

// HTTPServer is the interactions endpoint (`licensebot serve --http`):
// POST /interactions, GET /healthz, /readyz and /metrics. It holds no
// state between requests, so replicas can share a load balancer.
type HTTPServer struct {
	disp *Dispatcher
	key  ed25519.PublicKey
	rest *restResponder
	// Ready reports whether the engine can answer; nil means the index
	// has documents.
	Ready func() error
	// Generation, if set, is the latest replicas' reindex request this
	// replica has built; /readyz reports it beside the corpus version.
	Generation func() int64
	// Now is the clock for timestamp checks; nil means time.Now.
	Now func() time.Time
	mux *http.ServeMux
}

// NewHTTPServer verifies requests with publicKeyHex (the application's
// public key, DISCORD_PUBLIC_KEY). s is used only to edit deferred answers
// in and may be nil when nothing defers.
func NewHTTPServer(disp *Dispatcher, publicKeyHex string, s *discordgo.Session) (*HTTPServer, error) {
	key, err := hex.DecodeString(publicKeyHex)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord public key: want %d bytes of hex, got %q", ed25519.PublicKeySize, publicKeyHex)
	}
	h := NewOpsServer(disp)
	h.key = key
	if s != nil {
		h.rest = &restResponder{s: s}
	}
	h.mux.HandleFunc("POST /interactions", h.interactions)
	return h, nil
}

// NewOpsServer serves only /healthz, /readyz and /metrics: what the
// gateway mode exposes to its operators, on an address of their choosing.
func NewOpsServer(disp *Dispatcher) *HTTPServer {
	h := &HTTPServer{disp: disp, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	h.mux.HandleFunc("GET /readyz", h.readyz)
	if m := disp.deps.Metrics; m != nil {
		h.mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
	}
	return h
}

// ServeHTTP routes to the endpoints.
func (h *HTTPServer) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

func (h *HTTPServer) readyz(w http.ResponseWriter, r *http.Request) {
	ready := h.Ready
	if ready == nil {
		ready = func() error {
			if st := h.disp.deps.Engine.Stats(); st.Documents == 0 && st.Clauses == 0 {
				return errors.New("no index open")
			}
			return nil
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := ready(); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "not ready: %v\n", err)
		return
	}
	// What this replica serves, so an operator can see replicas in step.
	st := h.disp.deps.Engine.Stats()
	fmt.Fprintf(w, "ready\ncorpus %s\nindex %s\n", st.CorpusVersion, filepath.Base(st.Dir))
	if h.Generation != nil {
		fmt.Fprintf(w, "reindex generation %d\n", h.Generation())
	}
}

var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// interactions verifies, decodes, dispatches and answers inline.
func (h *HTTPServer) interactions(w http.ResponseWriter, r *http.Request) {
	sig, ts, ok := h.signatureHeaders(r)
	if !ok {
		h.reject(w, r, http.StatusUnauthorized, "bad signature")
		return
	}
	if r.ContentLength > MaxInteractionBody {
		h.reject(w, r, http.StatusRequestEntityTooLarge, "body too large")
		return
	}
	bp := bodyPool.Get().(*[]byte)
	defer bodyPool.Put(bp)
	// The signed message is timestamp+body; read the body in after it.
	msg := append((*bp)[:0], ts...)
	msg, err := readAllCapped(msg, r.Body, MaxInteractionBody)
	*bp = msg
	if err != nil {
		if errors.Is(err, errTooLarge) {
			h.reject(w, r, http.StatusRequestEntityTooLarge, "body too large")
		} else {
			h.reject(w, r, http.StatusBadRequest, "unreadable body")
		}
		return
	}
	if !ed25519.Verify(h.key, msg, sig) {
		h.reject(w, r, http.StatusUnauthorized, "bad signature")
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(msg[len(ts):], &in); err != nil {
		h.reject(w, r, http.StatusBadRequest, "malformed interaction")
		return
	}
	ir := &inlineResponder{rest: h.rest, sent: make(chan struct{})}
	// A deferred answer's edit waits for this: the edit must not reach
	// Discord before the deferral it edits.
	defer close(ir.sent)
	h.disp.Dispatch(r.Context(), &in, ir)
	if ir.err != nil || ir.body == nil {
		h.reject(w, r, http.StatusInternalServerError, "no response")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(ir.body)))
	w.Write(ir.body)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// signatureHeaders checks the headers Discord signs with before any of the
// body is read: a 64-byte hex signature and a fresh Unix timestamp.
func (h *HTTPServer) signatureHeaders(r *http.Request) (sig []byte, ts string, ok bool) {
	sigHex := r.Header.Get(HeaderSignature)
	ts = r.Header.Get(HeaderTimestamp)
	if len(sigHex) != 2*ed25519.SignatureSize || ts == "" || len(ts) > 20 {
		return nil, "", false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return nil, "", false
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return nil, "", false
	}
	now := time.Now
	if h.Now != nil {
		now = h.Now
	}
	if age := now().Sub(time.Unix(secs, 0)); age > MaxSignatureAge || age < -MaxSignatureAge {
		return nil, "", false
	}
	return sig, ts, true
}

// reject refuses a request. The log line is at debug level: anyone can
// send junk, but an operator whose Discord portal refuses the endpoint URL
// (a wrong DISCORD_PUBLIC_KEY) can turn it on and see why.
func (h *HTTPServer) reject(w http.ResponseWriter, r *http.Request, code int, msg string) {
	h.disp.deps.Metrics.rejected(code)
	h.disp.deps.logger().Debug("interaction request refused", "status", code, "reason", msg, "remote", r.RemoteAddr)
	http.Error(w, msg, code)
}

var errTooLarge = errors.New("body too large")

// readAllCapped appends r to buf, failing once more than max bytes came.
func readAllCapped(buf []byte, r io.Reader, max int) ([]byte, error) {
	start := len(buf)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf)-start > max {
			return buf, errTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// inlineResponder writes the initial response into the HTTP reply and
// sends later edits through the REST API.
type inlineResponder struct {
	body []byte
	err  error
	rest *restResponder
	sent chan struct{} // closed once the inline response is written
}

func (r *inlineResponder) Respond(_ context.Context, _ *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.body, r.err = EncodeResponse(resp)
	return r.err
}

func (r *inlineResponder) Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, publicDefer bool) error {
	if r.rest == nil {
		return errors.New("edit deferred response: no Discord session configured")
	}
	select {
	case <-r.sent:
	case <-ctx.Done():
		return ctx.Err()
	}
	return r.rest.Edit(ctx, i, data, publicDefer)
}

// ListenAndServe serves h on addr until ctx is cancelled, then stops taking
// requests, lets those in flight and any deferred answers finish (up to
// grace) and returns. The timeouts keep slow or idle clients from holding
// connections.
func ListenAndServe(ctx context.Context, addr string, h *HTTPServer, grace time.Duration) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	h.disp.deps.logger().Info("serving interactions", "addr", addr)
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	h.disp.Wait(grace)
	if err != nil {
		return fmt.Errorf("http: shutdown: %w", err)
	}
	return nil
}
