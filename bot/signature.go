package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"
)

// The headers Discord signs an interaction request with: an Ed25519
// signature of timestamp+body, and the Unix timestamp it signed.
const (
	HeaderSignature = "X-Signature-Ed25519"
	HeaderTimestamp = "X-Signature-Timestamp"
)

// Sign sets the signature headers on a request the way Discord does, so
// the HTTP endpoint accepts it when key matches its public key. Tests and
// cmd/loadgen sign with it; it lives here, beside the verification, rather
// than in a test package, so the load generator ships no test doubles.
func Sign(h http.Header, key ed25519.PrivateKey, ts time.Time, body []byte) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	msg := make([]byte, 0, len(stamp)+len(body))
	msg = append(append(msg, stamp...), body...)
	h.Set(HeaderSignature, hex.EncodeToString(ed25519.Sign(key, msg)))
	h.Set(HeaderTimestamp, stamp)
}
