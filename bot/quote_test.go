package bot

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// quotedLines are the lines of a field's quote block as a reader sees
// them, each without "> " and an item's `label`, unescaped; note is the
// text after the block (left-out items, the link).
func quotedLines(value string) (lines []string, note string) {
	label := regexp.MustCompile("^`[^`]*` ")
	// An item's list lead-in, in italics above its quote, is context.
	if lead, rest, ok := strings.Cut(value, "\n"); ok && strings.HasPrefix(lead, "*") && strings.HasSuffix(lead, "*") {
		value = rest
	}
	for n, l := range strings.Split(value, "\n") {
		q, ok := strings.CutPrefix(l, "> ")
		if !ok {
			return lines, strings.Join(strings.Split(value, "\n")[n:], "\n")
		}
		lines = append(lines, unescape(label.ReplaceAllString(q, "")))
	}
	return lines, ""
}

// The longest lists in the corpus — Llama 4's Acceptable Use Policy ¶2 (16
// items) and CC BY's attribution duty 3.a.1 — are quoted with their items
// inside the clause's quote block, every line verbatim, within Discord's
// limits, cut at a sentence or counted as left out, never ending on the
// colon that introduces them.
func TestLongestListsQuotedWithTheirItems(t *testing.T) {
	eng := indextest.Engine(t)
	for _, c := range []struct{ license, topic, doc, section string }{
		{"llama4", "acceptable-use", "llama4-aup", "p2"},
		{"cc-by-4.0", "attribution", "cc-by-4.0", "3.a.1"},
	} {
		t.Run(c.doc+"#"+c.section, func(t *testing.T) {
			a, err := eng.Ask(context.Background(), c.license, c.topic)
			if err != nil {
				t.Fatal(err)
			}
			h := findHit(t, a.Clauses, c.doc, c.section)
			if len(h.Items) < 5 {
				t.Fatalf("%s#%s carries %d items", c.doc, c.section, len(h.Items))
			}
			a.Clauses = []index.Hit{h}
			r := validateResponseOf(t, RenderAnswer(a, nil))
			f := r.Data.Embeds[0].Fields[0]
			lines, note := quotedLines(f.Value)
			checkListQuote(t, c.doc, h, lines, note)

			// The whole clause, as the Full clause button shows it: the
			// description, and the fields it carries on in.
			e := validateResponseOf(t, RenderClause(&h, sampleStats, true)).Data.Embeds[0]
			full := e.Description
			for _, f := range e.Fields {
				full += "\n" + strings.SplitN(f.Value, "\n\n[Official text]", 2)[0]
			}
			body := strings.SplitN(full, "\n\n[Official text]", 2)[0]
			// Every item is shown, or counted as left out to the
			// official text when the list is longer than a message.
			n, rest := strings.Count(body, "\n`"), 0
			if m := regexp.MustCompile(`\((\d+) more items? in the official text\)`).FindStringSubmatch(body); m != nil {
				rest, _ = strconv.Atoi(m[1])
			}
			if n+rest != len(h.Items) {
				t.Errorf("full clause shows %d and counts %d of %d items:\n%s", n, rest, len(h.Items), body)
			}
			var shown []string
			for _, l := range strings.Split(body, "\n") {
				if !strings.HasPrefix(l, "*(") {
					l = "> " + l
				}
				shown = append(shown, l)
			}
			lines, note = quotedLines(strings.Join(shown, "\n"))
			checkListQuote(t, c.doc, h, lines, note)
		})
	}
}

func findHit(t *testing.T, hits []index.Hit, doc, section string) index.Hit {
	t.Helper()
	for _, h := range hits {
		if h.Doc == doc && h.Section == section {
			return h
		}
	}
	t.Fatalf("%s#%s is not among the quotes", doc, section)
	return index.Hit{}
}

func checkListQuote(t *testing.T, doc string, h index.Hit, lines []string, note string) {
	t.Helper()
	text := strings.Join(strings.Fields(corpusText(t, doc)), " ")
	if len(lines) < 3 {
		t.Fatalf("list quoted as %d lines", len(lines))
	}
	for n, l := range lines {
		cut := strings.TrimSuffix(l, ellipsis)
		if !strings.Contains(text, strings.Join(strings.Fields(cut), " ")) {
			t.Errorf("line %d is not verbatim from %s: %q", n, doc, l)
		}
		if cut != l && !regexp.MustCompile(`[.;!?]["'”’)\]]* $|\w $`).MatchString(cut) {
			t.Errorf("line %d cut mid-sentence: %q", n, l)
		}
	}
	last := strings.TrimSpace(lines[len(lines)-1])
	left := len(h.Items) + 1 - len(lines)
	if left > 0 && !strings.Contains(note, "more item") {
		t.Errorf("%d items left out without saying so: %q", left, note)
	}
	if strings.HasSuffix(last, ":") && left == 0 && !strings.Contains(note, "goes on in the official text") {
		t.Errorf("the quote ends on the colon that introduces a list: %q", last)
	}
}

// A clause whose items only continue a sentence the file broke over lines
// reads as one sentence, not as a list.
func TestContinuedSentenceIsNotAList(t *testing.T) {
	h := index.Hit{Doc: "d", Section: "p9", Text: "Sample text that goes on … across the break.",
		Items: []index.Hit{{Doc: "d", Section: "p10", Text: "across the break."}}}
	if got := quoteBlock(h, 500); got != "> Sample text that goes on across the break." {
		t.Errorf("got %q", got)
	}
	h = index.Hit{Doc: "d", Section: "3", Text: "You must: … one; … two.", Display: "You must:",
		Items: []index.Hit{{Doc: "d", Section: "3.a", Text: "one;"}, {Doc: "d", Section: "3.b", Text: "two.", Display: "two (clean)."}}}
	if got := quoteBlock(h, 500); got != "> You must:\n> `a` one;\n> `b` two (clean)." {
		t.Errorf("got %q", got)
	}
}

// However long a list, its quote stays within a field and says how many
// items it left out.
func TestListWithinFieldLimit(t *testing.T) {
	h := index.Hit{Doc: "d", Section: "p2", Text: "You agree not to:"}
	for n := 0; n < 16; n++ {
		h.Items = append(h.Items, index.Hit{Doc: "d", Section: string(rune('a' + n)), Text: strings.Repeat("A sample item sentence. ", 20)})
	}
	for _, budget := range []int{maxFieldValue, 400, 100, 20} {
		v := quoteBlock(h, budget)
		if textLen(v) > budget {
			t.Errorf("budget %d: %d characters", budget, textLen(v))
		}
		if budget >= 100 && !strings.Contains(v, "more items: Full clause") {
			t.Errorf("budget %d: no note of the items left out: %q", budget, v)
		}
	}
}

// A list too long for its field shows the items the answer points to
// (Focus) and the items they belong to, within the field, and says how
// many it left out; without a focus it shows the first items.
func TestLongListShowsTheFocusedItems(t *testing.T) {
	h := groupedBans()
	first := quoteBlock(h, 600)
	if !strings.Contains(first, "Ban 1a.") || strings.Contains(first, "Ban 3d.") {
		t.Fatalf("without a focus the first items should show: %q", first)
	}
	h.Focus = []string{"3.d"}
	v := quoteBlock(h, 600)
	if textLen(v) > 600 {
		t.Errorf("%d characters", textLen(v))
	}
	for _, want := range []string{"You agree not to:", "`3` Group 3 of bans", "`3.d` Ban 3d.", "*(16 more items: Full clause)*"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in %q", want, v)
		}
	}
	if strings.Contains(v, "Ban 1a.") {
		t.Errorf("an item the answer does not point to is shown: %q", v)
	}
	h.Items = h.Items[:3] // a list that fits shows whole, focus or not
	if v := quoteBlock(h, 600); !strings.Contains(v, "Ban 1a.") || !strings.Contains(v, "Ban 1b.") || strings.Contains(v, "more item") {
		t.Errorf("a list that fits is not shown whole: %q", v)
	}
}

// groupedBans is a list clause of three groups of five bans each, too
// long for one field.
func groupedBans() index.Hit {
	h := index.Hit{Doc: "d", Section: "p2", Text: "You agree not to:"}
	for _, top := range []string{"1", "2", "3"} {
		h.Items = append(h.Items, index.Hit{Doc: "d", Section: top, Text: "Group " + top + " of bans, including:"})
		for _, sub := range []string{"a", "b", "c", "d", "e"} {
			h.Items = append(h.Items, index.Hit{Doc: "d", Section: top + "." + sub,
				Text: "Ban " + top + sub + ". " + strings.Repeat("A sample item sentence. ", 6)})
		}
	}
	return h
}

// The focus is best first: where its items and their parents do not all
// fit, the weakest are let go, not the best ("suicide" asked of the Llama 4
// policy pointed to 2.e, then 1.d and 1.e; the field showed 1.d and 1.e
// and left 2.e out).
func TestLongListKeepsTheBestFocusedItem(t *testing.T) {
	h := groupedBans()
	h.Focus = []string{"3.d", "1.a", "1.b"}
	v := quoteBlock(h, 500)
	if textLen(v) > 500 {
		t.Errorf("%d characters", textLen(v))
	}
	for _, want := range []string{"`3` Group 3 of bans", "`3.d` Ban 3d."} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in %q", want, v)
		}
	}
	shown := strings.Count(v, "\n> `")
	if want := "*(" + strconv.Itoa(len(h.Items)-shown) + " more items: Full clause)*"; !strings.Contains(v, want) {
		t.Errorf("no %q in %q", want, v)
	}
}

// An item of a Full clause's list longer than a field is cut at a
// sentence from its own text, verbatim, its matched words bold once. It
// was cut from the line already rendered, so its escapes were escaped
// again ("\\\*this\\\*" for "*this*") and its bold doubled
// ("\*\***use**\*\*").
func TestFullClauseCutsALongItemVerbatim(t *testing.T) {
	item := strings.Repeat("Do not use *this* model_name for harm. ", 40)
	h := index.Hit{Doc: "d", Section: "2", Text: "You agree not to:", URL: "https://example.org/d", Matched: []string{"use"}}
	for _, sec := range []string{"2.a", "2.b", "2.c", "2.d"} {
		h.Items = append(h.Items, index.Hit{Doc: "d", Section: sec, Text: item})
	}
	e := validateResponseOf(t, RenderClause(&h, sampleStats, true)).Data.Embeds[0]
	if len(e.Fields) == 0 {
		t.Fatal("the list did not carry on in fields")
	}
	for _, f := range e.Fields {
		line, _, _ := strings.Cut(f.Value, "\n")
		_, text, _ := strings.Cut(line, "` ")
		shown := strings.TrimSpace(strings.TrimSuffix(unescape(text), ellipsis))
		if shown == "" || !strings.HasPrefix(item, shown) || strings.Contains(text, `\\`) || strings.Contains(text, `\*\*`) {
			t.Errorf("item not quoted verbatim: %q", line[:min(len(line), 160)])
		}
	}
}

// A Full clause whose list carries on in fields ends with the link to the
// official text however full its last field: the field's room kept the
// notes, not the link, so a field filled to that room (here with a
// document URL of 140 characters, as long as the corpus's longest) went
// without it.
func TestFullClauseListKeepsItsLink(t *testing.T) {
	url := "https://example.org/" + strings.Repeat("p", 120)
	for size := 100; size < 400; size += 7 {
		h := index.Hit{Doc: "d", Section: "2", Text: "You agree not to:", URL: url}
		for n := range 20 {
			h.Items = append(h.Items, index.Hit{Doc: "d", Section: "2." + strconv.Itoa(n+1),
				Text: strings.Repeat("x", size-20) + " item number " + strconv.Itoa(n) + "."})
		}
		e := validateResponseOf(t, RenderClause(&h, sampleStats, true)).Data.Embeds[0]
		if len(e.Fields) == 0 {
			continue
		}
		if last := e.Fields[len(e.Fields)-1].Value; !strings.HasSuffix(last, "[Official text]("+url+")") {
			t.Errorf("items of %d characters: the last of %d fields ends %q", size, len(e.Fields), last[max(0, len(last)-60):])
		}
	}
}
