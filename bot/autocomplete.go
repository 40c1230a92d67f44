package bot

import (
	"sort"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

// Match quality, best first.
const (
	rankExact = iota
	rankPrefix
	rankWordPrefix
	rankSubstring
	rankFuzzy
	rankNone
)

// licenseChoices are the licenses matching typed, most relevant first:
// exact key or alias, then prefixes, word prefixes, substrings and
// in-order letters ("l4" → llama4). Empty input lists them all in the
// engine's order.
func licenseChoices(all []index.LicenseInfo, typed string) []*discordgo.ApplicationCommandOptionChoice {
	ranked := all
	if norm(typed) != "" {
		ranked = rankLicenses(all, typed)
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(ranked), maxChoices))
	for _, l := range ranked {
		if len(out) == maxChoices {
			break
		}
		if l.Key == "" || textLen(l.Key) > maxChoiceLen {
			continue
		}
		name := l.Key
		if t := clean(l.Title); t != "" {
			name = truncate(t, maxChoiceLen-textLen(l.Key)-3) + " (" + l.Key + ")"
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: l.Key})
	}
	return out
}

func rankLicenses(all []index.LicenseInfo, typed string) []index.LicenseInfo {
	return rankByNames(all, norm(typed), func(l index.LicenseInfo) []string {
		return append([]string{l.Key, l.Title}, l.Aliases...)
	})
}

// topicChoices are the license's topics matching typed; with nothing typed,
// all of them.
func topicChoices(topics []index.TopicInfo, typed string) []*discordgo.ApplicationCommandOptionChoice {
	ranked := topics
	if q := norm(typed); q != "" {
		ranked = rankByNames(topics, q, func(t index.TopicInfo) []string {
			return append([]string{t.ID, t.Label}, t.Aliases...)
		})
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(ranked), maxChoices))
	for _, t := range ranked {
		if len(out) == maxChoices {
			break
		}
		if t.ID == "" || textLen(t.ID) > maxChoiceLen {
			continue
		}
		name := firstNonEmpty(clean(t.Label), t.ID)
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncate(name, maxChoiceLen), Value: t.ID})
	}
	return out
}

// rankByNames keeps the items one of whose names matches the normalised
// query q, best match first and in their given order among equals.
func rankByNames[T any](items []T, q string, names func(T) []string) []T {
	s := scoreByNames(items, q, names)
	out := make([]T, len(s))
	for n := range s {
		out[n] = s[n].item
	}
	return out
}

// ranked is an item and how well it matched.
type ranked[T any] struct {
	item T
	rank int
}

// scoreByNames is rankByNames with each item's rank kept, for merging two
// rankings.
func scoreByNames[T any](items []T, q string, names func(T) []string) []ranked[T] {
	var s []ranked[T]
	for _, it := range items {
		r := rankNone
		for _, cand := range names(it) {
			r = min(r, matchRank(q, cand))
		}
		if r < rankNone {
			s = append(s, ranked[T]{it, r})
		}
	}
	sort.SliceStable(s, func(a, b int) bool { return s[a].rank < s[b].rank })
	return s
}

// modelLister is the part of the engine that lists the model catalogue
// (*index.Engine has it); engines without one offer licenses only.
type modelLister interface {
	Models(filter string) []index.ModelInfo
}

// subjectChoices complete an option that takes a license or a model
// ("qwen2.5-7" offers Qwen2.5-7B-Instruct): the licenses and catalogued
// models matching typed, best match first, a license before a model that
// matches as well. Empty input lists the licenses.
func subjectChoices(eng Engine, typed string) []*discordgo.ApplicationCommandOptionChoice {
	ml, ok := eng.(modelLister)
	q := norm(typed)
	if !ok || q == "" {
		return licenseChoices(eng.Licenses(), typed)
	}
	lics := scoreByNames(eng.Licenses(), q, func(l index.LicenseInfo) []string {
		return append([]string{l.Key, l.Title}, l.Aliases...)
	})
	models := scoreByNames(ml.Models(typed), q, func(m index.ModelInfo) []string {
		return append([]string{m.Name}, m.Names...)
	})
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, maxChoices)
	for len(out) < maxChoices && (len(lics) > 0 || len(models) > 0) {
		if len(lics) > 0 && (len(models) == 0 || lics[0].rank <= models[0].rank) {
			out = append(out, licenseChoices([]index.LicenseInfo{lics[0].item}, "")...)
			lics = lics[1:]
			continue
		}
		if c := modelChoice(models[0].item); c != nil {
			out = append(out, c)
		}
		models = models[1:]
	}
	return out
}

// modelChoice offers a model by its catalogue name, with the licenses it
// is under: "Qwen2.5-7B-Instruct (model · apache-2.0)".
func modelChoice(m index.ModelInfo) *discordgo.ApplicationCommandOptionChoice {
	name := clean(m.Name)
	if name == "" || textLen(name) > maxChoiceLen {
		return nil
	}
	label := name
	if len(m.Licenses) > 0 {
		label = truncate(name+" (model · "+clean(strings.Join(m.Licenses, ", "))+")", maxChoiceLen)
	}
	return &discordgo.ApplicationCommandOptionChoice{Name: label, Value: name}
}

// matchRank grades how well the normalised query q matches cand.
func matchRank(q, cand string) int {
	c := norm(cand)
	switch {
	case c == "":
		return rankNone
	case c == q:
		return rankExact
	case strings.HasPrefix(c, q):
		return rankPrefix
	}
	for _, w := range strings.Fields(strings.Map(func(r rune) rune {
		if isAlnum(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, cand)) {
		if strings.HasPrefix(w, q) {
			return rankWordPrefix
		}
	}
	if strings.Contains(c, q) {
		return rankSubstring
	}
	if subsequence(q, c) {
		return rankFuzzy
	}
	return rankNone
}

// norm lower-cases and keeps only letters and digits, so "Llama 4",
// "llama-4" and "llama4" compare equal.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isAlnum(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// subsequence reports whether q's characters appear in c in order.
func subsequence(q, c string) bool {
	if q == "" {
		return true
	}
	qr := []rune(q)
	k := 0
	for _, r := range c {
		if r == qr[k] {
			k++
			if k == len(qr) {
				return true
			}
		}
	}
	return false
}

// typedString is what the user has typed in the focused option so far.
// discordgo's StringValue panics when the value is not a string, and an
// autocomplete payload is only as well-formed as its sender.
func typedString(o *discordgo.ApplicationCommandInteractionDataOption) string {
	s, _ := o.Value.(string)
	return s
}

// modelNamed returns the catalogued model input names, when it names one
// rather than a license (the engine resolves both; some answers say which).
func modelNamed(eng Engine, input string) (index.ModelInfo, bool) {
	ml, ok := eng.(modelLister)
	f := corpus.FoldModelName(input)
	if !ok || f == "" {
		return index.ModelInfo{}, false
	}
	if _, err := eng.ResolveLicense(input); err != nil {
		return index.ModelInfo{}, false
	}
	for _, m := range ml.Models(input) {
		for _, n := range append([]string{m.Name}, m.Names...) {
			if corpus.FoldModelName(n) == f {
				return m, true
			}
		}
	}
	return index.ModelInfo{}, false
}
