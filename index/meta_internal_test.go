package index

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
)

// A meta written by another layout is another version's, to rebuild: the
// meta of mapping version 14 and before came without a version ahead of
// it, and its tables had other types, which gob cannot decode into these.
func TestMetaOfAnotherLayoutIsStale(t *testing.T) {
	type oldModel struct{ Hash []uint64 }
	type oldMeta struct {
		MappingVersion int
		QModel         *oldModel
	}
	for name, write := range map[string]func(*gob.Encoder) error{
		"no version ahead": func(e *gob.Encoder) error {
			return e.Encode(oldMeta{MappingVersion: 14, QModel: &oldModel{Hash: []uint64{1, 2}}})
		},
		"another version ahead": func(e *gob.Encoder) error {
			if err := e.Encode(MappingVersion + 1); err != nil {
				return err
			}
			return e.Encode(meta{MappingVersion: MappingVersion + 1})
		},
	} {
		dir := t.TempDir()
		var b bytes.Buffer
		if err := write(gob.NewEncoder(&b)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, metaFile), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readMeta(dir); !errors.Is(err, ErrStaleIndex) || !strings.Contains(err.Error(), "index build") {
			t.Errorf("%s: err = %v, want ErrStaleIndex asking for a rebuild", name, err)
		}
	}
}

// What writeMeta writes, readMeta reads, and a meta whose tables do not
// fit together is an error, not a panic at the first question.
func TestMetaTablesThatDoNotFitAreAnError(t *testing.T) {
	good := func() *meta {
		mem := layOut([][]string{{"name", "finetun"}, {"output", "train"}}, [][]string{{"l#naming"}, {"l#outputs", "l#naming"}})
		mem.Pairs = layOutQuestions([][]string{{"name finetun"}, {"output train"}}, [][]string{{"l#naming"}, {"l#outputs", "l#naming"}})
		q := &questionModel{Classes: []string{"a", "b"}, Bias: []float32{0, 0}, Hash: packed[uint64]{7}, W: []byte{128, 130}, Scale: 1}
		return &meta{MappingVersion: MappingVersion, Memory: mem, QModel: q, Features: flatten(map[string][]lexLink{"credit": {{"attribut", false}, {"acknowledg", true}}})}
	}
	dir := t.TempDir()
	if err := writeMeta(dir, good()); err != nil {
		t.Fatal(err)
	}
	if m, err := readMeta(dir); err != nil || len(m.Memory.Clauses) != 2 || m.Memory.Pairs == nil || m.Memory.Pairs.Vocab.len() != 2 || m.QModel.W[1] != 130 || !slices.Equal(m.Features.Derived, packed[uint64]{2}) {
		t.Fatalf("read back %+v, %v", m, err)
	}
	for name, spoil := range map[string]func(*meta){
		"a posting past the questions":        func(m *meta) { m.Memory.Post[0] = 99 },
		"a span that starts back":             func(m *meta) { m.Memory.Start[1], m.Memory.Start[2] = 3, 1 },
		"an answer past the clauses":          func(m *meta) { m.Memory.Answer[0] = 5 },
		"a centroid without its length":       func(m *meta) { m.Memory.Cent.Norm = m.Memory.Cent.Norm[:1] },
		"a centroid at no stem":               func(m *meta) { m.Memory.Cent.Place[0] = -1 },
		"a count at no place":                 func(m *meta) { m.Memory.Cent.Count = m.Memory.Cent.Count[1:] },
		"a clause without its counts":         func(m *meta) { m.Memory.Cent.Words = m.Memory.Cent.Words[:1] },
		"a clause without its asked":          func(m *meta) { m.Memory.Cent.Asked = m.Memory.Cent.Asked[:1] },
		"weights short of a row":              func(m *meta) { m.QModel.W = m.QModel.W[:1] },
		"a link past the lexicon":             func(m *meta) { m.Features.Links[0] = 9 },
		"derivations past the links":          func(m *meta) { m.Features.Derived = packed[uint64]{1, 1} },
		"no starts":                           func(m *meta) { m.Memory.AnswerStart = nil },
		"a pair's posting past the questions": func(m *meta) { m.Memory.Pairs.Post[0] = 99 },
		"pairs within pairs":                  func(m *meta) { m.Memory.Pairs.Pairs = m.Memory.Pairs },
		"a term past the vocabulary's text":   func(m *meta) { m.Memory.Pairs.Vocab.End[1] = 99 },
		"a term that ends before the last":    func(m *meta) { m.Memory.Vocab.End[1] = 0 },
		"a vocabulary text past its terms":    func(m *meta) { m.Memory.Vocab.Text += "x" },
	} {
		m := good()
		spoil(m)
		if err := m.check(); err == nil {
			t.Errorf("%s: check passed", name)
		}
	}
}

// The illicit stems leave out words under four letters and a stem a word
// of the vocabulary shares without being illicit ("gaming" and "game"),
// but not one its plural or its verb's forms share ("bombs" of "bomb",
// "killed" and "stabbed" of "kill" and "stab").
func TestIllicitStems(t *testing.T) {
	words := map[string]string{"meth": "controlled_substance", "gaming": "wrongdoing", "bomb": "explosive_device", "gin": "drug_of_abuse",
		"kill": "kill", "stab": "violence"}
	lex := []corpus.LexRow{{Word: "game", Relation: "syn", Related: []string{"play"}}, {Word: "bombs", Relation: "der", Related: []string{"bomber"}},
		{Word: "killed", Relation: "der", Related: []string{"killer"}}, {Word: "stabbed", Relation: "syn", Related: []string{"knife"}}}
	got := illicitStems(buildStems(), words, lex)
	stem := func(w string) string { return buildStems()(w)[0] }
	want := []string{stem("bomb"), stem("meth"), stem("kill"), stem("stab")}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("illicitStems = %v, want %v", got, want)
	}
}
