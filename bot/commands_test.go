package bot

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The command list reads like the README's table of commands: the same
// commands, in the same order, so a newcomer finds in commands.go what
// users see.
func TestCommandsAreTheREADMEsTableInOrder(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "### Commands\n")
	if !ok {
		t.Fatal("README.md has no ### Commands section")
	}
	table, _, _ = strings.Cut(strings.TrimLeft(table, "\n"), "\n\n") // the table ends at the first blank line
	row := regexp.MustCompile("(?m)^\\| (?:`/([a-z]+)[^`]*`|\\*\\*([^*]+)\\*\\*)")
	var readme []string
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		readme = append(readme, m[1]+m[2])
	}
	if len(readme) == 0 {
		t.Fatal("no commands found in the README's table")
	}
	var list []string
	for _, c := range Commands {
		list = append(list, c.Spec.Name)
	}
	if strings.Join(list, ", ") != strings.Join(readme, ", ") {
		t.Errorf("Commands is\n  %s\nthe README's table is\n  %s", strings.Join(list, ", "), strings.Join(readme, ", "))
	}
}

// Every button the bot puts on a message routes to a handler.
func TestEveryButtonPrefixIsRouted(t *testing.T) {
	for _, p := range []string{ClausePrefix, TopicPrefix, PinPrefix, PinnedPagePrefix, UnpinPrefix} {
		if Components[p] == nil {
			t.Errorf("no handler for %q buttons", p)
		}
	}
	if len(Components) != 5 {
		t.Errorf("%d component handlers; the prefixes above are 5", len(Components))
	}
}
