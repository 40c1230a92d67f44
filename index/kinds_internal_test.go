package index

import "testing"

// A work kept to the asker — used in house, privately, self-hosted, on
// the asker's own machine, never shipped — is told from one conveyed
// without a part of it ("ship it without the source") and from one
// conveyed at all.
func TestKeepsUnconveyed(t *testing.T) {
	for q, want := range map[string]bool{
		"modified the gpl code for internal use only, must i release it":             true,
		"yolo only on our internal company tools, never shipped":                     true,
		"can i modify gpl code for personal use without sharing anything":            true,
		"my in-house app reuses gpl code and never leaves the company":               true,
		"do I need to open source any modifications if I'm only selfhosting?":        false, // served
		"yolov8 behind an internal rest api only our employees hit, must we publish": false,
		"a modified tool as a service on a private network, must the code be public": false,
		"does the gpl even apply if i fork it only for my own machine":               true,
		"not altered, not distributed, but it IS used in a corporate environment":    true,
		"we don't distribute the binary, do we owe anyone source":                    true,
		"can i run the modified version without distributing it":                     true,
		"do i need a notice file in my homelab":                                      true,
		"copyleft on my workstation":                                                 true,
		"our desktop app bundles a gpl engine as a separate exe":                     false, // a product
		"a private company wants built with llama, must we show it":                  false, // another sense
		"does the aup cover personal data":                                           false,
		"a personal finance app i sell, must i publish the gpl code":                 false, // sold
		"can i ship the binary without shipping the source":                          false, // conveyed, without a part
		"can i distribute it without distributing the license text":                  false,
		"can i distribute my fork commercially":                                      false,
		"must we publish our changes if we sell the app":                             false,
		"gpl code in my saas without releasing source":                               false,
		"if i ship a product with gpl code, must i open source it":                   false,
		"can i use it on my own server for customers":                                false, // a server serves others
		"does the apache license need to be shipped with the model":                  false,
	} {
		if got := keepsUnconveyed(q); got != want {
			t.Errorf("keepsUnconveyed(%q) = %v, want %v", q, got, want)
		}
	}
}

// Two works run or ship apart — a subprocess, a separate service, one
// image — are told from one work calling another's code in process.
func TestKeepsApart(t *testing.T) {
	for q, want := range map[string]bool{
		"my app only shells out to the cli as a subprocess, does the agpl reach it":    true,
		"our closed frontend calls the model over http as a separate service":          true,
		"gpl tool and our proprietary model in the same docker image, does gpl spread": true,
		"my plugin talks to the gpl program over a socket":                             true,
		"shipping a gpl binary next to my app in one installer":                        true,
		"is it an aggregate if they only share a disk":                                 true,
		"i import the gpl library in my python app, must my app be gpl":                false,
		"i link the library statically into my binary":                                 false,
		"can i call my product yolo pro":                                               false,
		"do i have to release the source if i sell the app":                            false,
	} {
		if got := keepsApart(q); got != want {
			t.Errorf("keepsApart(%q) = %v, want %v", q, got, want)
		}
	}
}

// Asked whether changes must be marked, in the words people use; not a
// question of changes alone, nor of marks (trademarks).
func TestMarksChanges(t *testing.T) {
	for q, want := range map[string]bool{
		"must i mark my modifications":                              true,
		"do i need to say i modified it?":                           true,
		"does apache require you to list out all the modifications": true,
		"do i have to document what i changed":                      true,
		"the notice file has changelog info, is that ok":            false,
		"can i change the code":                                     false,
		"can i use the llama mark on my modified model":             false, // a mark, not marking
		"what changed between llama 3 and llama 3.1":                false,
		"do i have to state the license":                            false,
	} {
		if got := marksChanges(q); got != want {
			t.Errorf("marksChanges(%q) = %v, want %v", q, got, want)
		}
	}
}
