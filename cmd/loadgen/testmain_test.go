package main

import (
	"os"
	"testing"

	"github.com/licensebot/licensebot/index/indextest"
)

// TestMain removes the shared test index when the package's tests end.
func TestMain(m *testing.M) { os.Exit(indextest.Main(m)) }
