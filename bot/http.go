package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	// MaxJSONDepth bounds how deeply a body may nest arrays and objects.
	// Discord's deepest payloads (a resolved message with nested
	// components) stay well under 20; discordgo decodes nested components
	// in time quadratic in their depth, so depth is checked before any
	// decoding.
	MaxJSONDepth = 32
)

// HTTPServer is the interactions endpoint (`licensebot serve --http`):
// POST /interactions and GET /healthz, nothing else, since the port faces
// the internet. /readyz and /metrics are the OpsServer's, on the
// operator's own address. It holds no state between requests, so
// replicas can share a load balancer.
type HTTPServer struct {
	disp *Dispatcher
	key  ed25519.PublicKey
	rest *restResponder
	// Now is the clock for timestamp checks; nil means time.Now.
	Now func() time.Time
	mux *http.ServeMux
	// rejectLog bounds the log lines refused requests cost: anyone can
	// send them.
	rejectLog *logLimiter
}

// NewHTTPServer verifies requests with publicKeyHex (the application's
// public key, DISCORD_PUBLIC_KEY). s is used only to edit deferred answers
// in and may be nil when nothing defers.
func NewHTTPServer(disp *Dispatcher, publicKeyHex string, s *discordgo.Session) (*HTTPServer, error) {
	key, err := hex.DecodeString(publicKeyHex)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord public key: want %d bytes of hex, got %q", ed25519.PublicKeySize, publicKeyHex)
	}
	h := &HTTPServer{disp: disp, key: key, mux: http.NewServeMux(), rejectLog: newLogLimiter(10, time.Second)}
	if s != nil {
		h.rest = &restResponder{s: s}
	}
	h.mux.HandleFunc("GET /healthz", healthz)
	h.mux.HandleFunc("POST /interactions", h.interactions)
	return h, nil
}

// ServeHTTP routes to the endpoints.
func (h *HTTPServer) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// OpsServer is what operators and their load balancers read: /healthz,
// /readyz and /metrics, served on an address of their choosing
// (LICENSEBOT_METRICS_ADDR), in both run modes.
type OpsServer struct {
	disp *Dispatcher
	// Ready reports whether the bot can answer; an error makes /readyz
	// answer 503 with it. nil means the index has documents.
	Ready func() error
	// Degraded lists what is wrong without stopping answers (an index
	// serving from its previous good build): /readyz stays 200 and says so.
	// A pins store that fails its check is added to it.
	Degraded func() []string
	// Generation, if set, is the latest replicas' reindex request this
	// replica has built; /readyz reports it beside the corpus version.
	Generation func() int64
	mux        *http.ServeMux
	pins       *storeHealth
}

// NewOpsServer serves /healthz, /readyz and /metrics. With a pins store,
// /readyz reports the store's check too: pins cannot be recorded while it
// fails, but answers go on, so it degrades rather than stops readiness.
func NewOpsServer(disp *Dispatcher) *OpsServer {
	o := &OpsServer{disp: disp, mux: http.NewServeMux()}
	if disp.pins != nil {
		o.pins = disp.pins
		disp.deps.Metrics.Gauge("licensebot_pins_store_ok", "1 when the pins store passes its check (sound and writable), 0 when pinning is refused.",
			func() float64 {
				if o.pins.check(context.Background()) != nil {
					return 0
				}
				return 1
			})
	}
	o.mux.HandleFunc("GET /healthz", healthz)
	o.mux.HandleFunc("GET /readyz", o.readyz)
	if m := disp.deps.Metrics; m != nil {
		o.mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
	}
	return o
}

// ServeHTTP routes to the endpoints.
func (o *OpsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) { o.mux.ServeHTTP(w, r) }

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ok\n")
}

func (o *OpsServer) readyz(w http.ResponseWriter, r *http.Request) {
	ready := o.Ready
	if ready == nil {
		ready = func() error {
			if st := o.disp.deps.Engine.Stats(); st.Documents == 0 && st.Clauses == 0 {
				return errors.New("no index open")
			}
			return nil
		}
	}
	var degraded []string
	if o.Degraded != nil {
		degraded = o.Degraded()
	}
	if o.pins != nil {
		if err := o.pins.check(r.Context()); err != nil {
			degraded = append(degraded, "pins store: "+err.Error()+" (pinning is refused until it is fixed)")
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := ready(); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "not ready: %v\n", err)
	} else {
		io.WriteString(w, "ready\n")
	}
	for _, d := range degraded {
		fmt.Fprintf(w, "degraded: %s\n", d)
	}
	// What this replica serves, so an operator can see replicas in step.
	st := o.disp.deps.Engine.Stats()
	fmt.Fprintf(w, "corpus %s\nindex %s\n", st.CorpusVersion, filepath.Base(st.Dir))
	if o.Generation != nil {
		fmt.Fprintf(w, "reindex generation %d\n", o.Generation())
	}
}

var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// Why a request to /interactions was refused: the reason logged and the
// label counted.
const (
	rejectNoSignature  = "missing or malformed signature headers"
	rejectBadSignature = "bad signature"
	rejectStale        = "stale timestamp"
	rejectTooLarge     = "body too large"
	rejectUnreadable   = "unreadable body"
	rejectTooDeep      = "JSON nested too deeply"
	rejectMalformed    = "malformed interaction"
)

// interactions verifies, decodes, dispatches and answers inline.
func (h *HTTPServer) interactions(w http.ResponseWriter, r *http.Request) {
	sig, ts, ok := signatureHeaders(r)
	if !ok {
		h.reject(w, r, http.StatusUnauthorized, rejectNoSignature, "")
		return
	}
	if r.ContentLength > MaxInteractionBody {
		h.reject(w, r, http.StatusRequestEntityTooLarge, rejectTooLarge, "")
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
			h.reject(w, r, http.StatusRequestEntityTooLarge, rejectTooLarge, "")
		} else {
			h.reject(w, r, http.StatusBadRequest, rejectUnreadable, err.Error())
		}
		return
	}
	in, code, reason, detail := h.decode(msg, ts, sig)
	if in == nil {
		h.reject(w, r, code, reason, detail)
		return
	}
	verifiedConn(r.Context())
	h.answer(w, r, in)
}

// decode checks the signature, the timestamp's age and the body's shape,
// then decodes it. On refusal it returns nil and the status and reason.
func (h *HTTPServer) decode(msg []byte, ts string, sig []byte) (_ *discordgo.Interaction, code int, reason, detail string) {
	if !ed25519.Verify(h.key, msg, sig) {
		return nil, http.StatusUnauthorized, rejectBadSignature, ""
	}
	// Checked after the signature, so the log tells a wrong public key
	// (bad signature) from a clock out of step or a replay (stale).
	if age := h.age(ts); age > MaxSignatureAge || age < -MaxSignatureAge {
		return nil, http.StatusUnauthorized, rejectStale, fmt.Sprintf("signed %v ago; allowed ±%v (is this host's clock right?)", age.Round(time.Second), MaxSignatureAge)
	}
	in, reason, detail := parseInteraction(msg[len(ts):])
	if in == nil {
		return nil, http.StatusBadRequest, reason, detail
	}
	return in, 0, "", ""
}

// parseInteraction decodes a verified body: its depth checked before
// decoding, the interaction checked after. On refusal it returns nil, the
// reason and the detail.
func parseInteraction(body []byte) (_ *discordgo.Interaction, reason, detail string) {
	if tooDeep(body, MaxJSONDepth) {
		return nil, rejectTooDeep, fmt.Sprintf("deeper than %d levels", MaxJSONDepth)
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, rejectMalformed, err.Error()
	}
	if err := checkInteraction(&in); err != nil {
		return nil, rejectMalformed, err.Error()
	}
	return &in, "", ""
}

// answer dispatches in and writes the initial response.
func (h *HTTPServer) answer(w http.ResponseWriter, r *http.Request, in *discordgo.Interaction) {
	ir := &inlineResponder{rest: h.rest, deps: h.disp.deps, sent: make(chan struct{})}
	// A deferred answer's edit waits for this: the edit must not reach
	// Discord before the deferral it edits.
	defer close(ir.sent)
	h.disp.Dispatch(r.Context(), in, ir)
	if ir.err != nil || ir.body == nil {
		h.reject(w, r, http.StatusInternalServerError, "no response", fmt.Sprint(ir.err))
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
// body is read: a 64-byte hex signature and a Unix timestamp.
func signatureHeaders(r *http.Request) (sig []byte, ts string, ok bool) {
	sigHex := r.Header.Get(HeaderSignature)
	ts = r.Header.Get(HeaderTimestamp)
	if len(sigHex) != 2*ed25519.SignatureSize || ts == "" || len(ts) > 20 {
		return nil, "", false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return nil, "", false
	}
	if _, err := strconv.ParseInt(ts, 10, 64); err != nil {
		return nil, "", false
	}
	return sig, ts, true
}

// age is how long ago ts (checked by signatureHeaders) was signed.
func (h *HTTPServer) age(ts string) time.Duration {
	secs, _ := strconv.ParseInt(ts, 10, 64)
	now := time.Now
	if h.Now != nil {
		now = h.Now
	}
	return now().Sub(time.Unix(secs, 0))
}

// reject refuses a request and logs why at info, so an operator setting up
// the Developer Portal sees a wrong DISCORD_PUBLIC_KEY (bad signature) or
// a skewed clock (stale timestamp). Anyone can send junk, so the lines are
// rate-limited; the metric counts every one.
func (h *HTTPServer) reject(w http.ResponseWriter, r *http.Request, code int, reason, detail string) {
	h.disp.deps.Metrics.rejected(code)
	if ok, suppressed := h.rejectLog.allow(); ok {
		attrs := []any{"status", code, "reason", reason, "remote", r.RemoteAddr}
		if detail != "" {
			attrs = append(attrs, "detail", detail)
		}
		if suppressed > 0 {
			attrs = append(attrs, "suppressed", suppressed)
		}
		h.disp.deps.logger().Info("interaction request refused", attrs...)
	}
	http.Error(w, reason, code)
}

// tooDeep reports whether b nests arrays and objects deeper than max. It
// reads bytes only (strings skipped, escapes honoured), so it costs
// microseconds where decoding a deep payload costs seconds.
func tooDeep(b []byte, max int) bool {
	depth := 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if depth++; depth > max {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
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
	deps *Deps
	rest *restResponder
	sent chan struct{} // closed once the inline response is written
}

func (r *inlineResponder) Respond(_ context.Context, _ *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.body, r.err = r.deps.encodedResponse(resp)
	return r.err
}

func (r *inlineResponder) Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, how Delivery) error {
	if r.rest == nil {
		return errors.New("edit deferred response: no Discord session configured")
	}
	select {
	case <-r.sent:
	case <-ctx.Done():
		return ctx.Err()
	}
	return r.rest.Edit(ctx, i, data, how)
}

// Limits of every HTTP server the bot runs: the interactions port faces
// the internet, where one client may open thousands of connections and
// hold each as long as the server lets it.
const (
	// MaxConns caps open connections. At the cap a new connection evicts
	// the longest-idle one (a keep-alive or one that has sent nothing
	// yet), else the one whose request has gone longest unverified (a
	// body trickled in under made-up signature headers), so neither can
	// lock Discord out; with every connection serving a verified request,
	// the new one is closed.
	MaxConns = 512
	// readHeaderTimeout bounds the time to send a request's headers;
	// readTimeout the whole request (Discord's are a few KiB, sent at
	// once); idleTimeout a keep-alive between requests.
	readHeaderTimeout = 3 * time.Second
	readTimeout       = 5 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 30 * time.Second
)

// Serve serves h on ln until ctx is cancelled, then stops taking requests,
// lets those in flight and any deferred answers of disp finish (up to
// grace) and returns. The caller listens first, so that an address in use
// fails before anything claims to serve.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, disp *Dispatcher, grace time.Duration) error {
	return serve(ctx, ln, h, disp, grace, newConnCap(MaxConns))
}

// serve is Serve with the connection cap given, for tests to watch.
func serve(ctx context.Context, ln net.Listener, h http.Handler, disp *Dispatcher, grace time.Duration, limit *connCap) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    16 << 10,
		ConnState:         limit.track,
		ConnContext:       limit.withConn,
		ErrorLog:          slog.NewLogLogger(disp.deps.logger().Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	disp.Wait(grace)
	if err != nil {
		return fmt.Errorf("http: shutdown: %w", err)
	}
	return nil
}
