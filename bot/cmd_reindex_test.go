package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// reindexOnce dispatches /reindex, which defers at once, and returns the
// deferred response and the reply edited in afterwards.
func reindexOnce(t *testing.T, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, *discordgo.InteractionResponseData) {
	t.Helper()
	rec := newRecorder()
	NewDispatcher(d).Dispatch(context.Background(), i, rec)
	r := rec.only(t)
	validateResponse(t, r)
	select {
	case <-rec.edit:
	case <-time.After(5 * time.Second):
		t.Fatal("the deferred /reindex reply was never edited in")
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return r, rec.edits[len(rec.edits)-1]
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
	first, edit := reindexOnce(t, d, admin)
	if first.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || first.Data == nil || first.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("/reindex must defer privately at once, got %+v", first)
	}
	if calls != 1 || !strings.Contains(edit.Content, "32 documents, 1371 clauses") {
		t.Errorf("admin reindex: calls %d, edited reply %q", calls, edit.Content)
	}

	member := slash("reindex")
	member.GuildID = "g"
	member.Member.Permissions = 1 << 11 // send messages only
	_, edit = reindexOnce(t, d, member)
	if calls != 1 || !strings.Contains(edit.Content, "Administrator") {
		t.Errorf("non-admin reindex: calls %d, reply %q", calls, edit.Content)
	}

	d.ReindexGuilds = map[string]bool{"operators": true}
	_, edit = reindexOnce(t, d, admin)
	if calls != 1 || !strings.Contains(edit.Content, "not enabled for this server") {
		t.Errorf("admin of a server outside LICENSEBOT_REINDEX_GUILDS: calls %d, reply %q", calls, edit.Content)
	}
	d.ReindexGuilds = nil

	// A rebuild that started later finished first and serves: said so,
	// without the discarded build's counts.
	d.Reindex = func(context.Context) (*index.BuildReport, error) {
		return &index.BuildReport{Documents: 32, Clauses: 1371, Superseded: true}, nil
	}
	if _, edit = reindexOnce(t, d, admin); !strings.Contains(edit.Content, "started later") || strings.Contains(edit.Content, "1371") {
		t.Errorf("superseded reindex reply %q", edit.Content)
	}

	d.Reindex = func(context.Context) (*index.BuildReport, error) {
		return nil, errors.New("corpus/cards/llama4.yaml:12: reference llama4-license#9 does not resolve")
	}
	_, edit = reindexOnce(t, d, admin)
	if !strings.Contains(edit.Content, "cards/llama4.yaml:12") || !strings.Contains(edit.Content, "previous index is still serving") {
		t.Errorf("failed reindex reply %q", edit.Content)
	}
}
