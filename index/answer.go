package index

import (
	"slices"
	"strings"
)

// Status is a verdict's one-word answer. The values are part of the JSON
// contract in DESIGN.md.
type Status string

// The statuses a verdict can have.
const (
	StatusRequired     Status = "required"
	StatusAllowed      Status = "allowed"
	StatusForbidden    Status = "forbidden"
	StatusConditional  Status = "conditional"
	StatusNotAddressed Status = "not-addressed"
	// StatusInfo answers a topic that states a fact (warranty, liability,
	// governing law) rather than a permission.
	StatusInfo    Status = "info"
	StatusUnknown Status = "unknown"
)

// strictness orders statuses for a question with two aspects: the
// stricter verdict leads.
var strictness = map[Status]int{StatusForbidden: 5, StatusConditional: 4, StatusRequired: 3,
	StatusAllowed: 2, StatusNotAddressed: 1, StatusInfo: 0, StatusUnknown: -1}

// Condition is one thing a verdict depends on: a condition of the topic,
// or a gate of the whole license (Gate is its id) with the clause that
// imposes it.
type Condition struct {
	Label   string `json:"label"`
	Gate    string `json:"gate,omitempty"`
	Doc     string `json:"doc,omitempty"`
	Section string `json:"section,omitempty"`
	// Policy is set when Doc is a use policy the license incorporates, so
	// the section is cited as the policy's ("AUP ¶3"); presentation only.
	Policy bool `json:"-"`
}

// Aspect is a second topic of a question with two ("commercial nuclear
// plant"): its verdict, shown after the stricter one that leads.
type Aspect struct {
	Topic      string      `json:"topic"`
	Label      string      `json:"label"`
	Verdict    Verdict     `json:"verdict"`
	Conditions []Condition `json:"conditions"`
}

// ModelRef names the model a user asked about instead of a license, the
// licenses that govern it and where that comes from.
type ModelRef struct {
	Name     string   `json:"name"`
	Licenses []string `json:"licenses"`
	Source   string   `json:"source"`
	Why      string   `json:"-"`
	// Unindexed are the titles of the model's licenses whose texts are not
	// in the corpus, when an answer's About names such a model: no license
	// here answers for it, so there is nothing to ask instead.
	Unindexed []string `json:"-"`
}

// Subject is what to ask of the model or license m names: its license,
// or the model itself when it is under two, answered for both.
func (m *ModelRef) Subject() string {
	if len(m.Licenses) > 1 {
		return m.Name
	}
	return m.Licenses[0]
}

// CatalogueText says which licenses the catalogue puts each of ms under
// (see Answer.Catalogue), with name writing a model's name and license a
// license's key as the reader should see them: "A and B are both under
// llama4." when they share their licenses, else "A is under x; B is
// under y." "" for none.
func CatalogueText(ms []ModelRef, name, license func(string) string) string {
	under := func(m ModelRef) string {
		ls := make([]string, len(m.Licenses))
		for i, k := range m.Licenses {
			ls[i] = license(k)
		}
		return strings.Join(ls, " and ")
	}
	same := len(ms) > 1
	for _, m := range ms[min(1, len(ms)):] {
		same = same && slices.Equal(m.Licenses, ms[0].Licenses)
	}
	if same {
		names := make([]string, len(ms))
		for i, m := range ms {
			names[i] = name(m.Name)
		}
		both := "all"
		if len(ms) == 2 {
			both = "both"
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " are " + both + " under " + under(ms[0]) + "."
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = name(m.Name) + " is under " + under(m)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}

// Verdict is the curated plain-language answer for one license and topic.
type Verdict struct {
	Status  Status `json:"status"`
	Summary string `json:"summary"`
}

// Hit is one clause returned by a search or quoted by an answer. Text is
// verbatim from the indexed document.
type Hit struct {
	Doc     string   `json:"doc"`
	Section string   `json:"section"`
	Heading string   `json:"heading"`
	Text    string   `json:"text"`
	Score   float64  `json:"score"`
	Parents []string `json:"-"`
	// Matched are the query terms as they appear in Text (original case),
	// for renderers that bold them.
	Matched []string `json:"-"`
	// URL is the official page of the clause's document.
	URL string `json:"-"`
	// DocTitle is the human title of the clause's document.
	DocTitle string `json:"-"`
	// Lead is the text of the clause that introduces the list this
	// clause is an item of ("You must not use any of the Gemma Services:"
	// before "in violation of applicable laws and regulations."), which
	// the item does not say alone; "" for a clause that is no item.
	// Presentation only.
	Lead string `json:"-"`
	// Policy is set when the clause's document is a use policy, which a
	// license incorporates: it is cited as the policy's ("AUP ¶3"), the
	// way `clause` takes it back. Presentation only.
	Policy bool `json:"-"`
	// Display is the clause as renderers show it when it differs from Text
	// (a boxed section, whose Text is cut into verbatim pieces).
	Display string `json:"-"`
	// Items are the sub-items of the section, for a clause that
	// introduces a list or a heading that only groups items.
	Items []Hit `json:"items,omitempty"`
	// Focus are the sections of the items the question points to, best
	// first (see focusItems): a renderer with no room for the whole list
	// shows these.
	Focus []string `json:"-"`
	// AlsoIn are the other places holding the same clause — another
	// version of the license (Llama 2's §2 is Llama 3's), best first. Search
	// shows such a clause once and sets AlsoIn on every hit, so search JSON
	// always has the key; answers' clauses leave it nil and omit it.
	AlsoIn []Location `json:"also_in,omitzero"`
}

// Location names a clause: its document and section.
type Location struct {
	Doc     string `json:"doc"`
	Section string `json:"section"`
}

// OpenSource is the short form of a license's Open Source Definition
// assessment, as shown on every answer.
type OpenSource struct {
	OSD    string `json:"osd"` // "pass" or "fail"
	Failed []int  `json:"failed"`
}

// Pinned points at a moderator-pinned answer to the same question.
type Pinned struct {
	GuildID   string `json:"guild_id"`
	ChannelID string `json:"channel_id"`
	MessageID string `json:"message_id"`
	URL       string `json:"url"`
}

// Answer is the engine's reply to (license, topic). Its JSON form is the
// stable contract printed by `licensebot ask --json`.
type Answer struct {
	License    string      `json:"license"`
	Topic      string      `json:"topic"`
	Verdict    Verdict     `json:"verdict"`
	Clauses    []Hit       `json:"clauses"`
	OpenSource *OpenSource `json:"opensource"`
	Pinned     *Pinned     `json:"pinned"`
	// Suggestions are the likeliest topics when the question was not
	// understood well enough for a verdict; empty otherwise.
	Suggestions []TopicScore `json:"suggestions"`
	// Model is the model named instead of a license, or nil.
	Model *ModelRef `json:"model"`
	// Conditions are what the verdict depends on ("Only if: …"): the
	// topic's own conditions and the license's gates.
	Conditions []Condition `json:"conditions"`
	// Also holds the verdict on a second aspect of the question.
	Also []Aspect `json:"also"`
	// Others answers the same question for the other licenses of a model
	// under two (a distillation: MIT and its base model's license).
	Others []*Answer `json:"others"`
	// About is the other model or license of the corpus that a question
	// without a verdict also names ("can I use YOLOv8 commercially?" asked
	// of Gemma): the one to ask if the question is about it — it may only
	// be compared with, or relicensed to. Nil otherwise.
	About *ModelRef `json:"about"`
	// Closest is the card of the topic the question was read as, when the
	// question asks more narrowly than the card answers: context for the
	// reader, not the verdict (which is unknown). Nil otherwise.
	Closest *Aspect `json:"closest"`
	// Catalogue holds the catalogued models a question asking which
	// license a work is under names, besides the model asked of, each with
	// the licenses the catalogue puts it under: its answer to "is llama 4
	// scout under a different license than llama 4 maverick?", which no
	// card gives (see asksWhichLicense). Empty otherwise, and in Others:
	// the reply says it once.
	Catalogue []ModelRef `json:"catalogue"`

	// Presentation fields, not part of the JSON contract.
	LicenseTitle string `json:"-"`
	TopicLabel   string `json:"-"`
	// Curated is false when no verdict card covers the topic and the
	// clauses are only the best search matches.
	Curated bool `json:"-"`
	// Grounded is true when the clauses are those the verdict rests on;
	// false when they are only the closest matches (no verdict, or a
	// verdict that the text does not address the topic).
	Grounded bool `json:"-"`
	// QuotesGrant is true when an ungrounded verdict's clause is the
	// license's grant, quoted because none of the question's words is in
	// the text: what the license does say, not a match.
	QuotesGrant bool `json:"-"`
	// URL is the official page of the license.
	URL string `json:"-"`
	// CorpusVersion and IndexedAt identify the index that answered.
	CorpusVersion string `json:"-"`
	IndexedAt     string `json:"-"`
}

// LeadIn is the end of the clause's Lead, at most max runes cut at a word
// and opened with "…", or all of it when it fits: the words just before
// the item ("…including use of Llama 4 related to the following:") are
// what make it a ban. "" without a lead.
func (h Hit) LeadIn(max int) string {
	lead := strings.Join(strings.Fields(h.Lead), " ")
	r := []rune(lead)
	if len(r) <= max {
		return lead
	}
	cut := len(r) - max + 1
	tail := string(r[cut:])
	// A word the cut falls in is left out whole; one it falls before stays.
	if i := strings.IndexByte(tail, ' '); r[cut-1] != ' ' && i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	return "…" + strings.TrimLeft(tail, " ")
}
