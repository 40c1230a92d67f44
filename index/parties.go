package index

import (
	"regexp"
	"slices"
	"strings"
)

// asksOfLicensor reports whether an English question asks what binds or
// permits l's licensor itself, the licensor being the subject of the
// clause it asks in:
//
//   - a deontic word after it, in a question put with "is" or "are" ("is
//     Meta allowed to use it commercially?", "is DeepSeek prohibited from
//     military use?", "is Meta bound by the user cap?");
//   - a verb after it, in a question put with "must", "should" or "shall"
//     ("must Google include a copy of the license?");
//   - "have to", "has to" or "need to" after it ("does BigScience have to
//     attribute me?", "does Meta Platforms have to …");
//   - its own things ("do meta's own products need Built with Llama?").
//
// A licence's bans, duties and conditions bind the licensee — "you" —
// and its FORBIDDEN, REQUIRED or CONDITIONAL would read as the answer for
// the licensor. What binds the licensor is asked of it, not by it: a
// passive ("is Meta required to be credited?", "must meta be named?")
// and the one the licensor needs something of ("does meta need me to …")
// are the licensee's duties, and what the licensor requires or allows
// ("does Meta require credit?") is the card's own question.
//
// The licensor is named as licensorOf says (Google is a licensee of
// Llama), or by a company its name is followed by ("Meta Platforms",
// "Google LLC", "Stability AI"), or as "the copyright holder".
func asksOfLicensor(question string, l *licenseMeta) bool {
	for _, part := range clauseParts(question) {
		words := letterWords(part)
		for i := range words {
			end, ok := licensorNamedAt(words, i, l)
			if !ok {
				continue
			}
			before := pastArticle(words, i-1)
			next, after := "", ""
			if end+1 < len(words) {
				next = words[end+1]
			}
			if end+2 < len(words) {
				after = words[end+2]
			}
			switch {
			case next == "s" && after == "own":
				return true
			case before < 0:
				continue
			case (words[before] == "is" || words[before] == "are") && deonticWords[next] && !passiveAfter(words[end+2:]):
				return true
			case dutyModals[words[before]] && next != "" && next != "s" && !unboundAfter[next] && !auxiliaries[next] &&
				!passiveSubject(words[end+1:]):
				return true
			// "need to be credited": "be" is unboundAfter.
			case licensorModals[words[before]] && bindsLicensor(words[end+1:min(len(words), end+3)]) &&
				!unboundAfter[after] && !(after == "to" && end+3 < len(words) && unboundAfter[words[end+3]]):
				return true
			}
		}
	}
	return false
}

// licensorNamedAt reports whether l's licensor is named from words[i]
// on, and where its name ends: a word licensorOf takes ("meta", "the
// licensor"), a steward or company of partyNames for l's family
// ("bigscience", "mozilla"), or a holder of the rights as rightsHolder
// says ("copyright holder", "ip owner"), the first two with the company
// words that may follow ("platforms", "llc", "ai").
func licensorNamedAt(words []string, i int, l *licenseMeta) (int, bool) {
	w := words[i]
	switch {
	case licensorOf(l, w), l != nil && slices.Contains(partyNames[l.Family], w):
	case i+1 < len(words) && rightsHolder(words, i+1):
		return i + 1, true
	default:
		return 0, false
	}
	end := i
	for end+1 < len(words) && companyWords[words[end+1]] {
		end++
	}
	return end, true
}

// partyNames are the names, beyond licensorWords, of those who grant or
// steward a family's licenses, who are not its licensees: BigScience and
// Stability for the OpenRAIL-Ms, Mozilla for the MPL, the FSF and
// Ultralytics (YOLO's licensor, hunt 35) for the GNU licenses. Not
// "apache", which is the license's own name too.
var partyNames = map[string][]string{"openrail": {"bigscience", "stability", "compvis"},
	"mpl": {"mozilla"}, "gpl": {"fsf", "ultralytics"}}

// companyWords follow a company's name as part of it.
var companyWords = map[string]bool{"platforms": true, "llc": true, "inc": true, "ai": true,
	"cloud": true, "team": true, "foundation": true, "ltd": true, "corp": true}

// deonticWords say, after "is X", what X may or must do.
var deonticWords = map[string]bool{"allowed": true, "permitted": true, "required": true, "obligated": true,
	"obliged": true, "bound": true, "prohibited": true, "forbidden": true, "banned": true,
	"restricted": true, "entitled": true, "free": true, "subject": true, "barred": true}

// dutyModals put to a question what its subject must do.
var dutyModals = map[string]bool{"must": true, "should": true, "shall": true}

// passiveSubject reports whether the words after a licensor named after
// "must" reach the clause's "be" within a few words: the name opens the
// subject of a passive ("must Meta Llama 3 be credited?", "must a Meta
// notice be kept?", "should google gemma be credited?"), a duty of the
// licensee's, not the licensor bound. A "to be" is the licensor's own
// aim ("must meta include it to be compliant?").
func passiveSubject(words []string) bool {
	for k, w := range words[:min(len(words), 4)] {
		if w == "be" && (k == 0 || words[k-1] != "to") {
			return true
		}
	}
	return false
}

// passiveAfter reports whether words, after a deontic word or "have",
// go on in the passive ("… to be credited", "… to be named").
func passiveAfter(words []string) bool {
	return len(words) >= 2 && words[0] == "to" && (words[1] == "be" || words[1] == "being")
}

// creditsThirdParty reports whether an English question asks about
// crediting someone other than the licensor or the work ("do I need to
// credit huggingface?", "… credit ollama?", "… credit the dataset
// authors?"): the object of a verb of crediting, past an article, that is
// neither the licensor (licensorNamedAt), nor a word of l's names, nor a
// pronoun or a word for the work's authors or the work itself
// (creditedWork). A duty's REQUIRED is to credit the licensor as its
// clauses say, and would read as a duty to credit whoever is named.
func creditsThirdParty(question string, l *licenseMeta, names map[string]bool) bool {
	words := letterWords(question)
	for i, w := range words {
		// A verb, after "to", a modal or a subject: "credit line" and
		// "credit rules" are nouns.
		if !creditingVerbs[w] || i+1 == len(words) || i == 0 || !verbCues[words[i-1]] {
			continue
		}
		k := i + 1
		if isArticle(words[k]) {
			k++
		}
		if k == len(words) {
			continue
		}
		if _, ok := licensorNamedAt(words, k, l); ok || names[words[k]] || creditedWork[words[k]] {
			continue
		}
		return true
	}
	return false
}

// verbCues come before a verb: "to", a modal, a subject.
var verbCues = map[string]bool{"to": true, "must": true, "should": true, "shall": true, "i": true, "we": true,
	"you": true, "also": true, "not": true, "t": true, "and": true, "or": true}

// creditingVerbs credit someone for a work.
var creditingVerbs = map[string]bool{"credit": true, "crediting": true, "attribute": true,
	"attributing": true, "acknowledge": true, "acknowledging": true, "cite": true, "citing": true}

// creditedWork are the words after a verb of crediting that name the
// work, its authors in general or anyone, not a party of the asker's
// choosing — or that name no object at all: an adverb ("credit properly")
// or a preposition ("credit in my app", "credit them for it").
var creditedWork = map[string]bool{"it": true, "them": true, "him": true, "her": true, "this": true,
	"that": true, "anyone": true, "anybody": true, "someone": true, "somebody": true, "people": true,
	"original": true, "authors": true, "author": true, "creators": true, "creator": true, "owner": true,
	"owners": true, "developers": true, "developer": true, "model": true, "models": true, "work": true,
	"source": true, "upstream": true, "base": true, "licensors": true, "properly": true, "correctly": true,
	"in": true, "on": true, "for": true, "to": true, "when": true, "if": true, "where": true, "with": true}

// namesBreach reports whether an English question supposes the license
// already breached ("can I sell it after I breach it?", "… if I violated
// the AUP?") or ended ("once the agreement is over", "after revocation",
// "once revoked", "when the license ends"), unless a breach or an end is
// topic's own word (termination): the permission a card grants holds for
// a licensee in good standing, and a breach may end it (the MPL and CC
// terminate automatically, Meta "may terminate"), while on termination
// Llama, Gemma and Qwen say to "delete and cease use"; so its ALLOWED or
// CONDITIONAL would read as "yes, still", and a duty's REQUIRED as binding
// still what the license may no longer ask (Llama's survival clause leaves
// out its indemnity: hunt 24).
func (s *snapshot) namesBreach(r *reading, topic string) bool {
	ws := r.letterWords()
	for i, w := range ws {
		breach := strings.HasPrefix(w, "breach") || strings.HasPrefix(w, "violat")
		// "so I don't violate it", "without breaching", "to avoid a
		// breach": staying in good standing, not a breach supposed.
		if breach && slices.ContainsFunc(ws[max(0, i-3):i], func(x string) bool { return avoidingWords[x] }) {
			continue
		}
		if !breach && !endsLicense(ws, i) {
			continue
		}
		st := s.stems(w)
		return len(st) != 1 || !s.topics.vocab[topic][st[0]]
	}
	return false
}

// endingPrefixes begin the words of revoking, terminating or expiring.
var endingPrefixes = []string{"revok", "revoc", "terminat", "expir", "lapse", "cancel"}

// endsLicense reports whether ws[i] says the license ended: a word of
// revoking, terminating or expiring ("after revocation", "once revoked",
// "terminated"), or an ending word of endedWords within three words after
// the agreement, the license or the terms ("once the agreement is over",
// "when my license ends").
func endsLicense(ws []string, i int) bool {
	w := ws[i]
	if beginsWith(w, endingPrefixes) {
		return true
	}
	if !endedWords[w] {
		return false
	}
	// "is over", "was done": not "the license over every copy", "rights
	// over my outputs".
	if !strings.HasPrefix(w, "end") && (i == 0 || !beWords[ws[i-1]]) {
		return false
	}
	return slices.ContainsFunc(ws[max(0, i-3):i], func(x string) bool { return agreementWords[x] })
}

// endedWords say something came to an end: "ended" and "ends" alone, the
// others after a form of "be". Not "end", which the license's terms are
// followed by in "end users".
var endedWords = map[string]bool{"over": true, "ended": true, "ends": true, "done": true,
	"finished": true, "gone": true}

// beWords are the forms of "be" an ending word follows: "is over".
var beWords = map[string]bool{"is": true, "s": true, "was": true, "are": true, "were": true, "be": true,
	"been": true}

// avoidingWords before a breach say it is avoided: "so I don't violate".
var avoidingWords = map[string]bool{"not": true, "t": true, "no": true, "never": true, "without": true,
	"avoid": true, "avoiding": true, "prevent": true, "preventing": true, "dont": true}

// agreementWords name the license as an agreement that may end.
var agreementWords = map[string]bool{"agreement": true, "license": true, "licence": true, "terms": true,
	"contract": true}

// claimsOwnRight reports whether an English question asks about taking
// a right of the asker's own in the asker's own work — "can I trademark my
// fork's name", "patent my adaptation", "patents on my remix", "license
// my adaptation under different terms", "relicense my remix" —, not
// about a right the license grants or withholds. A card on the licensor's
// marks or patents, or on sublicensing the licensed material, answers the
// licensor's right; its FORBIDDEN would read as "you may not trademark
// your own name" (hunt 22: 17 such). Not claimed: what the asker holds
// under the license or hands to people ("sublicense my rights", "my
// copy", "sublicense my users"), and a mark or patent that is someone
// else's, used for the asker's work ("use their trademark for my app",
// "the apache trademark for my fork", "their patents on my product").
func claimsOwnRight(question string) bool {
	ws := letterWords(question)
	for i, w := range ws {
		if !ownRightVerbs[w] || i > 0 && othersMarkWords[ws[i-1]] {
			continue
		}
		j := i + 1
		if j < len(ws) && (ws[j] == "on" || ws[j] == "for" || ws[j] == "of") && ownRightNouns[w] {
			// The noun taken by the asker: first, or after "a", "any",
			// "file", "get" — not after "the", "their", "meta's".
			if i > 0 && !takingWords[ws[i-1]] {
				continue
			}
			j++
		}
		if j+1 < len(ws) && (ws[j] == "my" || ws[j] == "our") {
			k := j + 1
			if ws[k] == "own" && k+1 < len(ws) {
				k++
			}
			if !heldUnderLicense[ws[k]] && !recipients[ws[k]] {
				return true
			}
		}
	}
	return false
}

// ownRightVerbs are the words of taking or granting a right of one's own
// in a work: to trademark, patent, copyright or license it.
var ownRightVerbs = map[string]bool{"trademark": true, "trademarks": true, "patent": true, "patents": true,
	"copyright": true, "register": true, "license": true, "licence": true, "relicense": true,
	"relicence": true, "sublicense": true, "sublicence": true}

// ownRightNouns are those of ownRightVerbs that, as nouns, take the work
// after "on", "for" or "of": "patents on my remix".
var ownRightNouns = map[string]bool{"trademark": true, "trademarks": true, "patent": true, "patents": true,
	"copyright": true}

// takingWords may come before such a noun taken by the asker: "a patent
// on my adaptation", "file patents on my invention".
var takingWords = map[string]bool{"a": true, "an": true, "any": true, "file": true, "get": true,
	"getting": true, "seek": true, "obtain": true, "apply": true, "own": true, "register": true,
	"registering": true, "i": true, "we": true, "can": true, "to": true}

// othersMarkWords before a word of ownRightVerbs make it a use of another's:
// "use the trademark", "using patents".
var othersMarkWords = map[string]bool{"use": true, "uses": true, "using": true, "used": true, "the": true,
	"their": true, "its": true, "s": true}

// heldUnderLicense are what the asker holds under the license, not of
// their own: "sublicense my rights", "my licence", "my copy".
var heldUnderLicense = map[string]bool{"license": true, "licence": true, "licenses": true, "licences": true,
	"rights": true, "right": true, "access": true, "grant": true, "permission": true, "permissions": true,
	"copy": true, "copies": true}

// ownRightTopics are the topics whose FORBIDDEN withholds the
// licensor's right, which claimsOwnRight tells from the asker's own.
var ownRightTopics = map[string]bool{"trademark": true, "patents": true, "sublicensing": true}

// recipients are the people one licenses to: "sublicense my users".
var recipients = map[string]bool{"users": true, "user": true, "customers": true, "customer": true,
	"clients": true, "client": true, "employees": true, "staff": true, "team": true, "contractors": true,
	"partners": true, "affiliates": true, "subsidiaries": true, "licensees": true, "buyers": true}

// asksToReceive reports whether an English question asks what the asker
// receives, not what the asker owes: "do we get indemnity", "does llama 4
// come with indemnification", "is there indemnity for us", "am I
// indemnified", "does Meta indemnify us". A duty's REQUIRED ("you must
// indemnify Meta") would read as "yes, you get it" (hunt 23: twelve such,
// on Llama's and Qwen's indemnities). "do I need to get consent" asks a
// duty: "get" after "to" is the asker's act.
func asksToReceive(question string) bool {
	ws := letterWords(question)
	there := slices.Contains(ws, "there")
	for i, w := range ws {
		next := wordAt(ws, i+1)
		switch {
		case receivingVerbs[w] && i > 0 && askers[ws[i-1]]:
			return true // "do we get", "will I receive"
		case (w == "come" || w == "comes") && next == "with":
			return true
		case there && (w == "for" || w == "to") && (next == "us" || next == "me"):
			return true
		case receivedWords[w] && i > 0 && (ws[i-1] == "i" || ws[i-1] == "we") && i > 1 && (ws[i-2] == "am" || ws[i-2] == "are"):
			return true // "am I indemnified", "are we covered"
		case (w == "indemnify" || w == "indemnifies") && receivers[next]:
			return true
		}
	}
	return false
}

// receivingVerbs are the verbs of receiving something after its receiver.
var receivingVerbs = map[string]bool{"get": true, "receive": true, "obtain": true}

// receivedWords are the participles of being given a protection.
var receivedWords = map[string]bool{"indemnified": true, "covered": true, "protected": true, "defended": true}

// receivers are those a licensor would indemnify: the asker and theirs.
var receivers = map[string]bool{"us": true, "me": true, "you": true, "users": true, "licensees": true,
	"customers": true}

// askerIsLicensor reports whether an English question is asked by the
// licensor of the work, or of the licensor itself, not by a licensee: "as
// the licensor, can I sublicense?", "I'm the author of a cc by-nc work,
// can I use it commercially?", "my own cc by-nc photos, can I sell them",
// "source code for my own gpl app", "commercial use of my own work", "do
// the use restrictions apply to deepseek itself". A license's bans,
// duties and conditions bind "you", the licensee; its FORBIDDEN, REQUIRED
// or CONDITIONAL would read as binding the owner (hunt 23: sixteen such).
// "My own" before a derived work ("my own gpl fork", "my own llama
// finetune") is a licensee's.
func (s *snapshot) askerIsLicensor(r *reading, l *licenseMeta) bool {
	if introducedAsLicensor(r.text, l) {
		return true
	}
	// A company licenses the model licenses (Meta, Google): no asker's
	// word of having made the work makes the asker that company.
	made := !companyLicensed(l)
	if made && (madeItself.MatchString(r.text) || ownPictureFirst.MatchString(r.text)) {
		return true
	}
	ws := r.letterWords()
	for i, w := range ws {
		switch {
		case made && w == "my" && i > 1 && (ws[i-1] == "s" || ws[i-1] == "is") && (ws[i-2] == "it" || ws[i-2] == "this" || ws[i-2] == "that"):
			// "it's my own code", "this is my photo": a picture is its
			// taker's; code or a work, only one's "own".
			if i+2 < len(ws) && ws[i+1] == "own" && madeWorks[ws[i+2]] || i+1 < len(ws) && pictureWorks[ws[i+1]] {
				return true
			}
		case w == "as" || w == "m" && i > 0 && ws[i-1] == "i" || w == "am" || w == "re" && i > 0 && ws[i-1] == "we" ||
			w == "are" && i > 0 && ws[i-1] == "we":
			if ownerAt(ws, i+1, l) {
				return true
			}
		case w == "itself" || w == "themselves":
			if i > 0 && licensorOf(l, ws[i-1]) {
				return true
			}
		case w == "own" && i > 0 && ws[i-1] == "my" && i+1 < len(ws):
			rest := ws[i+1 : min(len(ws), i+5)]
			if slices.ContainsFunc(rest, func(x string) bool { return derivedWords[x] }) {
				continue
			}
			// "my own gpl app": the license's name, then the work.
			if st := s.stems(ws[i+1]); len(st) == 1 && s.nameStems[l.Key][st[0]] && hasLetter(st[0]) {
				return true
			}
			// "commercial use of my own work".
			if i > 1 && ws[i-2] == "of" && ownWorks[ws[i+1]] {
				return true
			}
		}
	}
	return false
}

// ownPictureFirst matches a question opening on a picture or a song of
// the asker's, set apart: "my photo, can I sell it?" (hunt 31); a picture
// is its taker's.
var ownPictureFirst = regexp.MustCompile(`(?i)^\W*my\s+(?:own\s+)?(?:photos?|pictures?|drawings?|paintings?|songs?|artwork)\s*[,:]`)

// introducedAsLicensor reports whether a question opens by naming its
// asker as l's licensor or the work's owner, tersely: "meta here,", "meta
// employee: built with llama?", "(meta employee) attribution?", "googler:
// attribution?", "author here: attribution?", "licensor: can I sell it?",
// "meta: can I sell it?" (hunt 31: 34 such verdicts read as binding the
// licensor). A company's name alone before the colon is the asker only
// where it is not the models' name too: "deepseek: attribution?" asks of
// the model.
func introducedAsLicensor(text string, l *licenseMeta) bool {
	m := selfIntroduction.FindStringSubmatch(strings.ToLower(text))
	if m == nil {
		return false
	}
	who, role := m[1], m[2]
	if role == "" && !strings.ContainsAny(m[3], ":)-–—") {
		return false // "meta, can I …" may address Meta
	}
	if strings.HasSuffix(who, "er") && licensorOf(l, strings.TrimSuffix(who, "r")) {
		return true // "googler"
	}
	if ownerWords[who] || licensorWords[who] && familyLicensors[who] == "" {
		return true // "author here", "licensor:"
	}
	if _, ok := licensorNamedAt([]string{who}, 0, l); !ok {
		return false
	}
	return role != "" || who != l.Family
}

// selfIntroduction matches a question's opening words naming its asker:
// one word, then a role ("here", "employee", "dev", "legal") or a colon,
// a dash or a closing bracket.
var selfIntroduction = regexp.MustCompile(`^\W*(\pL+)(?:\s+(here|employee|dev|developer|engineer|legal|lawyer|counsel|staff|intern|researcher))?\s*(here\b|[:)\-–—,])`)

// madeItself matches the asker saying they made the work, ending a
// sentence or a clause, or with "myself": "I made it.", "I wrote it: closed
// source?", "I made it, can I sell it?", "I wrote it myself", "if I drew it
// myself", "I took these photos myself". Not "I made it with Llama", nor
// "I made it!" (a success), nor "I made this, using Stable Diffusion".
var madeItself = regexp.MustCompile(`(?i)\bi\s+(?:made|created|wrote|drew|painted|photographed|composed|authored|coded|took|shot|recorded)\s+` +
	`(?:it|this|them|these|that|the)(?:\s+(?:photos?|pictures?|images?|songs?|tracks?|code|drawings?))?` +
	`(?:\s+(?:all\s+)?myself\b|\s*(?:[.?:]|$)|\s*,\s*(?:can|may|must|do|does|is|am|should|could)\b)`)

// companyLicensed reports whether a company licenses l's family (Meta,
// Google, Alibaba, DeepSeek: familyLicensors).
func companyLicensed(l *licenseMeta) bool {
	for _, f := range familyLicensors {
		if l != nil && l.Family == f {
			return true
		}
	}
	return false
}

// pictureWorks are the works "it's my …" says the asker made: a photo is
// the photographer's.
var pictureWorks = map[string]bool{"photo": true, "photos": true, "picture": true, "pictures": true,
	"image": true, "images": true, "drawing": true, "painting": true, "artwork": true, "art": true, "song": true}

// madeWorks are the works "it's my own …" says the asker made: not a
// project, a repository or a dataset, which may be built on another's.
var madeWorks = map[string]bool{"code": true, "photo": true, "photos": true, "image": true, "images": true,
	"picture": true, "pictures": true, "drawing": true, "painting": true, "song": true, "art": true,
	"artwork": true, "music": true, "writing": true, "work": true}

// ownerAt reports whether the owner of the work is named from ws[i] on,
// after "the", "its" or "the original": the licensor as licensorNamedAt
// says, or its author, creator or owner.
func ownerAt(ws []string, i int, l *licenseMeta) bool {
	definiteWord := func(w string) bool { return w == "the" || w == "its" }
	start := i
	i = skipping(ws, i, func(w string) bool { return definiteWord(w) || isArticle(w) || w == "original" })
	definite := slices.ContainsFunc(ws[start:i], definiteWord) // "the photographer", not "a photographer"
	if i >= len(ws) {
		return false
	}
	if _, ok := licensorNamedAt(ws, i, l); ok {
		return true
	}
	if definite && !companyLicensed(l) && (makerWords[ws[i]] || ws[i] == "copyright" && i+1 < len(ws) && (ws[i+1] == "holder" || ws[i+1] == "owner")) {
		return true // "I'm the photographer", "as the copyright holder"
	}
	return ownerWords[ws[i]]
}

// ownerWords name the one who holds the rights in a work.
var ownerWords = map[string]bool{"author": true, "authors": true, "creator": true, "creators": true,
	"owner": true, "owners": true, "licensor": true, "licensors": true, "rightsholder": true}

// makerWords name who made a work by their craft: the asker "the
// photographer" of a photo made the work; "a photographer" is a trade.
var makerWords = map[string]bool{"photographer": true, "illustrator": true, "artist": true, "painter": true,
	"composer": true, "songwriter": true}

// derivedWords name a work made from another's: "my own fork".
var derivedWords = map[string]bool{"fork": true, "forks": true, "finetune": true, "fine": true, "finetuned": true,
	"derivative": true, "derivatives": true, "modified": true, "modification": true, "modifications": true,
	"version": true, "adaptation": true, "adapted": true, "remix": true, "merge": true, "merged": true,
	"quant": true, "quantized": true, "lora": true, "adapter": true, "copy": true, "build": true,
	// A model of one's own is, for a model's license, most often one made
	// from the licensed one ("distill deepseek into my own model").
	"model": true, "models": true, "llm": true, "checkpoint": true}

// ownWorks are works one makes oneself: "commercial use of my own work".
var ownWorks = map[string]bool{"work": true, "works": true, "code": true, "photos": true, "photo": true,
	"images": true, "pictures": true, "art": true, "artwork": true, "music": true, "writing": true,
	"content": true, "software": true, "project": true, "library": true}

// withholdsSource reports whether an English question says the work goes
// out without its source: "binaries only", "only the binary", "without
// the source", "no source". Of a license whose card on source code is a
// duty (the GPL family, the MPL), a grant's ALLOWED or CONDITIONAL —
// "commercial use is permitted" — would read as "yes, binaries only",
// where the text requires the source with them (hunt 23: five such).
func withholdsSource(question string) bool {
	ws := letterWords(question)
	for i, w := range ws {
		next, prev := "", ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		if i > 0 {
			prev = ws[i-1]
		}
		switch {
		case binaryWords[w] && (next == "only" || prev == "only" || i > 1 && prev == "the" && ws[i-2] == "only"):
			return true
		case w == "source" && (prev == "no" || prev == "without" || i > 1 && prev == "the" && ws[i-2] == "without"):
			return true
		}
	}
	return false
}

// binaryWords name a work in compiled form.
var binaryWords = map[string]bool{"binary": true, "binaries": true, "executable": true, "executables": true,
	"compiled": true, "exe": true}

// sourceOwed reports whether the question says the work goes out without
// its source (withholdsSource) of a license that makes the source a duty.
func (s *snapshot) sourceOwed(r *reading, l *licenseMeta) bool {
	return s.cardStatus(l, "source-code") == StatusRequired && withholdsSource(r.text)
}

// locksDown reports whether an English question says the work goes out
// locked down — under DRM, a EULA, copy protection or obfuscation: what
// CC's ban on "Effective Technological Measures" and on "additional or
// different terms", and the GPL's on "further restrictions", are about. A
// grant's ALLOWED or CONDITIONAL ("commercial use is permitted") would
// read as "yes, with DRM" (hunt 23: eight such). A condition concept of
// these words, tried first, moved the question model's readings: a
// borderline "does share alike cover my adaptation?" fell under the
// confidence floor.
func locksDown(question string) bool {
	ws := letterWords(question)
	for i, w := range ws {
		if lockingWords[w] || i+1 < len(ws) && (w == "technological" && ws[i+1] == "measures" ||
			w == "copy" && ws[i+1] == "protection") {
			return true
		}
	}
	return false
}

// keptProprietary reports whether an English question puts the work
// under proprietary terms or an NDA ("can I sell it as proprietary?",
// "under NDA?"): a grant's ALLOWED on commercial use or sharing speaks of
// the work passed on under its license (hunt 42: the GNU licenses' and CC
// BY-SA's ALLOWED, whose works may go out under no other terms). A
// CONDITIONAL states what its conditions keep.
func keptProprietary(question string) bool {
	return slices.ContainsFunc(letterWords(question), func(w string) bool { return proprietaryWords[w] })
}

// sharesAlike reports whether l's card on copyleft is a duty (the GPL,
// the AGPL, CC BY-SA): not Apache's or MIT's leave to close the source,
// nor the LGPL's and the MPL's conditions, under which a proprietary
// larger work may hold the licensed one.
func (s *snapshot) sharesAlike(l *licenseMeta) bool {
	return s.cardStatus(l, "copyleft") == StatusRequired
}

// proprietaryWords put a work under terms of one's own.
var proprietaryWords = map[string]bool{"proprietary": true, "nda": true, "ndas": true, "closed": true}

// lockingWords name a lock on a work.
var lockingWords = map[string]bool{"drm": true, "eula": true, "eulas": true, "obfuscated": true, "obfuscate": true}

// othersTrainOnOutputs reports whether an English question asks whether
// someone other than the asker may train on the asker's outputs: "can
// openai train on my llama 3 outputs", "can others use the outputs I
// publish to train their models". A ban on using outputs to improve other
// models binds "you", the licensee (Llama 3's "You will not use … any
// output or results of the Llama Materials to improve any other large
// language model"); the one who receives the outputs is no party to it,
// and its FORBIDDEN would read as a ban on them (hunt 23: four such).
// Whether handing outputs over for that is the licensee's own breach,
// the text leaves open: the answer quotes the ban without a verdict.
func (s *snapshot) othersTrainOnOutputs(r *reading, l *licenseMeta, topic string) bool {
	if !trainsModel([]string{topic}) {
		return false
	}
	ws := r.letterWords()
	mine := false
	for i, w := range ws {
		if outputWords[w] && slices.ContainsFunc(ws[max(0, i-3):min(len(ws), i+4)], func(x string) bool { return askerWords[x] }) {
			mine = true
		}
	}
	if !mine {
		return false
	}
	for i, w := range ws {
		k := skipping(ws, i+1, func(w string) bool { return isArticle(w) || askersOwners[w] || w == "other" })
		if k == len(ws) || !(actingModals[w] || w == "for" && k+1 < len(ws) && ws[k+1] == "to") {
			continue
		}
		if _, ok := licensorNamedAt(ws, k, l); !ok && (otherActors[ws[k]] || partyNouns[ws[k]]) {
			return true
		}
	}
	return false
}

// outputWords name what a model outputs.
var outputWords = map[string]bool{"output": true, "outputs": true, "generations": true, "completions": true,
	"responses": true, "generated": true, "synthetic": true}

// askerWords are the asker's: "my outputs", "outputs we publish".
var askerWords = map[string]bool{"my": true, "our": true, "i": true, "we": true}

// actingModals open a question on what its subject may do.
var actingModals = map[string]bool{"can": true, "could": true, "may": true, "might": true, "would": true,
	"will": true, "is": true, "are": true}

// otherActors are parties other than the asker who may act on what the
// asker hands them: people in general, and the AI companies people name.
var otherActors = map[string]bool{"others": true, "anyone": true, "anybody": true, "someone": true,
	"somebody": true, "people": true, "third": true, "competitors": true, "competitor": true, "they": true,
	"openai": true, "google": true, "anthropic": true, "microsoft": true, "mistral": true, "deepmind": true,
	"nvidia": true, "apple": true, "amazon": true, "cohere": true, "xai": true}
