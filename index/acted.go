package index

import (
	"slices"
)

// A card on commercial use, on modifying, hosting or passing on the
// work speaks of the licensed work: selling it, changing it, serving it,
// sharing it, or a product or service built on it. A question may act on
// something else in the same words — the license itself ("can I sell
// the license?": Llama's grant is non-transferable, the GNU licenses bar
// a fee for the rights they grant), the asker's own things ("my car", "my
// prompts", "its own products") or things the license never speaks of
// ("GPUs", "laptops", "the furniture") — and the card's verdict would
// read as the answer: hunt 36 found 43 such on selling, CC BY-NC's
// FORBIDDEN for "can I sell my car?" among them, review 59 27 more after
// "the" ("can I sell the furniture?"), and the same held of "can I modify
// my car?" (Llama's modification card) and "can I host GPUs?".

// actsOnOther reports whether a question sells, charges for, modifies,
// hosts or passes on something other than the licensed work: the thing
// acted on is a license (sold or changed; passed on, it is the copy of
// the license a duty may ask for), the asker's own (after "my", "our",
// "its" or "their": one of ownWorks, anything "own" that is not a work
// made from the licensed one, or a thing that is no part of a model and
// no topic on outputs names), or a noun that is no work's name and that
// no text of l and no topic uses. A pronoun, l's name, a product, a form
// of a work, a part of a model or a derived work is the work ("sell it",
// "sell llama finetunes", "modify my app", "host the weights", "share
// binaries").
func (s *snapshot) actsOnOther(r *reading, l *licenseMeta) bool {
	ws := r.letterWords()
	if !slices.ContainsFunc(ws, func(w string) bool { return actingWords[w] != 0 || chargingWords[w] || w == "commercial" }) {
		return false
	}
	for i, w := range ws {
		j, act := i+1, actingWords[w]
		switch {
		case act != 0:
		case w == "use" && wordAt(ws, i-1) == "commercial" && wordAt(ws, i+1) == "of":
			j, act = j+1, actSale // "commercial use of my own dataset"
		case chargingWords[w]:
			// "charge for it", "charge a fee for the license"
			k := slices.Index(ws[j:min(len(ws), j+4)], "for")
			if k < 0 {
				continue
			}
			j, act = j+k+1, actSale
		default:
			continue
		}
		if s.otherActedOn(ws, j, l, act) {
			return true
		}
	}
	return false
}

// act is what a verb does to the thing it acts on (actingWords).
type act int

const (
	actSale   act = iota + 1 // sell, resell, monetize
	actChange                // modify, alter, edit
	actGive                  // distribute, share, publish, host
)

// otherActedOn reports whether the words from j on, the object of a verb
// doing act, name something other than l's work (actsOnOther).
func (s *snapshot) otherActedOn(ws []string, j int, l *licenseMeta, act act) bool {
	own, owned := false, false
	for ; j < len(ws) && (soldDeterminers[ws[j]] || ownersWords[ws[j]] || ws[j] == "own"); j++ {
		owned = owned || ownersWords[ws[j]]
		own = own || ws[j] == "own"
	}
	var run []string
	for k := j; k < len(ws) && len(run) < maxSoldWords && !soldObjectEnds[ws[k]]; k++ {
		run = append(run, ws[k])
	}
	if len(run) == 0 || slices.ContainsFunc(run, func(w string) bool { return pronouns[w] }) {
		return false // "sell it", "charge a fee for distributing it"
	}
	if slices.ContainsFunc(run, isLicenseWord) {
		return act != actGive // "sell the license", "modify the license"; not "ship the license"
	}
	if slices.ContainsFunc(run, func(w string) bool { return s.nameTokens[l.Key][foldName(w)] }) {
		return false
	}
	head := run[len(run)-1]
	switch {
	case act != actGive && (own && !derivedWords[head] || owned && ownWorks[head]):
		// "sell its own products", "sell my code", "modify my photos";
		// not "publish my source code", which the duties on source
		// and on sharing speak of
		return true
	case derivedWords[head] || s.stemIn(head, productWords) || s.stemIn(head, workForms) || modelParts[head]:
		return false // "my finetune", "my app", "binaries", "my weights"
	case owned:
		return !s.stemIn(head, s.topics.vocab["output-ownership"]) // "my car", "my company"; not "my outputs"
	case ownWorks[head] || soldWorks[head]:
		return false // "the photos", "music": works a license may grant
	}
	return !s.spokenOf(head, l) // "GPUs", "the house", "laptops"
}

// spokenOf reports whether a noun's stem is a word of one of l's texts or
// of a topic's names: the license may speak of it.
func (s *snapshot) spokenOf(w string, l *licenseMeta) bool {
	for _, st := range s.stems(w) {
		if s.anyVocab(st) || s.licenseHolds(l, st) {
			return true
		}
	}
	return false
}

// stemIn reports whether a stem of w is in set.
func (s *snapshot) stemIn(w string, set map[string]bool) bool {
	return slices.ContainsFunc(s.stems(w), func(st string) bool { return set[st] })
}

// anyVocab reports whether st is a word of any topic's names.
func (s *snapshot) anyVocab(st string) bool {
	for _, v := range s.topics.vocab {
		if v[st] {
			return true
		}
	}
	return false
}

// licenseHolds reports whether a clause of one of l's documents has the
// stem st.
func (s *snapshot) licenseHolds(l *licenseMeta, st string) bool {
	for _, d := range l.Docs {
		if slices.ContainsFunc(s.clausesOf(d), func(h Hit) bool { return s.holds(h, st) }) {
			return true
		}
	}
	return false
}

// maxSoldWords is how many words after a verb make its object: "sell
// used gaming laptops".
const maxSoldWords = 3

var (
	// actingWords act on what follows them; chargingWords charge for it.
	actingWords = map[string]act{"sell": actSale, "sells": actSale, "selling": actSale, "sold": actSale, "resell": actSale, "resold": actSale,
		"reselling": actSale, "monetize": actSale, "monetise": actSale, "monetizing": actSale, "monetising": actSale,
		"modify": actChange, "modifying": actChange, "alter": actChange, "altering": actChange, "edit": actChange,
		"editing": actChange, "tweak": actChange, "host": actGive, "hosting": actGive, "distribute": actGive,
		"distributing": actGive, "redistribute": actGive, "redistributing": actGive, "share": actGive,
		"sharing": actGive, "publish": actGive, "publishing": actGive}
	chargingWords = map[string]bool{"charge": true, "charging": true, "charges": true}
	// modelParts are parts of a model, which are the work: "my weights".
	modelParts = map[string]bool{"weights": true, "weight": true, "checkpoints": true, "gguf": true,
		"tokenizer": true, "safetensors": true, "embeddings": true, "parameters": true}
	// soldDeterminers come before the thing sold.
	soldDeterminers = map[string]bool{"the": true, "a": true, "an": true, "some": true, "any": true,
		"this": true, "these": true, "those": true, "that": true}
	// soldWorks, besides ownWorks, are works a license may grant that
	// its text may call otherwise ("the dataset" of CC's "database").
	soldWorks = map[string]bool{"dataset": true, "datasets": true, "database": true, "databases": true}
	// workForms are the forms a work is sold in (stems), whatever words
	// its license uses for them: "sell binaries only".
	workForms = map[string]bool{"binari": true, "binary": true, "execut": true, "executabl": true, "copi": true, "print": true}
	// ownersWords make the thing sold someone's own.
	ownersWords = map[string]bool{"my": true, "our": true, "its": true, "their": true}
	// soldObjectEnds end the words naming the thing sold.
	soldObjectEnds = map[string]bool{"to": true, "for": true, "with": true, "in": true, "on": true, "at": true,
		"under": true, "as": true, "if": true, "and": true, "or": true, "that": true, "which": true, "who": true,
		"made": true, "built": true, "based": true, "using": true, "from": true, "of": true, "via": true,
		"without": true, "commercially": true, "online": true, "is": true, "are": true, "now": true,
		"too": true, "also": true, "legally": true, "ok": true, "okay": true, "generated": true, "created": true,
		"trained": true, "by": true, "i": true, "we": true, "you": true, "only": true}
)
