// Package datadir is where licensebot keeps its data — texts, index and
// pins — when no flag says otherwise, for every binary that reads it.
package datadir

import (
	"os"
	"path/filepath"
	"runtime"
)

// Default is LICENSEBOT_DATA when it is set, else Home.
func Default() string {
	if v := os.Getenv("LICENSEBOT_DATA"); v != "" {
		return v
	}
	return Home()
}

// Home is $XDG_DATA_HOME/licensebot, else ~/.local/share/licensebot (the
// Makefile's DATA agrees), on Windows the application-data directory. Pins
// are data, not cache: a cache directory may be wiped.
func Home() string {
	if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "licensebot")
	}
	if runtime.GOOS == "windows" {
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "licensebot")
		}
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "licensebot")
	}
	return "licensebot-data" // no home directory: beside the working directory
}
