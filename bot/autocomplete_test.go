package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index/indextest"
)

// autocomplete types typed into the focused option of cmd and returns the
// choices offered, validated as Discord would.
func autocomplete(t *testing.T, d *Deps, cmd, focus, typed string, other ...string) []*discordgo.ApplicationCommandOptionChoice {
	t.Helper()
	i := slash(cmd, other...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	data := i.Data.(discordgo.ApplicationCommandInteractionData)
	data.Options = append(data.Options, &discordgo.ApplicationCommandInteractionDataOption{Name: focus, Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true})
	i.Data = data
	return dispatchOne(t, d, i).Data.Choices
}

func offers(choices []*discordgo.ApplicationCommandOptionChoice, value string) int {
	for n, c := range choices {
		if c.Value == value {
			return n
		}
	}
	return -1
}

// Every option that takes a license offers the catalogue's models too, by
// any name people give them; licenses stay first where they match as well.
func TestLicenseOptionsOfferModels(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	for _, c := range []struct{ cmd, focus, typed, want string }{
		{"license", "license", "qwen2.5-7", "Qwen2.5-7B-Instruct"},
		{"license", "license", "Qwen/Qwen2.5-7B", "Qwen2.5-7B-Instruct"},
		{"compare", "second", "deepseek-r1-distill-llama-8", "DeepSeek-R1-Distill-Llama-8B"},
		{"clause", "license", "gemma-3-27b", "gemma-3-27b-it"},
		{"opensource", "license", "stable-diffusion-v1-5", "stable-diffusion-v1-5"},
	} {
		got := autocomplete(t, d, c.cmd, c.focus, c.typed)
		n := offers(got, c.want)
		if n < 0 {
			var names []string
			for _, x := range got {
				names = append(names, x.Name)
			}
			t.Errorf("/%s %s %q: %s not offered among %q", c.cmd, c.focus, c.typed, c.want, names)
			continue
		}
		if !strings.Contains(got[n].Name, "(model · ") {
			t.Errorf("model choice %q does not say it is a model and its license", got[n].Name)
		}
	}
	got := autocomplete(t, d, "license", "license", "llama4")
	if len(got) == 0 || got[0].Value != "llama4" {
		t.Errorf("the license before its models: %+v", got)
	}
	got = autocomplete(t, d, "license", "license", "qwen2.5")
	if len(got) == 0 || got[0].Value != "qwen2.5" || offers(got, "Qwen2.5-72B-Instruct") < 0 {
		t.Errorf("qwen2.5: %+v", got)
	}
	if got := autocomplete(t, d, "license", "topic", "attrib", "license", "Qwen2.5-7B-Instruct"); len(got) == 0 || got[0].Value != "attribution" {
		t.Errorf("topics of a model's license: %+v", got)
	}
}
