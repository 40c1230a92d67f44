package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The segmenter's fuzz target, FuzzSegment, is in segment_test.go; its
// seed corpus is in testdata/fuzz/FuzzSegment.

// FuzzLoaders decodes bytes as every kind of corpus file — manifest,
// topics, card, notes, questions, models — through the one decoder: each
// decodes or fails with an *Error naming the file; none panics. Seeds are
// in testdata/fuzz/FuzzLoaders.
func FuzzLoaders(f *testing.F) {
	f.Add([]byte("documents:\n  - id: mit\n    title: MIT License\n    kind: license\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "file.yaml")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		check := func(what string, err error) {
			var ce *Error
			if err != nil && (!errors.As(err, &ce) || ce.File != path) {
				t.Fatalf("%s: error %v does not name the file", what, err)
			}
		}
		_, err := LoadManifest(path)
		check("manifest", err)
		_, err = LoadTopics(path)
		check("topics", err)
		var c Card
		check("card", decodeYAMLFile(disk, path, &c))
		var n Notes
		check("notes", decodeYAMLFile(disk, path, &n))
		var qs []Question
		check("questions", decodeYAMLFile(disk, path, &qs))
		var ms Models
		check("models", decodeYAMLFile(disk, path, &ms))
	})
}
