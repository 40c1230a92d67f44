package index

import (
	"regexp"
	"slices"
	"strings"
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

// topicOnOther reports whether a word of one of topics takes as its
// object, or is said of, a thing other than l's work (otherActedOn): the
// topic's word used of something else — "can I distill water?", "can I
// fine-tune my piano?", "warranty on my laptop?", "must I indemnify my
// employer?", "can I patent my invention?", "is my lawyer liable?", "is
// my novel copyleft?" — or the asker's own mark ("can I use my own
// trademark?"). The card's verdict speaks of the licensed work, and hunt
// 38 found 61 such verdicts wrong, and 18 on the asker's own marks.
//
// The object follows the word directly after a determiner or a
// possessive ("my piano"), or after "of" ("jurisdiction of my divorce"),
// or after "on" or "for" of a topic whose card states a fact ("warranty
// on my laptop", "governing law for my will"; of a permission they say
// where or for what: "on my phone", "for my startup"); a bare noun only
// after a word used as a verb, ending the sentence ("can I distill
// water?"). The subject comes between "is my" and the word ("is my dog
// open source?"). A use policy's words name a use done to someone
// ("defaming my competitor"), and are not read so.
func (s *snapshot) topicOnOther(r *reading, l *licenseMeta, topics []string) bool {
	if s.allCards(l, topics, statusIs(StatusNotAddressed)) {
		return false // what the license does not address, it addresses for no thing
	}
	topics = slices.DeleteFunc(slices.Clone(topics), func(t string) bool { return useTopics[t] })
	if len(topics) == 0 {
		return false
	}
	inTopic := func(w string) bool {
		return slices.ContainsFunc(s.stems(w), func(st string) bool {
			return slices.ContainsFunc(topics, func(t string) bool { return s.topics.vocab[t][st] })
		})
	}
	fact := s.anyCard(l, topics, statusIs(StatusInfo))
	marks := slices.Contains(topics, "trademark")
	for _, sent := range sentenceSplit.Split(r.text, -1) {
		if s.sentenceOnOther(letterWords(sent), l, inTopic, fact, marks) {
			return true
		}
	}
	return false
}

// sentenceOnOther is topicOnOther for one sentence's words.
func (s *snapshot) sentenceOnOther(ws []string, l *licenseMeta, inTopic func(string) bool, fact, marks bool) bool {
	for i, w := range ws {
		next := wordAt(ws, i+1)
		j := i + 1
		if objectPrepositions[next] || fact && (next == "for" || next == "on") {
			j++
		}
		lead := wordAt(ws, j)
		switch {
		case copulas[w] && ownersWords[next]:
			for k := i + 2; k < min(len(ws), i+4) && !copulas[ws[k]] && !soldObjectEnds[ws[k]]; k++ {
				if inTopic(ws[k]) {
					if k > i+2 && s.otherActedOn(ws[:k], i+1, l, actTopic) {
						return true // "is my dog open source"
					}
					break
				}
			}
		case determinerOrOwner(lead), j == i+1 && verbLeads[wordAt(ws, i-1)] && endsBare(ws, j):
			if !objectPrepositions[next] && next != "for" && actingWords[w] != 0 {
				continue // actsOnOther's
			}
			if inTopic(w) && s.otherActedOn(ws, j, l, actTopic) && !heldAfter(ws[j:], inTopic) {
				return true
			}
		case marks && askerUses(ws[:i]) && askersOwners[wordAt(ws, i-1)]:
			if k := i + btoi(w == "own"); inTopic(wordAt(ws, k)) {
				return true // "can I use my own trademark", "my name to endorse"; not "can they use our marks"
			}
		}
	}
	return false
}

var (
	// objectPrepositions bring the object of a topic's word:
	// "jurisdiction of my divorce"; of a fact's, "on" and "for" too
	// ("warranty on my laptop"), which of a permission say where or
	// for what ("on my phone", "for my startup").
	objectPrepositions = map[string]bool{"of": true}
	// verbLeads come before a word used as a verb: "can I distill",
	// "to distill".
	verbLeads = map[string]bool{"i": true, "we": true, "you": true, "to": true}
)

// aboutTheWork reports whether a question asks of a work about the
// licensed one, not of the work or a copy of it: "must a review of Llama
// 3.1 display Built with Llama?", "does a tweet about Qwen need
// attribution?", "… in my review, right?", "is it acceptable to cite
// Llama 3 in my thesis?". The duties to credit and to pass the license on
// fall on distributing the work or making it available (hunt 39: 28
// REQUIREDs on reviews, tutorials, tweets and citations).
func (s *snapshot) aboutTheWork(r *reading, l *licenseMeta) bool {
	ws := r.letterWords()
	for i, w := range ws {
		next := wordAt(ws, i+1)
		switch {
		case commentNouns[w] && (next == "of" || aboutLinks[next]) || aboutNouns[w] && aboutLinks[next],
			commentNouns[w] && ownersWords[wordAt(ws, i-1)]:
			return true // "a review of llama", "a paper about gemma", "in my review", "does my review need …"
		case citingWords[w] && (s.nameTokens[l.Key][foldName(next)] || s.models.words[next]):
			return true // "cite llama 3"
		}
	}
	return false
}

// reportsOnBan reports whether a question speaks of reporting on a case
// of one of topics that l's card bans: "news about crime", "a crime news
// site", "reporting harassment", "a documentary on terrorism". Reporting
// on a use is not the use, and the ban's FORBIDDEN would read as banning
// the news (hunt 43: 59 such verdicts wrong under Llama, Gemma, DeepSeek
// and OpenRAIL-M). Not where the ban is done: "news spam" (no link, no
// verb of reporting), "crime news deepfakes" (another case named),
// "fake news" (a case itself), "to harass news sites" (review 60).
func (s *snapshot) reportsOnBan(r *reading, l *licenseMeta, topics []string) bool {
	// A word of a ban's vocabulary; with cases, of its instances only, not
	// of its names ("use" of "acceptable use").
	inBan := func(w string, cases bool) bool {
		return slices.ContainsFunc(s.stems(w), func(st string) bool {
			return slices.ContainsFunc(topics, func(t string) bool {
				return s.cardStatus(l, t) == StatusForbidden && s.topics.vocab[t][st] && !(cases && s.topics.nameVocab[t][st])
			})
		})
	}
	ws := r.letterWords()
	bannedAt := func(k int) bool { return k >= 0 && k < len(ws) && inBan(ws[k], false) }
	// The one banned word, reported on: not a use the question names
	// besides ("crime news deepfakes", "fake news about crime"), nor one
	// it does to the news ("to harass news sites").
	only := func(k int) bool {
		for x := range ws {
			if x != k && !reportWords[ws[x]] && inBan(ws[x], true) {
				return false
			}
		}
		return wordAt(ws, k-1) != "to"
	}
	for i, w := range ws {
		if !reportWords[w] || i > 0 && s.namesCase(topics, ws[i-1]+" "+w) {
			continue // "fake news" is a case
		}
		link := func(w string) bool { return aboutLinks[w] || w == "of" }
		j := skipping(ws, i+1, func(w string) bool { return link(w) || soldDeterminers[w] })
		linked := slices.ContainsFunc(ws[i+1:j], link)
		// "news about crime", "reporting harassment", not "news spam" (the
		// ban, of the news kind); "crime news".
		if (linked || reportVerbs[w]) && bannedAt(j) && only(j) || reportNounWords[w] && bannedAt(i-1) && only(i-1) {
			return true
		}
	}
	return false
}

// banNamesParty reports whether the word of acceptable use's ban that a
// question says names whom the work goes to, not a use: the one sold,
// given or licensed to ("can I sell it to children?") or a party it
// qualifies ("drug companies", "defamation lawyers"). Selling to children
// is no child abuse, and a drug company no drug deal (hunt 43: Llama's
// and OpenRAIL-M's FORBIDDEN).
func (s *snapshot) banNamesParty(r *reading, l *licenseMeta, topics []string) bool {
	if !slices.Contains(topics, "acceptable-use") || s.cardStatus(l, "acceptable-use") != StatusForbidden {
		return false
	}
	banned := func(w string) bool { return s.stemIn(w, s.topics.vocab["acceptable-use"]) }
	ws := r.letterWords()
	for i, w := range ws {
		switch {
		case w == "to" && pronouns[wordAt(ws, i-1)] && i > 1 && transferVerbs[ws[i-2]]:
			if j := skipping(ws, i+1, isDeterminer); j < len(ws) && banned(ws[j]) {
				return true // "sell it to children"
			}
		case banned(w) && orgNouns[wordAt(ws, i+1)] && wordAt(ws, i-1) != "to":
			return true // "drug companies"; not "to harass lawyers"
		}
	}
	return false
}

var (
	// transferVerbs pass the work to someone: "sell it to …".
	transferVerbs = map[string]bool{"sell": true, "resell": true, "give": true, "license": true, "distribute": true,
		"ship": true, "offer": true, "provide": true, "market": true, "rent": true, "lease": true}
	// orgNouns name a party by what it does: "drug companies".
	orgNouns = map[string]bool{"company": true, "companies": true, "firm": true, "firms": true, "lawyer": true,
		"lawyers": true, "attorney": true, "attorneys": true, "shop": true, "shops": true, "store": true, "stores": true,
		"business": true, "businesses": true, "agency": true, "agencies": true, "startup": true, "startups": true,
		"customers": true, "clients": true, "researchers": true, "experts": true, "charity": true, "charities": true}
)

// namesCase reports whether phrase is a name or a case of one of topics
// as the taxonomy writes it ("fake news").
func (s *snapshot) namesCase(topics []string, phrase string) bool {
	return slices.ContainsFunc(topics, func(id string) bool {
		t := s.topics.byID[id]
		return t != nil && slices.ContainsFunc(slices.Concat(t.Aliases, t.Instances), func(a string) bool { return strings.EqualFold(a, phrase) })
	})
}

var (
	// reportWords report on what follows them: "news about crime",
	// "reporting harassment"; reportNounWords also on a word before
	// them: "crime news", "a terrorism documentary".
	reportWords = map[string]bool{"news": true, "report": true, "reports": true, "reporting": true,
		"journalism": true, "article": true, "articles": true, "documentary": true, "documentaries": true,
		"coverage": true, "covering": true, "story": true, "stories": true, "headlines": true, "awareness": true}
	reportVerbs     = map[string]bool{"report": true, "reporting": true, "covering": true}
	reportNounWords = map[string]bool{"news": true, "journalism": true, "documentary": true, "documentaries": true,
		"coverage": true, "stories": true, "headlines": true, "awareness": true, "reporting": true}
	// commentNouns are works that comment on another: "a review of it",
	// "in my tweet".
	commentNouns = map[string]bool{"review": true, "reviews": true, "tutorial": true, "tutorials": true,
		"tweet": true, "tweets": true, "citation": true, "citations": true, "critique": true,
		"comparison": true, "comparisons": true, "writeup": true}
	// aboutNouns may hold the work or speak of it: only "about" it they
	// speak of it ("a paper about llama", not "a paper with llama's
	// figures").
	aboutNouns = map[string]bool{"paper": true, "papers": true, "article": true, "articles": true, "blog": true,
		"post": true, "posts": true, "video": true, "videos": true, "talk": true, "podcast": true, "thesis": true,
		"essay": true, "book": true, "course": true, "thread": true}
	// aboutLinks link a work to what it speaks of.
	aboutLinks = map[string]bool{"about": true, "on": true, "covering": true, "comparing": true, "reviewing": true}
	// citingWords name a work without using it.
	citingWords = map[string]bool{"cite": true, "citing": true, "mention": true, "mentioning": true}
)

// readsOnly reports whether a question says the asker only reads, views,
// runs or uses the work ("do I need to credit if I only read it?", "if I
// only run it"): a duty to credit, to pass the license on or to give the
// source falls on sharing it, and its REQUIRED would bind the reader
// (hunt 39; review 59b: "only run it", "only modify it for myself").
func readsOnly(ws []string) bool {
	if slices.ContainsFunc(ws, func(w string) bool { return sharingWords[w] }) {
		return false // "if I only modify it and distribute"
	}
	for i, w := range ws {
		reads := readingWords[w] || (w == "use" || w == "using") && pronouns[wordAt(ws, i+1)] // "only use it", not "only use a screenshot"
		if reads && (merelyWords[wordAt(ws, i-1)] || merelyWords[wordAt(ws, i-2)]) {
			return true
		}
	}
	return false
}

// othersMark reports whether a question names another party's mark —
// "the OpenAI logo", "my university's logo" —, not the licensor's or
// the license's: a ban on using the licensor's marks does not speak of it
// (hunt 39: five FORBIDDENs).
func (s *snapshot) othersMark(r *reading, l *licenseMeta) bool {
	ws := r.letterWords()
	for i, w := range ws {
		if !logoWords[w] {
			continue
		}
		k := i - 1
		if wordAt(ws, k) == "s" {
			k-- // "university's logo"
		}
		prev := wordAt(ws, k)
		if k == i-1 && !s.writtenCapitalised(r, prev) {
			continue // "does it cover trademarks?": a verb, not an owner
		}
		if prev != "" && !markQualifiers[prev] && !s.nameTokens[l.Key][foldName(prev)] && !licensorOf(l, prev) &&
			!s.stemIn(prev, s.topics.vocab["trademark"]) && !(s.models.words[prev] && len(s.catalogued(r)) > 0 && s.otherModel(r, l) == nil) {
			return true // not "bloom trademark usage" of BLOOM's license
		}
	}
	return false
}

// writtenCapitalised reports whether the question writes w, a word of
// it in lower case, with a capital: a name ("the OpenAI logo").
func (s *snapshot) writtenCapitalised(r *reading, w string) bool {
	for _, x := range s.wordsOf(r) {
		t := strings.Trim(x.text, wordPunct)
		if strings.EqualFold(t, w) && t != strings.ToLower(t) {
			return true
		}
	}
	return false
}

var (
	readingWords = map[string]bool{"read": true, "reading": true, "view": true, "viewing": true, "watch": true,
		"watching": true, "browse": true, "browsing": true, "look": true, "looking": true, "listen": true, "study": true,
		"run": true, "running": true, "test": true, "testing": true, "try": true,
		"evaluate": true, "download": true, "modify": true, "tinker": true}
	// sharingWords pass the work on: with one, the asker does more than
	// read or run it.
	sharingWords = map[string]bool{"distribute": true, "distributing": true, "redistribute": true, "share": true,
		"sharing": true, "ship": true, "shipping": true, "sell": true, "selling": true, "host": true, "hosting": true,
		"give": true, "upload": true, "convey": true, "conveying": true, "deploy": true, "serve": true}
	merelyWords = map[string]bool{"only": true, "just": true, "merely": true, "simply": true}
	// logoWords name a mark; markQualifiers may come before one without
	// naming its owner ("the logo", "their official logo").
	logoWords      = map[string]bool{"logo": true, "logos": true, "trademark": true, "trademarks": true, "wordmark": true}
	markQualifiers = map[string]bool{"the": true, "a": true, "an": true, "their": true, "its": true, "your": true,
		"any": true, "my": true, "our": true, "own": true, "official": true, "same": true, "this": true, "that": true,
		"his": true, "her": true, "use": true, "of": true, "no": true, "and": true, "or": true, "i": true,
		"we": true, "you": true, "they": true, "to": true, "can": true, "may": true, "should": true, "s": true}
)

// sentenceSplit ends a sentence at a mark followed by a space or the end:
// not inside "llama 3.1" or "qwen2.5".
var sentenceSplit = regexp.MustCompile(`[.?!;]+(?:\s+|$)`)

// endsBare reports whether the words from j on are a bare object that
// ends the sentence, in a word or two ("can I distill water?"): a bare
// word after a verb mid-sentence is as often no object ("go to
// arbitration instead of court", "use yolov5 for commercial use").
func endsBare(ws []string, j int) bool {
	n := len(ws) - j
	return n >= 1 && n <= 2 && !slices.ContainsFunc(ws[j:], func(w string) bool { return soldObjectEnds[w] })
}

// heldAfter reports whether the words naming an object (up to
// maxSoldWords past its determiners) hold a word of the topic or one
// naming the people one licenses to: "use our trademarks", "patents of
// my users" ask of the topic's own things.
func heldAfter(ws []string, inTopic func(string) bool) bool {
	for k, w := range ws {
		if k > maxSoldWords+2 || soldObjectEnds[w] && k > 0 {
			break
		}
		if recipients[w] || inTopic(w) && !determinerOrOwner(w) {
			return true
		}
	}
	return false
}

// askersOwners make a thing the asker's: "my", "our".
var askersOwners = map[string]bool{"my": true, "our": true}

// useTopics are the topics of the use policies, whose words name a use
// done to someone ("defaming my competitor"): its object is no work.
var useTopics = map[string]bool{"acceptable-use": true, "military": true}

// askerUses reports whether ws, the words before a mark's owner, name
// the asker as the one acting: "can I use my own trademark".
func askerUses(ws []string) bool {
	return slices.Contains(ws, "i") || slices.Contains(ws, "we")
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// act is what a verb does to the thing it acts on (actingWords).
type act int

const (
	actSale   act = iota + 1 // sell, resell, monetize
	actChange                // modify, alter, edit
	actGive                  // distribute, share, publish, host
	actTopic                 // a topic's word: distill, patent, indemnify
)

// otherActedOn reports whether the words from j on, the object of a verb
// doing act, name something other than l's work (actsOnOther).
func (s *snapshot) otherActedOn(ws []string, j int, l *licenseMeta, act act) bool {
	start := j
	j = skipping(ws, j, func(w string) bool { return determinerOrOwner(w) || w == "own" })
	owned := slices.ContainsFunc(ws[start:j], func(w string) bool { return ownersWords[w] })
	own := slices.Contains(ws[start:j], "own")
	var run []string
	for k := j; k < len(ws) && len(run) < maxSoldWords && !soldObjectEnds[ws[k]]; k++ {
		run = append(run, ws[k])
	}
	if len(run) == 0 || slices.ContainsFunc(run, func(w string) bool { return pronouns[w] || anyoneWords[w] }) {
		return false // "sell it", "charge a fee for distributing it"
	}
	if slices.ContainsFunc(run, isLicenseWord) {
		return act == actSale || act == actChange // "sell the license", "modify the license"; not "ship the license", "terminate my license"
	}
	has := func(f func(string) bool) bool { return slices.ContainsFunc(run, f) }
	if act == actSale && has(func(w string) bool { return markWords[w] && w != "name" && w != "names" }) {
		return true // "sell the llama trademark", "sell the brand": no license grants a mark to sell
	}
	isName := func(w string) bool { return s.nameTokens[l.Key][foldName(w)] }
	if i := slices.IndexFunc(run, isName); i >= 0 {
		// "sell llama merchandise", "sell llama mugs": a thing named
		// for the model, not the model; not "sell llama finetunes"
		for i < len(run) && (isName(run[i]) || namedForWords[run[i]]) {
			i++
		}
		return act == actSale && i < len(run) && !s.partOfWork(run[i]) && !isOwnWork(run[i]) &&
			!soldWorks[run[i]] && !s.spokenOf(run[i], l)
	}
	switch {
	case (act == actSale || act == actChange) && (own && !has(s.isModel) || owned && has(isOwnWork)):
		// "sell its own products", "sell my code", "modify my photos";
		// not "publish my source code" or "the source code of my work",
		// which the duties on source and on sharing speak of
		return true
	case has(s.partOfWork):
		return false // "my finetune", "my app", "binaries", "my weights", "train mixtral"
	case owned:
		// "my car"; not "my outputs", nor "the source code of my work"
		return !has(isOwnWork) && !has(func(w string) bool { return s.stemIn(w, s.topics.vocab["output-ownership"]) })
	case has(isOwnWork) || has(func(w string) bool { return soldWorks[w] || s.spokenOf(w, l) }):
		return false // "the photos", "music", "the trademark": works a license may grant, words it uses
	}
	return true // "GPUs", "the house", "laptops"
}

// partOfWork reports whether w names the work, a part or a form of it, a
// work made from it, a product built on it or another model: what a
// license's permissions and duties speak of.
func (s *snapshot) partOfWork(w string) bool {
	return isDerived(w) || s.stemIn(w, productWords) || s.stemIn(w, workForms) || modelParts[w] || otherModelWords[w] ||
		s.models.words[w] || modelKinds[w] || w == "changes" || w == "improvements"
}

// modelKinds are kinds of model: "train a classifier".
var modelKinds = map[string]bool{"classifier": true, "classifiers": true, "detector": true, "detectors": true,
	"reranker": true, "rerankers": true, "embedder": true, "encoder": true, "decoder": true, "transformer": true,
	"transformers": true, "network": true, "networks": true, "tagger": true, "regressor": true, "predictor": true}

// isModel reports whether w names a work made from the licensed one or
// a model: "our own llama-based model".
func (s *snapshot) isModel(w string) bool {
	return derivedWords[w] || otherModelWords[w] || s.models.words[w]
}

// isDerived reports whether w names a work made from the licensed one.
func isDerived(w string) bool { return derivedWords[w] }

// isOwnWork reports whether w names a work one makes oneself.
func isOwnWork(w string) bool { return ownWorks[w] }

// spokenOf reports whether a noun's stem is a word of one of l's texts or
// of a topic's names: the license may speak of it.
func (s *snapshot) spokenOf(w string, l *licenseMeta) bool {
	for _, st := range s.stems(w) {
		if s.topics.inVocab(st) || s.licenseHolds(l, st) {
			return true
		}
	}
	return false
}

// stemIn reports whether a stem of w is in set.
func (s *snapshot) stemIn(w string, set map[string]bool) bool {
	return slices.ContainsFunc(s.stems(w), func(st string) bool { return set[st] })
}

// licenseHolds reports whether a clause of one of l's documents has the
// stem st.
func (s *snapshot) licenseHolds(l *licenseMeta, st string) bool {
	_, ok := s.clauseWhere(l, func(h Hit) bool { return s.holds(h, st) })
	return ok
}

// clauseWhere returns the first clause of l's documents, in their order,
// for which f holds.
func (s *snapshot) clauseWhere(l *licenseMeta, f func(Hit) bool) (Hit, bool) {
	for _, d := range l.Docs {
		cs := s.clausesOf(d)
		if i := slices.IndexFunc(cs, f); i >= 0 {
			return cs[i], true
		}
	}
	return Hit{}, false
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
	// namedForWords join a name to what is made from it or with it:
	// "llama based apps", "llama powered bots".
	namedForWords = map[string]bool{"based": true, "powered": true, "derived": true, "built": true}
	soldWorks     = map[string]bool{"dataset": true, "datasets": true, "database": true, "databases": true}
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
		"trained": true, "by": true, "i": true, "we": true, "you": true, "only": true, "through": true, "into": true,
		"onto": true, "over": true, "before": true, "after": true, "when": true, "while": true, "because": true,
		"so": true, "but": true, "then": true, "just": true, "offline": true}
	// anyoneWords stand for people at large: "indemnify anyone".
	anyoneWords = map[string]bool{"anyone": true, "anybody": true, "someone": true, "somebody": true,
		"everyone": true, "everybody": true, "others": true, "people": true}
)
