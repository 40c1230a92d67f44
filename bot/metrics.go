package bot

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the Prometheus series served on /metrics. They live in their
// own registry, not the global one, so tests and several bots in one
// process do not collide.
type Metrics struct {
	Registry     *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	rejects      *prometheus.CounterVec
}

// NewMetrics registers the interaction counters, the latency histogram and
// an index-documents gauge read from eng on every scrape.
func NewMetrics(eng Engine) *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "licensebot_interactions_total",
			Help: "Interactions handled, by command and outcome.",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "licensebot_interaction_duration_seconds",
			Help:    "Time from receiving an interaction to having its response built.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"command"}),
	}
	m.rejects = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "licensebot_http_rejected_total",
		Help: "Requests to /interactions refused before dispatch, by HTTP status.",
	}, []string{"code"})
	m.Registry.MustRegister(m.interactions, m.latency, m.rejects)
	if eng != nil {
		m.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "licensebot_index_documents",
			Help: "Documents in the serving index.",
		}, func() float64 { return float64(eng.Stats().Documents) }))
		m.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "licensebot_index_clauses",
			Help: "Clauses in the serving index.",
		}, func() float64 { return float64(eng.Stats().Clauses) }))
	}
	return m
}

func (m *Metrics) observe(command, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(d.Seconds())
}

func (m *Metrics) rejected(code int) {
	if m == nil {
		return
	}
	m.rejects.WithLabelValues(strconv.Itoa(code)).Inc()
}

// Gauge adds a gauge read from f at every scrape: the binary adds its own
// (the index's health), the ops server the pins store's. A second gauge of
// the same name (a second ops server in one process) is left out.
func (m *Metrics) Gauge(name, help string, f func() float64) {
	if m == nil {
		return
	}
	_ = m.Registry.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, f))
}
