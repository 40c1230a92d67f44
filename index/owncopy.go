package index

import (
	"regexp"
	"slices"
	"strings"
)

// A license calls itself "this Agreement", "this License" or "this Public
// License"; people call it "the license", "the licence", "the terms" or
// "the LICENSE file". Asked for a copy of the license ("do I have to ship
// the license text?"), the clause that hands over a copy of the document
// itself ("provide a copy of this Agreement with any such Llama
// Materials", Apache's "give any other recipients … a copy of this
// License", CC's "include the text of, or the URI or hyperlink to, this
// Public License") answers, not a neighbour about notices that also says
// "copy" and "license" (Llama's Notice text file, Apache's NOTICE file).

// selfCopy matches the words of handing over the document's own text
// (the LGPL's "a copy of the GNU GPL and this license document"), and of
// the GPL family's interface telling "how to view a copy of this
// License" (a definition, which hands nothing over).
var selfCopy = regexp.MustCompile(`\b(view a )?(?:copy|copies|text) of(?:, or the URI or hyperlink to,)?(?: the GNU GPL and)? this (?:Public )?(?:License|Agreement|license document)\b`)

// handsOverSelf reports whether a clause hands over the document's own
// text.
func handsOverSelf(text string) bool {
	// Most clauses say neither: the expression over every clause, at
	// every open, cost a whole-process ask about 10 ms.
	if !strings.Contains(text, "cop") && !strings.Contains(text, "text of") {
		return false
	}
	for _, m := range selfCopy.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 {
			return true
		}
	}
	return false
}

// selfWords are the words by which people name the license they ask
// about as a document.
var selfWords = map[string]bool{"license": true, "licence": true, "licenses": true, "licences": true,
	"agreement": true, "terms": true}

// selfCarriers are the words that, shortly before the license's name,
// ask for its text to go along: "a copy of the license", "include the
// apache license", "a link to the licence"; and the weaker selfPlacers.
var selfCarriers = map[string]bool{"copy": true, "copies": true, "text": true, "include": true,
	"includes": true, "including": true, "included": true, "ship": true, "ships": true, "shipping": true,
	"bundle": true, "paste": true, "attach": true, "provide": true, "give": true, "hand": true,
	"keep": true, "retain": true, "link": true, "linking": true, "hyperlink": true, "url": true, "uri": true,
	"accompany": true, "reproduce": true, "providing": true, "giving": true, "bundling": true,
	"attaching": true, "pasting": true}

// selfCarried are the words that, shortly after the license's name, ask
// for it to go along: "must the license be included", "do the gemma terms
// need to be shipped".
// Not "provided" or "given": "the license provided by Meta" names it.
var selfCarried = map[string]bool{"included": true, "shipped": true, "bundled": true,
	"attached": true, "pasted": true, "kept": true, "retained": true, "linked": true, "reproduced": true}

// selfBreakers end the look back from the license's name: what comes
// before them is another part of the sentence ("copy the code, what does
// the license say", "give credit under the license"), or makes the
// license another than the document's text: the asker's own ("hand my
// license over", "with my own license file") or one of another kind
// ("give me a trademark license", "give other terms"); and "give up the
// mit license" leaves a license, carrying none.
var selfBreakers = map[string]bool{"under": true, "from": true, "with": true, "without": true,
	"in": true, "on": true, "for": true, "if": true, "when": true, "and": true, "or": true, "but": true,
	"is": true, "are": true, "does": true, "do": true, "says": true, "say": true, "that": true,
	"which": true, "what": true, "require": true, "requires": true, "allow": true, "allows": true,
	"my": true, "our": true, "own": true, "your": true, "me": true, "us": true,
	"other": true, "another": true, "separate": true, "different": true, "new": true, "extra": true,
	"additional": true, "up": true, "follow": true, "following": true, "trademark": true, "patent": true, "commercial": true, "enterprise": true}

// selfPlacers ask for the license to go along only of a license already
// there ("add qwen's license to the PR", "put their licenses", "show the
// llama2 license"), not of one chosen: "add a license to my fine-tune"
// is the asker's own (as is "include a license", below).
var selfPlacers = map[string]bool{"add": true, "put": true, "show": true, "display": true}

// selfLookBack is how many words before the license's name may ask for
// its copy: "a copy of the llama community license" is five.
const selfLookBack = 5

// selfDuties are the words by which a question mentioning "the license
// file" or "the license text" asks whether it must go along ("do i still
// need the license file", "must the LICENSE file be in the zip"); without
// one, the file is what the sentence speaks of ("the LICENSE file in our
// fork points to Meta's terms").
var selfDuties = map[string]bool{"need": true, "needs": true, "needed": true, "must": true,
	"have": true, "has": true, "require": true, "requires": true, "required": true,
	"mandatory": true, "obligated": true, "obliged": true, "should": true, "enough": true,
	"necessary": true, "present": true, "put": true, "add": true, "ok": true, "okay": true}

// asksOwnCopy reports whether an English question asks for the license's
// own text to go along: its name followed by "text", "file" or "copy"
// ("the license text", "the LICENSE file") in a question of a duty, or
// preceded, within selfLookBack words and no break, by a word of carrying
// it, or followed by one of its being carried ("be included"). A question of notices is not: "a NOTICE file, or is the LICENSE
// file enough" asks of the clause on notices, which the ranking finds.
func asksOwnCopy(words []string) bool {
	duty := false
	for _, w := range words {
		if w == "notice" || w == "notices" {
			return false
		}
		// "the license text says …" has a carrier's word, and asks none.
		duty = duty || selfDuties[w] || selfCarriers[w] && w != "text" && w != "copy" && w != "copies"
	}
	for i, w := range words {
		if !selfWords[w] || i > 0 && selfBreakers[words[i-1]] {
			continue
		}
		if slices.ContainsFunc(words[i+1:min(len(words), i+4)], func(x string) bool {
			return strings.HasPrefix(x, "terminat") || strings.HasPrefix(x, "expir") || x == "ends" || x == "ended" || x == "revoked"
		}) {
			continue // "after the agreement ends", "once the license is terminated"
		}
		if duty && i+1 < len(words) && (words[i+1] == "text" || words[i+1] == "file" || words[i+1] == "txt" || words[i+1] == "copy") {
			return true
		}
		// An "a" or "an" between makes the license one chosen: "include a
		// license in my repo", "give a license to my users".
		for j := i - 1; j >= 0 && j >= i-selfLookBack && !selfBreakers[words[j]] && words[j] != "a" && words[j] != "an"; j-- {
			if selfCarriers[words[j]] || selfPlacers[words[j]] {
				return true
			}
		}
		for j := i + 1; j < len(words) && j <= i+selfLookBack && !selfBreakers[words[j]]; j++ {
			if selfCarried[words[j]] {
				return true
			}
		}
	}
	return false
}
