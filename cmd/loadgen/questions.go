package main

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxOption is the most characters Discord lets a user type into the
// /license command's topic option (its max_length).
const maxOption = 200

// readQuestions reads the questions of an eval file — a YAML list whose
// entries ask [license, words...] — as a user would type them: the words
// joined, cut to maxOption characters.
func readQuestions(path string) ([][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-questions: %w", err)
	}
	var entries []struct {
		Ask []string `yaml:"ask"`
	}
	if err := yaml.Unmarshal(b, &entries); err != nil {
		return nil, fmt.Errorf("-questions %s: %w", path, err)
	}
	var out [][2]string
	for _, e := range entries {
		if len(e.Ask) < 2 {
			continue
		}
		words := []rune(strings.Join(e.Ask[1:], " "))
		out = append(out, [2]string{e.Ask[0], strings.TrimSpace(string(words[:min(len(words), maxOption)]))})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("-questions %s: no entry asks [license, words...]", path)
	}
	return out, nil
}
