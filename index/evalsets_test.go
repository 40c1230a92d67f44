package index_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// sharedThreads are the evaluation sets allowed to hold questions from the
// threads of training questions: real-test.yaml was split from one
// collection question by question, not thread by thread (README).
var sharedThreads = map[string]bool{"real-test": true}

// TestEvalSetsApartFromTraining holds the evaluation sets apart from what
// the engine is fitted to: no test set asks a training question word for
// word, and no dev or test set of real people's questions takes one from a
// thread a training question came from, however its address is written
// (a Stack Exchange short link, a reddit mirror).
func TestEvalSetsApartFromTraining(t *testing.T) {
	asked, threads := map[string]string{}, map[string]string{}
	var evals []evalSet
	for _, set := range evalSets(t) {
		if set.kind != "train" {
			evals = append(evals, set)
			continue
		}
		for _, c := range loadCases(t, set.path) {
			if q := norm(c.question()); q != "" {
				asked[q] = c.ID
			}
			if th := threadOf(c.Source); th != "" {
				threads[th] = c.ID
			}
		}
	}
	for _, set := range evals {
		for _, c := range loadCases(t, set.path) {
			if id, ok := asked[norm(c.question())]; ok && set.kind == "test" && c.question() != "" {
				t.Errorf("%s %s asks training question %s word for word", set.name, c.ID, id)
			}
			if id, ok := threads[threadOf(c.Source)]; ok && !sharedThreads[set.name] {
				t.Errorf("%s %s comes from the thread of training question %s (%s)", set.name, c.ID, id, c.Source)
			}
		}
	}
}

func TestThreadOf(t *testing.T) {
	same := [][2]string{
		{"https://opensource.stackexchange.com/q/8201", "https://opensource.stackexchange.com/questions/8201/can-i"},
		{"https://github.com/Ultralytics/YOLOv5/issues/12#issuecomment-1", "https://github.com/ultralytics/yolov5/issues/12"},
		{"https://libreddit.example/r/LocalLLaMA/comments/1fqhjs9/x/lp5uido", "https://www.reddit.com/r/LocalLLaMA/comments/1fqhjs9/is_it/"},
		{"https://news.ycombinator.com/item?id=42", "https://news.ycombinator.com/item?id=42#43"},
		{"https://hn.mirror.example/item?id=42", "https://news.ycombinator.com/item?id=42"},
		{"https://huggingface.mirror.example/Org/Model/discussions/2", "https://huggingface.co/org/model/discussions/2"},
		{"https://programmers.stackexchange.com/questions/214438/x", "https://softwareengineering.stackexchange.com/q/214438"},
		{"https://mirror.example/https_opensource_stackexchange_com/questions/8201/x", "https://opensource.stackexchange.com/q/8201"},
	}
	for _, p := range same {
		if a, b := threadOf(p[0]), threadOf(p[1]); a != b || a == "" {
			t.Errorf("threadOf(%q) = %q, threadOf(%q) = %q: want one thread", p[0], a, p[1], b)
		}
	}
	apart := [][2]string{
		{"https://news.ycombinator.com/item?id=42", "https://news.ycombinator.com/item?id=43"},
		{"https://opensource.stackexchange.com/q/8201", "https://law.stackexchange.com/q/8201"},
		{"https://github.com/a/b/issues/1", "https://github.com/a/b/issues/2"},
		{"https://hn.mirror.example/item?id=42", "https://hn.mirror.example/item?id=43"},
		{"https://meta.opensource.stackexchange.com/q/8201", "https://opensource.stackexchange.com/q/8201"},
		{"https://ru.stackoverflow.com/q/8201", "https://stackoverflow.com/q/8201"},
	}
	for _, p := range apart {
		if threadOf(p[0]) == threadOf(p[1]) {
			t.Errorf("threadOf(%q) = threadOf(%q): want two threads", p[0], p[1])
		}
	}
	for _, u := range []string{"", "https://licensebot.invalid/written", "https://licensebot.local/paraphrase"} {
		if th := threadOf(u); th != "" {
			t.Errorf("threadOf(%q) = %q, want none: no thread", u, th)
		}
	}
}

var (
	redditThread = regexp.MustCompile(`/comments/([a-z0-9]+)`)
	// A Stack Exchange site with its meta or language prefix, which number
	// their questions apart.
	seThread    = regexp.MustCompile(`((?:meta\.)?[a-z]+\.stackexchange\.com|(?:meta\.|[a-z]{2}\.)?stackoverflow\.com|superuser\.com|serverfault\.com|askubuntu\.com).*?/(?:q|questions)/(\d+)`)
	forgeThread = regexp.MustCompile(`^/([^/]+/[^/]+)/(?:issues|pull|discussions)/(\d+)`)
)

// threadOf names the thread a question's source address points into, the
// same for every way of writing it; "" for a written question's
// placeholder address.
func threadOf(source string) string {
	u, err := url.Parse(strings.ToLower(strings.TrimSpace(source)))
	if err != nil || u.Host == "" || strings.HasSuffix(u.Host, ".invalid") || strings.HasSuffix(u.Host, ".local") {
		return ""
	}
	path := strings.TrimSuffix(u.Path, "/")
	if m := redditThread.FindStringSubmatch(path); m != nil {
		return "reddit " + m[1]
	}
	if id := u.Query().Get("id"); id != "" && (strings.HasSuffix(u.Host, "ycombinator.com") || path == "/item") {
		return "hn " + id // Hacker News or a mirror of it
	}
	// Mirrors write the site into the path, some with "_" for ".";
	// programmers.stackexchange.com is softwareengineering's old name.
	site := strings.ReplaceAll(strings.ReplaceAll(u.Host+path, "_", "."), "programmers.stackexchange", "softwareengineering.stackexchange")
	if m := seThread.FindStringSubmatch(site); m != nil {
		return m[1] + " " + m[2]
	}
	if m := forgeThread.FindStringSubmatch(path); m != nil {
		host := u.Host
		if strings.Contains(host, "huggingface") {
			host = "huggingface" // huggingface.co or a mirror of it
		}
		return host + " " + m[1] + " " + m[2]
	}
	return u.Host + path
}
