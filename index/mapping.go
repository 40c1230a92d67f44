package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// MappingVersion changes whenever the mapping, the analyzers or the meta
// file change shape. An index built with another version is refused by Open
// with a message to rebuild, instead of answering from a stale layout.
const MappingVersion = 35 // 35: the meta carries the illicit words

// Analyzer and field names live here and nowhere else.
const (
	analyzerText    = en.AnalyzerName // unicode tokens, possessives, lower case, stop words, Porter stemming
	analyzerKeyword = keyword.Name

	fieldDoc      = "doc"
	fieldLicenses = "licenses" // license keys whose answers may quote the clause
	fieldKind     = "kind"
	fieldSection  = "section"
	fieldHeading  = "heading"
	fieldParents  = "parents"
	fieldText     = "text"
	fieldTopics   = "topics" // topics whose cards cite the clause
)

// clauseDoc is what is indexed per clause. Text is not stored: answers take
// it from the meta file, so hits need only the document id.
type clauseDoc struct {
	Doc      string   `json:"doc"`
	Licenses []string `json:"licenses"`
	Kind     string   `json:"kind"`
	Section  string   `json:"section"`
	Heading  string   `json:"heading"`
	Parents  string   `json:"parents"`
	Text     string   `json:"text"`
	Topics   []string `json:"topics"`
}

// buildMapping is the one place the index mapping is defined.
func buildMapping() mapping.IndexMapping {
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	textField := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerText
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true // phrase queries need positions
		f.DocValues = false
		return f
	}
	clause := bleve.NewDocumentStaticMapping()
	clause.AddFieldMappingsAt(fieldDoc, keywordField())
	clause.AddFieldMappingsAt(fieldLicenses, keywordField())
	clause.AddFieldMappingsAt(fieldKind, keywordField())
	clause.AddFieldMappingsAt(fieldSection, keywordField())
	clause.AddFieldMappingsAt(fieldTopics, keywordField())
	clause.AddFieldMappingsAt(fieldHeading, textField())
	clause.AddFieldMappingsAt(fieldParents, textField())
	clause.AddFieldMappingsAt(fieldText, textField())

	m := bleve.NewIndexMapping()
	// BM25 saturates term frequency and softens the length norm, so a
	// three-word bullet does not outrank the clause that says it all.
	m.ScoringModel = index.BM25Scoring
	m.DefaultMapping = clause
	m.DefaultAnalyzer = analyzerText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
