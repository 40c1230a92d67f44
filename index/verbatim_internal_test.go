package index

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzFoldQuote holds foldQuote to the rule it implements by hand, as the
// regexp states it: curly quotes folded, every run of the regexp's
// whitespace one space, lower case, no space at the ends.
func FuzzFoldQuote(f *testing.F) {
	for _, s := range []string{"", "Built with Llama", "  two\t\nspaces  ", "\u201cNOTICE\u201d text\u2019s",
		"\u00a0lead and trail\u00a0", "a\u00a0 \u00a0b", "\xff\xfeBAD utf8 \xc3", "already folded", "İSTANBUL ß Σ"} {
		f.Add(s)
	}
	spaces := regexp.MustCompile(`\s+`)
	curly := strings.NewReplacer("\u2019", "'", "\u201c", `"`, "\u201d", `"`)
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.TrimSpace(spaces.ReplaceAllString(curly.Replace(s), " ")))
		got := foldQuote(s)
		if got != want {
			t.Errorf("foldQuote(%q) = %q, want %q", s, got, want)
		}
		// Phrases are folded once and compared many times (foldedExpects):
		// folding what is folded changes nothing.
		if again := foldQuote(got); again != got {
			t.Errorf("foldQuote(%q) = %q, folded again %q", s, got, again)
		}
	})
}
