package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

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

func TestCompareCommand(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("compare", "first", "llama3", "second", "llama4", "topic", "use outputs to train another model"))
	checkLimits(t, r)
	f := r.Data.Embeds[0].Fields
	if len(f) < 3 || !strings.HasPrefix(f[0].Value, "**Forbidden.**") || !strings.HasPrefix(f[1].Value, "**Conditional.**") {
		var got []string
		for _, x := range f {
			got = append(got, x.Name+": "+truncate(x.Value, 40))
		}
		t.Errorf("compare llama3 vs llama4 on outputs: %v", got)
	}
}

func TestReindexCommand(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	calls := 0
	d.Reindex = func(context.Context) (*index.BuildReport, error) {
		calls++
		return &index.BuildReport{Documents: 32, Clauses: 1371}, nil
	}
	admin := slash("reindex")
	admin.GuildID = "g"
	admin.Member.Permissions = permissionAdministrator
	r := dispatchOne(t, d, admin)
	if calls != 1 || !strings.Contains(r.Data.Content, "32 documents, 1371 clauses") || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("admin reindex: calls %d, reply %+v", calls, r.Data)
	}

	member := slash("reindex")
	member.GuildID = "g"
	member.Member.Permissions = 1 << 11 // send messages only
	r = dispatchOne(t, d, member)
	if calls != 1 || !strings.Contains(r.Data.Content, "Administrator") {
		t.Errorf("non-admin reindex: calls %d, reply %q", calls, r.Data.Content)
	}

	d.Reindex = func(context.Context) (*index.BuildReport, error) {
		return nil, errors.New("corpus/cards/llama4.yaml:12: reference llama4-license#9 does not resolve")
	}
	r = dispatchOne(t, d, admin)
	if !strings.Contains(r.Data.Content, "cards/llama4.yaml:12") || !strings.Contains(r.Data.Content, "previous index is still serving") {
		t.Errorf("failed reindex reply %q", r.Data.Content)
	}
}
