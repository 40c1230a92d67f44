package bot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index/indextest"
)

// Sections read as people cite them in /clause, the Full clause button and
// /search: "¶3", never the index's "p3".
func TestClauseLabelsAsPeopleCiteThem(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	e := dispatchOne(t, d, press("clause:llama4:llama4-aup#p3")).Data.Embeds[0]
	if !strings.HasPrefix(e.Title, "Llama 4 Acceptable Use Policy ¶3") {
		t.Errorf("full clause title %q", e.Title)
	}
	e = dispatchOne(t, d, press("clause:mit:mit#p2")).Data.Embeds[0]
	if !strings.HasPrefix(e.Title, "MIT License ¶2") {
		t.Errorf("full clause title %q", e.Title)
	}
	body := strings.SplitN(e.Description, "\n\n[Official text]", 2)[0]
	if strings.HasSuffix(body, ":") {
		t.Errorf("full clause ends at the colon of its list: …%q", body[max(0, len(body)-60):])
	}
	e = dispatchOne(t, d, slash("clause", "license", "cc-by-4.0", "section", "3.a.1")).Data.Embeds[0]
	if !strings.Contains(e.Description, "\n`a.v` a URI or hyperlink") {
		t.Errorf("/clause of a list: %q", e.Description)
	}
	r := dispatchOne(t, d, slash("search", "query", "grant of patent license", "license", "mit"))
	for _, f := range r.Data.Embeds[0].Fields {
		if internalID.MatchString(f.Name) {
			t.Errorf("search field %q", f.Name)
		}
	}
}

// internalID matches a paragraph or bullet id of the index ("p3", "b2",
// "1.p2") where people should read "¶3" or "•2".
var internalID = regexp.MustCompile(`(^|[\s§(\[.])[pb]\d+($|[\s.)\]])`)

// press is a click on the button with customID.
func press(customID string) *discordgo.Interaction {
	return &discordgo.Interaction{ID: "7", Type: discordgo.InteractionMessageComponent, Token: "t",
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
		Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent}}
}
