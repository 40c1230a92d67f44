package bot

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// permissionAdministrator is Discord's ADMINISTRATOR bit.
const permissionAdministrator int64 = 1 << 3

var adminOnly = permissionAdministrator

var reindexCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "reindex",
		Type:        discordgo.ChatApplicationCommand,
		Description: "Rebuild the license index from the corpus (administrators only).",
		// Hidden from everyone but administrators; handleReindex checks
		// again, since a server can override command permissions.
		DefaultMemberPermissions: &adminOnly,
		Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
	},
	Handle:    handleReindex,
	Ephemeral: true,
	// Defer at once and edit the reply with the result: a rebuild's time
	// depends on the corpus, and Discord's 3 seconds are not to be raced.
	DeferNow: true,
}

// handleReindex rebuilds the index and swaps it in while the bot keeps
// answering. Concurrent requests share one build (index.Engine.Rebuild);
// a failed build names the file and line and leaves the old index serving.
func handleReindex(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if i.Member == nil || i.Member.Permissions&permissionAdministrator == 0 {
		return nil, userErrorf("Only server administrators can rebuild the index (missing permission: Administrator).")
	}
	if d.Reindex == nil || len(d.ReindexGuilds) > 0 && !d.ReindexGuilds[i.GuildID] {
		return nil, userErrorf("Reindexing is not enabled for this server; the bot's operator can rebuild the index.")
	}
	start := d.now()
	r, err := d.Reindex(ctx)
	if err != nil {
		// Every problem, not just the first: a build reports all dangling
		// references at once so one edit can fix them all.
		msg := err.Error()
		d.logger().Error("reindex failed", "err", err, "user", userID(i))
		return ephemeral(fmt.Sprintf("❌ Reindex failed; the previous index is still serving.\n```\n%s\n```", truncate(msg, 1800))), nil
	}
	took := d.now().Sub(start).Round(time.Millisecond)
	d.logger().Info("reindexed", "documents", r.Documents, "clauses", r.Clauses, "took", took, "user", userID(i))
	if r.Superseded {
		return ephemeral("✅ Reindexed in " + took.String() + ", but a rebuild that started later (from the operator's shell, say) finished first; " +
			"it serves, and new answers come from it."), nil
	}
	return ephemeral("✅ Reindexed " + strconv.Itoa(r.Documents) + " documents, " + strconv.Itoa(r.Clauses) +
		" clauses in " + took.String() + ". New answers come from the new index."), nil
}
