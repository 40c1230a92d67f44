package index

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
	StatusUnknown      Status = "unknown"
)

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

	// Presentation fields, not part of the JSON contract.
	LicenseTitle string `json:"-"`
	TopicLabel   string `json:"-"`
	// Curated is false when no verdict card covers the topic and the
	// clauses are only the best search matches.
	Curated bool `json:"-"`
	// URL is the official page of the license.
	URL string `json:"-"`
	// CorpusVersion and IndexedAt identify the index that answered.
	CorpusVersion string `json:"-"`
	IndexedAt     string `json:"-"`
}
