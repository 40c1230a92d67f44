package main

import (
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/corpus"
)

// maxOption is the most characters Discord lets a user type into the
// /license command's topic option (its max_length).
const maxOption = 200

// readQuestions reads the questions of an eval file — a YAML list whose
// entries ask [license, words...] — as a user would type them: the words
// joined, cut to maxOption characters.
func readQuestions(path string) ([][2]string, error) {
	qs, err := corpus.ReadAsked(path)
	if err != nil {
		return nil, fmt.Errorf("-questions: %w", err)
	}
	for i, q := range qs {
		words := []rune(q[1])
		qs[i][1] = strings.TrimSpace(string(words[:min(len(words), maxOption)]))
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("-questions %s: no entry asks [license, words...]", path)
	}
	return qs, nil
}
