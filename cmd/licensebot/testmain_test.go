package main

import (
	"os"
	"testing"

	"github.com/licensebot/licensebot/index/indextest"
)

// TestMain runs licensebot itself in a child process a test started
// (runMainEnv); otherwise it points the per-user data directory at a temporary one, so no
// test can fill the real one by leaving out --data, and removes the test
// indexes when the package's tests end.
func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" { // a child started by a test: be licensebot
		main()
	}
	home, err := os.MkdirTemp("", "licensebot-xdg-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", home)
	os.Unsetenv("LICENSEBOT_DATA")
	os.Unsetenv("LICENSEBOT_CORPUS")
	code := indextest.Main(m)
	os.RemoveAll(home)
	os.Exit(code)
}
