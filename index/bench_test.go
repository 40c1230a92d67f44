package index_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
	"github.com/licensebot/licensebot/internal/gctune"
)

// benchQuestions mixes topics, aliases, instances and free text, and
// sentences as people ask them (from the training questions), which read
// through the question model and search more than once.
var benchQuestions = [][2]string{
	{"llama4", "attribution"}, {"llama4", "commercial use"}, {"llama4", "distillation"},
	{"llama4", "weapons"}, {"llama4", "disclose dangers to users"}, {"gemma", "remote restriction"},
	{"apache-2.0", "patents"}, {"llama3.1", "monthly active users"}, {"qwen2.5", "governing law"},
	{"mpl-2.0", "source code"},
	{"llama2", "can llava based on llama 2 llm be used for commercial purposes?"},
	{"agpl-3.0", "can i use the ultralytics package in a closed-source codebase without open-sourcing the derivative work"},
	{"llama4", "can i sell a nuclear plant controller built on llama"},
	{"gemma", "is it ok to release a quantized gemma-2-2b-it model under apache-2.0"},
	{"cc-by-nc-4.0", "our government-funded public translation service is free and generates no revenue, does it fall under non-commercial?"},
	{"llama3.1", "what should i call my finetuned model"},
	{"mit", "does MIT cover the pretrained weights as well as the code, including modification and redistribution?"},
	{"creativeml-openrail-m", "can i sell stable diffusion art prints on etsy commercially?"},
	{"llama3.2", "can people in germany use it"},
	{"deepseek", "hello there"},
}

// reportLatency records p50 and p99 of the per-call latencies.
func reportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	b.ReportMetric(float64(median(lat).Microseconds()), "p50-µs") // sorts lat
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkAsk is the in-process answer: a repeated (license, topic), as
// in a busy channel, comes from the answer cache.
func BenchmarkAsk(b *testing.B) { benchAsk(b, indextest.Engine(b), benchQuestions) }

// BenchmarkAskUncached answers the same questions with the answer cache
// off, so each call resolves, searches and marks matches.
func BenchmarkAskUncached(b *testing.B) { benchAsk(b, uncached(b), benchQuestions) }

// BenchmarkAskUncachedServed is BenchmarkAskUncached with the garbage
// collector set as `serve` sets it (gctune.ForServer): the in-process ask
// as the bot answers it.
func BenchmarkAskUncachedServed(b *testing.B) {
	asServed(b)
	benchAsk(b, uncached(b), benchQuestions)
}

// asServed sets the collector as `serve` does, unless GOGC or GOMEMLIMIT
// are set, until b ends.
func asServed(b *testing.B) {
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)
	b.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	b.Log("collector as served: " + gctune.ForServer())
}

// uncached opens the test index with the answer cache off.
func uncached(b *testing.B) *index.Engine {
	e, err := index.OpenWith(indextest.DataDir(b), index.Options{AnswerCache: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	return e
}

// benchAsk asks e the questions in turn, reporting latency percentiles.
func benchAsk(b *testing.B, e *index.Engine, questions [][2]string) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := questions[i%len(questions)]
		t0 := time.Now()
		if _, err := e.Ask(ctx, q[0], q[1]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	reportLatency(b, lat)
}

func BenchmarkSearch(b *testing.B) {
	e := indextest.Engine(b)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := e.Search(ctx, "source code must be the preferred form for modification", "", 10); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a full index build of the whole corpus: load, verify,
// segment, validate, index, swap.
func BenchmarkBuild(b *testing.B) {
	p := indextest.Paths(b)
	data := b.TempDir()
	for i := 0; i < b.N; i++ {
		if _, err := index.Build(context.Background(), p, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAskProcess runs `licensebot ask` as a whole process (open the
// index, answer, exit): a topic (`llama4 attribution`, p50-µs and p99-µs)
// and a sentence, which reads through the question model and the memory
// (sentence-p50-µs). Beside them, in turn within each iteration so that
// the machine's drift hits all alike, runs testdata/plainbleve: a process
// that opens the same bleve index and runs one query — what any
// bleve-backed tool pays per run (plain-p50-µs). x-plain is the sentence's
// p50 over plain bleve's. ns/op is the three runs together. Peak RSS,
// the larger of the two licensebot runs', comes from GNU time when
// installed: a child's rusage from os/exec is useless here, since Linux
// charges the parent's high-water mark to a vfork'd child at exec.
func BenchmarkAskProcess(b *testing.B) {
	data := indextest.DataDir(b)
	dir := b.TempDir()
	bin, plain := filepath.Join(dir, "licensebot"), filepath.Join(dir, "plainbleve")
	for out, pkg := range map[string]string{bin: "../cmd/licensebot", plain: "./testdata/plainbleve"} {
		if msg, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
		}
	}
	sentence := "can i put the weights on hugging face"
	runs := [][]string{
		{bin, "ask", "--data", data, "llama4", "attribution"},
		append([]string{bin, "ask", "--data", data, "llama4"}, strings.Fields(sentence)...),
		append([]string{plain, filepath.Join(data, "index", "current", "bleve")}, strings.Fields(sentence)...),
	}
	timeBin, _ := exec.LookPath("/usr/bin/time")
	if timeBin == "" {
		b.Log("no /usr/bin/time (Debian package time): peak RSS not measured")
	}
	var maxRSS int64
	lat := make([][]time.Duration, len(runs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range runs {
			k := (i + j) % len(runs) // each goes first in turn
			d, rss := runTimed(b, timeBin, runs[k])
			lat[k] = append(lat[k], d)
			if k < 2 {
				maxRSS = max(maxRSS, rss)
			}
		}
	}
	b.StopTimer()
	reportLatency(b, lat[0])
	sent, pl := median(lat[1]), median(lat[2])
	b.ReportMetric(float64(sent.Microseconds()), "sentence-p50-µs")
	b.ReportMetric(float64(pl.Microseconds()), "plain-p50-µs")
	b.ReportMetric(float64(sent)/float64(pl), "x-plain")
	if maxRSS > 0 {
		b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MiB")
	}
}

// runTimed runs args and returns how long it took and, when timeBin (GNU
// time) is given, the peak RSS in KiB.
func runTimed(b *testing.B, timeBin string, args []string) (time.Duration, int64) {
	b.Helper()
	if timeBin != "" {
		args = append([]string{timeBin, "-f", "%M"}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	d := time.Since(t0)
	if timeBin == "" {
		return d, 0
	}
	lines := strings.Fields(stderr.String())
	kib, _ := strconv.ParseInt(lines[len(lines)-1], 10, 64)
	return d, kib
}

// median sorts lat and returns its middle.
func median(lat []time.Duration) time.Duration {
	slices.Sort(lat)
	return lat[len(lat)/2]
}

// BenchmarkAskSentences answers, uncached, the questions real people asked
// (corpus/questions/train*.yaml, the real-thread questions), each in its
// own words: the whole mix the bot sees when nobody types a topic's name.
func BenchmarkAskSentences(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "corpus", "questions", "train*.yaml"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no real questions (train*.yaml): %v", err)
	}
	var qs [][2]string
	for _, f := range files {
		read, err := corpus.ReadAsked(f)
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, read...)
	}
	benchAsk(b, uncached(b), qs)
}
