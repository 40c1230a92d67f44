package bot

import (
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index/indextest"
)

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
