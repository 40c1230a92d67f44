package bot

import (
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

func TestOpenSourceCommand(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("opensource", "license", "Llama 4"))
	checkLimits(t, r)
	e := r.Data.Embeds[0]
	if !strings.Contains(e.Description, "OSD 5") || !strings.Contains(e.Description, "OSD 6") {
		t.Errorf("llama4 verdict %q does not name OSD 5 and 6", e.Description)
	}
	var osd, osaid int
	for _, f := range e.Fields {
		switch {
		case strings.Contains(f.Name, "OSD "):
			osd++
		case strings.Contains(f.Name, "OSAID"):
			osaid++
		}
	}
	if osd != 10 || osaid != 5 {
		t.Errorf("%d OSD and %d OSAID fields; want 10 and 5", osd, osaid)
	}
	r = dispatchOne(t, d, slash("opensource", "license", "apache2"))
	if !strings.HasPrefix(r.Data.Embeds[0].Description, "**Yes.**") {
		t.Errorf("Apache-2.0: %q", r.Data.Embeds[0].Description)
	}
}

// OSI's approval is denied only where the manifest denies it: a license
// whose osi is missing or unknown is not said to lack it (review).
func TestOpenSourceSaysOSIOnlyAsTheManifestDoes(t *testing.T) {
	for osi, want := range map[string]bool{"not-approved": true, "approved": false, "": false, "pending": false} {
		r := RenderOpenSource(&index.Assessment{License: "x", OSD: "pass", OSI: osi}, index.Stats{}, nil)
		if got := strings.Contains(r.Data.Embeds[0].Description, "OSI has not approved"); got != want {
			t.Errorf("osi %q: %q; want OSI's approval denied: %v", osi, r.Data.Embeds[0].Description, want)
		}
	}
}
