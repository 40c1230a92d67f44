package index

import "fmt"

// check reports a meta whose number tables do not fit together — a
// posting past the questions, a row past the weights — which answering
// would index out of range. A build's files pass their checksums before
// the meta is read, so only a binary that wrote another layout under the
// same mapping version could cause it; this makes that an error to report
// rather than a panic at the first question.
func (m *meta) check() error {
	if q := m.QModel; q != nil {
		if len(q.Bias) != len(q.Classes) || len(q.W) != len(q.Hash)*len(q.Classes) {
			return fmt.Errorf("question model: %d weights for %d features of %d classes (%d biases)",
				len(q.W), len(q.Hash), len(q.Classes), len(q.Bias))
		}
	}
	if mem := m.Memory; mem != nil {
		if err := mem.check(); err != nil {
			return fmt.Errorf("question memory: %w", err)
		}
	}
	if fd := m.Features; fd != nil {
		if err := checkSpans("lexicon", fd.Start, len(fd.Words), fd.Links, len(fd.Vocab)); err != nil {
			return err
		}
		// derive reads no bit past Derived, so this is no panic averted:
		// bits for links that are not there mean another layout.
		if len(fd.Derived) > (len(fd.Links)+63)/64 {
			return fmt.Errorf("lexicon: %d words of derivation bits for %d links", len(fd.Derived), len(fd.Links))
		}
	}
	return nil
}

// check is meta.check for the memory: its postings, the clauses that
// answered each question, and the centroids.
func (mem *questionMemory) check() error {
	if err := mem.checkTables(true); err != nil {
		return err
	}
	if p := mem.Pairs; p != nil {
		if p.Pairs != nil {
			return fmt.Errorf("pairs: a memory of pairs inside the memory of pairs")
		}
		if err := p.checkTables(false); err != nil {
			return fmt.Errorf("pairs: %w", err)
		}
	}
	return nil
}

// checkTables checks the postings, the answers and, where the memory has
// them, the clauses' centroids (the memory of pairs has none: see
// rememberQuestions).
func (mem *questionMemory) checkTables(withCentroids bool) error {
	if err := mem.Vocab.check(); err != nil {
		return err
	}
	if err := checkSpans("postings", mem.Start, mem.Vocab.len(), mem.Post, len(mem.Norm)); err != nil {
		return err
	}
	if err := checkSpans("answers", mem.AnswerStart, len(mem.Norm), mem.Answer, len(mem.Clauses)); err != nil {
		return err
	}
	if !withCentroids {
		return nil
	}
	c := &mem.Cent
	if len(c.W) != len(c.Place) || len(c.Count) != len(c.Place) || len(c.Norm) != len(mem.Clauses) ||
		len(c.Asked) != len(mem.Clauses) || len(c.Words) != len(mem.Clauses) {
		return fmt.Errorf("centroids: %d weights and %d counts at %d places, %d lengths, %d question counts and %d word counts for %d clauses",
			len(c.W), len(c.Count), len(c.Place), len(c.Norm), len(c.Asked), len(c.Words), len(mem.Clauses))
	}
	return checkSpans("centroids", c.Start, len(mem.Clauses), c.Place, mem.Vocab.len())
}

// check reports terms whose ends do not cut their text: an end before the
// one ahead of it, or past the text (at would slice out of range), or a
// text longer than the last end.
func (t *terms) check() error {
	last := int32(0)
	for i, end := range t.End {
		if end < last || int(end) > len(t.Text) {
			return fmt.Errorf("vocabulary: term %d ends at %d, after %d, in a text of %d bytes", i, end, last, len(t.Text))
		}
		last = end
	}
	if int(last) != len(t.Text) {
		return fmt.Errorf("vocabulary: %d terms end at %d, in a text of %d bytes", len(t.End), last, len(t.Text))
	}
	return nil
}

// checkSpans checks a flat layout: n spans of values, span i being
// values[start[i]:start[i+1]], each value a place below limit.
func checkSpans(what string, start []int32, n int, values []int32, limit int) error {
	if len(start) != n+1 || start[0] != 0 || int(start[n]) != len(values) {
		return fmt.Errorf("%s: %d starts for %d spans of %d values", what, len(start), n, len(values))
	}
	for i := 1; i <= n; i++ {
		if start[i] < start[i-1] {
			return fmt.Errorf("%s: span %d starts before span %d", what, i, i-1)
		}
	}
	for _, v := range values {
		if v < 0 || int(v) >= limit {
			return fmt.Errorf("%s: place %d outside 0..%d", what, v, limit-1)
		}
	}
	return nil
}
