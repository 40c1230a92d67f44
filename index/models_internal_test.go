package index

import "testing"

// A version name is a letter and a version, not a size or a number.
func TestVersionName(t *testing.T) {
	for v, want := range map[string]bool{"r1": true, "v3.1": true, "v2.5": true, "v3": true,
		"72b": false, "3.1": false, "r": false, "v3.": false, "q4km": false, "gpt4": false} {
		if got := versionName(v); got != want {
			t.Errorf("versionName(%q) = %v, want %v", v, got, want)
		}
	}
}
