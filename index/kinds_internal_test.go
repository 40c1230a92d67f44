package index

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

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
		"is a notice file needed if it's for employees only":                         true,
		"only our staff use it, must we keep the notice":                             true,
		"do we need a notice file? it's for our staff":                               true,
		"notice file for benchmarking":                                               true,
		"built with llama for evaluation only":                                       true,
		"our staff will sell it to customers, notice file?":                          false, // sold
		"we ship unit tests with the app, notice file?":                              false,
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
		if got := keepsUnconveyed(letterWords(q)); got != want {
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
		"shipping a GPL binary on the same ISO as our proprietary apps":                true,
		"agpl software fills a database my closed app reads at arm's length":           true,
		"what is the length limit of a prompt":                                         false,
		"i import the gpl library in my python app, must my app be gpl":                false,
		"i link the library statically into my binary":                                 false,
		"can i call my product yolo pro":                                               false,
		"do i have to release the source if i sell the app":                            false,
	} {
		if got := keepsApart(letterWords(q)); got != want {
			t.Errorf("keepsApart(%q) = %v, want %v", q, got, want)
		}
	}
}

// What a program makes — its output, what it generates, weights trained
// with it — is told from the program itself and from training to come.
func TestAsksRunOutput(t *testing.T) {
	for q, want := range map[string]bool{
		"is the output of a gpl program gpl too?":                                          true,
		"images generated with my gpl webui fork, are they gpl":                            true,
		"are the bounding boxes yolov8 produces agpl licensed":                             true,
		"the pdf made with itext, is it agpl":                                              true,
		"weights i trained with ultralytics yolo11, are they agpl too?":                    true,
		"if i use this repo to train a yolov5 model on a custom dataset, is my model gpl?": true,
		"if i use gplv3 darkmark to label datasets for a model used commercially":          true,
		"we use the gpl library to train our staff":                                        false,
		"can i label the app as gpl":                                                       false,
		"if i train my own weights using that code, must they be gpl?":                     true,
		"is my trained model agpl":                                                         true,
		"can we train a custom model and use it commercially":                              false, // training to come
		"must my product be gpl if i link the library":                                     false,
		"i use it in production, do i have to publish my changes?":                         false,
		"can i sell my modified version of the gpl program":                                false,
		"productivity app using a gpl library, can it stay closed source?":                 false,
		"the patch i made with my colleague, must it be gpl?":                              false,
		"if i produce a modified version of a gpl program, must i publish it?":             false,
		"can we generate api keys in an agpl app for paying customers":                     false,
		"must i state changes i made with sed to gpl files":                                false, // marking changes, its clause's
		"we trained our team with the gpl tool, anything to publish?":                      false,
		"the next generation of our app uses gpl code":                                     false,
		"is image generation with a gpl webui covered by the gpl":                          true,
		"are the audio files it makes gpl too?":                                            true,
		"gpl code used to train a model, is the model gpl?":                                true,
		"this repo may not be used to train any model, is that gpl compatible?":            false,
		"my app makes restful calls to an agpl server":                                     false,
		// Review 57: a consequence, not an output; people trained.
		"if i call a gpl library from my code, it makes my code gpl?":           false,
		"if i include gpl code in my app, it creates a derivative work, right?": false,
		"can i sell software that was used to train employees if it's gpl":      false,
	} {
		if got := asksRunOutput(letterWords(q)); got != want {
			t.Errorf("asksRunOutput(%q) = %v, want %v", q, got, want)
		}
	}
}

// Who owns a work the asker made is told from a work of one's own, from
// another's owner, from outputs and from the marks' goodwill.
func TestAsksOwnership(t *testing.T) {
	for q, want := range map[string]bool{
		"who owns my llama 3.3 finetune":                                     true,
		"my llama 4 finetune - am I the owner of it":                         true,
		"do the fine-tuned weights we make belong to us?":                    true,
		"does meta own my lora adapter?":                                     true,
		"can i put my own license on my finetune":                            false,
		"did its owner need a special deal with meta":                        false,
		"who owns the text llama 3.1 generates for me":                       false,
		"who owns the goodwill if my llama-named model gets famous":          false,
		"who owns it if i fine-tune qwen 2.5":                                true,
		"is my llama 4 finetune mine?":                                       true,
		"who owns the rights in a model i fine tune from qwen 2.5":           true,
		"do i own the changes i make to llama 3.1?":                          true,
		"do i own what i build on top of llama 3?":                           true,
		"do i hold copyright in my fine-tuned llama weights":                 true,
		"under the llama 4 license, whose model is it after fine-tuning?":    true,
		"who owns the data i fine-tune qwen on":                              false,
		"whose model is it after i fine-tune qwen":                           true,
		"whose license covers my finetune":                                   false,
		"is my merged model owned by meta":                                   true,
		"can i fine-tune qwen on own data and sell it":                       false,
		"the website owner wants to add a llama chatbot, what do they need":  false,
		"we are the copyright owners of our training data, can we use llama": false,
		"can i use llama 4 on a server owned by my client":                   false,
		"does a subsidiary owned by alibaba get the qwen license":            false,
		// Review 57: a notice kept, a business owned, a friend's work.
		"do i need to keep the copyright notice in my fine-tuned llama 3.1 model": false,
		"i own a saas that serves a fine-tuned llama model, any rules":            false,
		"a buddy of mine fine-tuned llama 3, can i host it":                       false,
	} {
		if got := asksOwnership(letterWords(q)); got != want {
			t.Errorf("asksOwnership(%q) = %v, want %v", q, got, want)
		}
	}
}

// Which court hears a dispute is told from defending the licensor in
// court and from acting without a court.
func TestAsksCourt(t *testing.T) {
	for q, want := range map[string]bool{
		"qwen 2.5 license, which jurisdiction decides disputes?": true,
		"llama4 tribunal?": true,
		"can we pick singapore arbitration for a license dispute":                        true,
		"do i have to defend meta in court if my app gets sued":                          false,
		"is it allowed for google to restrict my gemma app without going to court":       false,
		"which law governs the license":                                                  false,
		"if meta sues us, which courts hear it":                                          true,
		"can meta take me to court in texas over llama":                                  true,
		"if there is a problem, is the court in china or in mexico":                      true,
		"whose judges sort out a fight with meta over llama 4?":                          true,
		"can i use llama 3.3 as a judge to score my data":                                false,
		"can the court of public opinion make meta revoke llama 3":                       false,
		"qwen for a court reporting startup - commercial ok?":                            false,
		"our tennis court booking app uses qwen, need a license?":                        false,
		"can i use llama 4 to summarize court judgments for lawyers":                     false,
		"does taking deepseek to court end my license":                                   false, // suing's
		"which jurisdiction's law governs qwen":                                          false,
		"can i use llama in my jurisdiction":                                             false,
		"is gemma licensed in jurisdictions outside the us":                              false,
		"where would a qwen license dispute be heard":                                    true,
		"if alibaba and us clash over the license where would it be handled":             true,
		"if alibaba sues me over qwen 72b do i have to fight it in china":                true,
		"where does the built with llama notice go if we ever have a dispute":            false, // no hearing after "where"
		"which law covers the license and where would disputes go":                       false, // the law asked too
		"where do i put the license file":                                                false,
		"deepseek models as judges for rlhf, any license issue":                          false, // review 57
		"malware keeps hitting our servers, can i use deepseek to fight it in real time": false, // review 58
		"spam is a problem on my forum, can qwen fight it in my app":                     false,
		"would i have to fight it in the us courts if meta sued":                         true,
	} {
		if got := asksCourt(letterWords(q)); got != want {
			t.Errorf("asksCourt(%q) = %v, want %v", q, got, want)
		}
	}
}

// Whether the licensor guarantees anything is told from the asker's own
// warranty, the disclaimer's notice or validity, and patents; and the
// disclaimers from the GPL's leave to sell warranty protection.
func TestWarrantyKind(t *testing.T) {
	for q, want := range map[string]bool{
		"does microsoft guarantee anything about phi-3's accuracy under mit?":   true,
		"any warranty on bsd 3 clause code?":                                    true,
		"is deepseek-r1 under mit guaranteed to get math right lol":             true,
		"can i sell a warranty to customers for my mistral-based product?":      false,
		"we give customers a warranty on our product, do we cover the devs":     false,
		"do i have to tell users there's no warranty?":                          false,
		"what if the gpl no-warranty clause isn't valid in my country?":         false,
		"will cc by guarantee that work from it will not be patented?":          false,
		"can we provide a warranty to customers for our gpl-based product":      false,
		"is bloom provided with a warranty?":                                    true,
		"does apache 2.0 provide any warranty?":                                 true,
		"if i change gpl code, is there still no warranty?":                     true,
		"if i keep using an old apache release, is there a warranty":            true,
		"can our company provide warranty coverage for apache software we ship": false,
		"does meta provide any warranty on llama 4":                             true,
		"we warrant to our customers that our apache-based app is secure, ok":   false,
		"is there a guarantee that meta won't revoke my llama 4 license":        false,
		"does my use warrant a commercial license from meta?":                   false,
		"do i need to include the no-warranty text when i ship bsd code":        false,
		"can i guarantee my users' privacy while using apache code":             false,
		"does the gpl guarantee users the freedom to modify":                    false,
	} {
		if got := asksWarranty(letterWords(q)); got != want {
			t.Errorf("asksWarranty(%q) = %v, want %v", q, got, want)
		}
	}
	for text, want := range map[string]bool{
		`THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED`: true,
		"THERE IS NO WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW. EXCEPT WHEN OTHERWISE STATED IN WRITING THE COPYRIGHT HOLDERS AND/OR OTHER PARTIES PROVIDE THE PROGRAM “AS IS” WITHOUT WARRANTY OF ANY KIND":                                                            true,
		"This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY":                                                                                                                                          false,
		"An interactive user interface displays “Appropriate Legal Notices” to the extent that it tells the user that there is no warranty for the work":                                                                                                                                          false,
		`Unless required by applicable law or agreed to in writing, software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND. Licensed under the Apache License; you may not use this file except in compliance with the License.`: false,
		"the Licensor offers the Licensed Material as-is and as-available, and makes no representations or warranties":                                                                                                                                                                            true,
		"You may charge any price or no price for each copy that you convey, and you may offer support or warranty protection for a fee.":                                                                                                                                                         false,
	} {
		if got := isWarrantyDisclaimer(text); got != want {
			t.Errorf("isWarrantyDisclaimer(%q) = %v, want %v", text, got, want)
		}
	}
}

// Whether the licensor answers for harm is told from the asker's own
// liability, an indemnity, a license ended, personal data, and who of
// the asker and the licensor answers for an output; the limits of
// liability from the clause ending the license of one who sues.
func TestLiabilityKind(t *testing.T) {
	for q, want := range map[string]bool{
		"is meta responsible for harm caused by answers from llama 4?":                             true,
		"tbh is meta on the hook for anything if llama 4 messes up":                                true,
		"deepseek v3 leaked a secret in an answer, can we hold deepseek responsible":               true,
		"if bloom posts hate speech on my forum who is legally responsible":                        true,
		"can customers hold us liable even though gpl disclaims everything":                        false,
		"if a client sues meta, are we on the hook to protect meta":                                false,
		"after termination do the liability limits still protect meta?":                            false,
		"who is responsible for personal data memorised in the weights?":                           false,
		"if my gemma app outputs something defamatory who's responsible, me or google?":            false,
		"do i have to indemnify meta if my app gets sued":                                          false,
		"pls help: does using deepseek coder make me liable for copyright infringement in outputs": false,
		"who is responsible for moderating content our llama bot posts":                            false,
		"does the llama 4 license require responsible ai practices":                                false,
		"sd outputs violating the license, who's responsible":                                      false, // review 58: the output's clause
	} {
		if got := asksLicensorLiable(letterWords(q)); got != want {
			t.Errorf("asksLicensorLiable(%q) = %v, want %v", q, got, want)
		}
	}
	for text, want := range map[string]bool{
		"IN NO EVENT WILL META OR ITS AFFILIATES BE LIABLE UNDER ANY THEORY OF LIABILITY":                                                       true,
		"IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM":                                                            true,
		"You and your users are solely responsible for Outputs and their subsequent uses.":                                                      true,
		"If you institute litigation or other proceedings against Meta, then any licenses granted to you under this Agreement shall terminate.": false,
		"You will indemnify and hold harmless Meta from and against any claim by any third party.":                                              false,
	} {
		if got := isLiabilityLimit(text); got != want {
			t.Errorf("isLiabilityLimit(%q) = %v, want %v", text, got, want)
		}
	}
}

// Whether users must be warned of risks is told from a notice, a warning
// of what is licensed, and a warning the asker was given.
func TestWarnsUsers(t *testing.T) {
	for q, want := range map[string]bool{
		"do i hav to tell users llama4 can be dangerus or wrong":                 true,
		"tbh do we need a warning label on our llama 4 chatbot or nah":           true,
		"must my app disclose its known dangers to end users?":                   true,
		"should our readme warn EU users the weights aren't licensed to them?":   false,
		"our lawyer warned a third party could sue meta, what would we owe?":     false,
		"must i tell users about the notice file?":                               false,
		"can i tell my friends about llama":                                      false,
		"is a disclaimer to users about llama's limitations required":            true,
		"must we put a disclaimer that the ai can be wrong":                      true,
		"does the llama 3.1 license require warning users about risks":           true,
		"must users be warned about risks of our llama-based app":                true,
		"do we need to show a notice that the ai may be unsafe":                  true,
		"must the license notice mention the risks":                              false,
		"must we warn users before they rely on its medical answers":             true,
		"must we disclose to users that they are chatting with an ai":            false,
		"do we have to tell users we use llama":                                  false,
		"huggingface shows a warning when i download llama 4, what does it mean": false,
		"should i notify users when i update the llama model in my app":          false,
		"must i disclose to users that outputs may be used for training":         false,
		// Review 57: noticing is no notice; the warranty's disclaimer.
		"i noticed harmful outputs from llama 3.2, is that a license problem":  false,
		"is the warranty disclaimer valid if llama 3.2 gives dangerous advice": false,
	} {
		if got := warnsUsers(letterWords(q)); got != want {
			t.Errorf("warnsUsers(%q) = %v, want %v", q, got, want)
		}
	}
}

// What the asker's suing does to its license is told from the asker sued
// and from suing for damages alone.
func TestSuesLicensor(t *testing.T) {
	for q, want := range map[string]bool{
		"if i sue meta saying llama 2 infringes my copyright what happens to my license":                                            true,
		"we hold detection patents. if we sue a competitor, do we lose our agpl rights?":                                            true,
		"what happens to my license if I counterclaim against meta in a lawsuit":                                                    true,
		"if llama 4 gives wrong output and i lose money, can i sue meta":                                                            false,
		"if a user sues me, do i lose my license?":                                                                                  false,
		"can i sue meta in my local court":                                                                                          false,
		"if i sue meta will my license be terminated":                                                                               true,
		"does suing meta terminate my llama 4 license":                                                                              true,
		"what happens to my license if i initiate litigation against meta":                                                          true,
		"if my company initiates litigation against alibaba do we keep our qwen rights":                                             true,
		"does taking deepseek to court end my license":                                                                              true,
		"if meta sues my company, do we lose our license":                                                                           false,
		"we were sued over copyright, does that end our qwen license":                                                               false,
		"what happens to my qwen license if i'm sued by alibaba":                                                                    false,
		"if we get sued by a customer, does our apache license end":                                                                 false,
		"if our license to llama 3 was terminated because we sued meta over patents, can we keep using the copies we already have?": false,
		"can i sue someone who uses my apache code without attribution, what happens to their license":                              false,
		// Review 57: the licensor suing the asker; the asker's company suing.
		"meta is suing my startup for breaking the aup, does our license end": false,
		"our company is suing meta, do we lose the license":                   true,
	} {
		if got := suesLicensor(letterWords(q)); got != want {
			t.Errorf("suesLicensor(%q) = %v, want %v", q, got, want)
		}
	}
}

// A later version of the license is told from a later version of a model.
func TestAsksLaterVersion(t *testing.T) {
	for q, want := range map[string]bool{
		`"or any later version" - what does that mean in gpl 3`:                               true,
		"repo says 'gpl-3.0 or later', can i follow a future gpl instead?":                    true,
		"can i distribute mpl 2.0 code under a later version of the license?":                 true,
		"do i need a built with llama badge on my llama 2 bot or is that only newer versions": false,
		"will there be future versions of qwen":                                               false,
		"what does agpl-3.0-or-later mean":                                                    true,
		"what happens when a new version of the agpl is published":                            true,
		"do future agpl versions bind me if my code is agpl 3 only":                           true,
		"can i run agpl code in saas and open source it sooner or later":                      false,
		"can i give away version 1 free and sell version 2 or later of my gpl app":            false,
		"can i release future versions of my gpl project under mit":                           false,
		"can my app use a newer version of the lgpl library without recompiling":              false,
	} {
		if got := asksLaterVersion(letterWords(q)); got != want {
			t.Errorf("asksLaterVersion(%q) = %v, want %v", q, got, want)
		}
	}
}

// Asked whether changes must be marked, in the words people use; not a
// question of changes alone, nor of marks (trademarks).
func TestMarksChanges(t *testing.T) {
	for q, want := range map[string]bool{
		"must i mark my modifications":                                            true,
		"do i need to say i modified it?":                                         true,
		"does apache require you to list out all the modifications":               true,
		"do i have to document what i changed":                                    true,
		"the notice file has changelog info, is that ok":                          false,
		"can i change the code":                                                   false,
		"can i use the llama mark on my modified model":                           false, // a mark, not marking
		"what changed between llama 3 and llama 3.1":                              false,
		"do i have to state the license":                                          false,
		"are we violating it by not putting a modification notice in those files": true,
		"does that file need a \"changed\" notice":                                true,
		"must the fork put prominent notices on the files it modified":            true,
		"do i need the notice file if i modified the code":                        false, // the NOTICE file
	} {
		if got := marksChanges(letterWords(q)); got != want {
			t.Errorf("marksChanges(%q) = %v, want %v", q, got, want)
		}
	}
}

// Terms laid on top of a license's — a clause added to a fork, a readme
// or a store forbidding what the license allows, buyers barred from
// reselling — are told from the license's own terms going along and from
// one's own license on a work.
func TestAddsTerms(t *testing.T) {
	for q, want := range map[string]bool{
		"can i add a 'no military use' clause to my fork":                     true,
		"slap my own terms on the finetune, like no commercial use?":          true,
		"re-sharing the dataset with extra restrictions for researchers only": true,
		"can my license prevent people from reselling the plugin":             true,
		"could we restrict customers to one seat each":                        true,
		"the readme says no training on this code, is that valid":             true,
		"add 'non-commercial only' on top of the gpl":                         true,
		"can i impose an nda on buyers of the modified source":                true,
		"do i need to add the license terms to my repo":                       false, // a copy
		"must i add a notice file with the licence terms in it":               false,
		"can i put my own license on my fork":                                 false, // own license
		"i built my app on top of the library, must it be gpl":                false,
		"can i add my changes to the fork and sell it":                        false,
		"does the license restrict commercial use":                            false, // the license's own
		"what are the terms for attribution":                                  false,
		"can i add a feature on top of a gpl library":                         false,
		"does gemma prohibit redistribution":                                  false, // the license's own
		"does the gpl prevent others from selling my software":                false,
		"do i need to add a copyright notice to my terms of service":          false,
		"how can i stop buyers from reselling my plugin":                      true,
	} {
		if got := addsTerms(q); got != want {
			t.Errorf("addsTerms(%q) = %v, want %v", q, got, want)
		}
	}
}

// A GPL'd program bound for Apple's App Store meets the store's own
// terms of use: the bar on further restrictions answers, not when the
// question asks what source to give, nor of the LGPL (its §4 lets the
// work go out under the asker's terms) or Google's store.
func TestStoreTerms(t *testing.T) {
	for q, want := range map[string]bool{
		"is it possible to have GPL software in the Mac App Store?":                         true,
		"publish on the iOS AppStore whose terms prohibit the GPL, how to work around this": true,
		"gplv3 app on apple's app store, even free of charge":                               true,
		"can i sell agpl software on the app store":                                         true,
		"agpl model inside a mobile app on the app store, what source must i give?":         false,
		"is the LGPLv3 compatible with the app store at all?":                               false,
		"gpl app on the google play store":                                                  false,
		"can i put a cc-by image in my app store listing":                                   false,
		"is llama allowed in an app store app":                                              false,
		"can i charge $2.99 for my gpl app on the app store":                                false, // review 58b: the price
		"do gpl apps on the app store need to be free?":                                     false,
		"my gpl app on the app store, do i need to keep the notices":                        false,
		"can my gpl app go on the ios app store":                                            true,
	} {
		if got := storeTerms(q); got != want {
			t.Errorf("storeTerms(%q) = %v, want %v", q, got, want)
		}
	}
}

// DRM, copy protection and the law against circumventing it ask for the
// clauses on technological measures (hunt 37: seven led elsewhere), not
// asked of Apple's App Store, whose bar on further restrictions answers;
// the clauses are the GNU licenses' §3 and CC's, not CC's definition.
func TestAsksTechMeasures(t *testing.T) {
	for q, want := range map[string]bool{
		"Can I use GPLv3 code in a DRM system and then sue people who bypass it under the DMCA?": true,
		"Does LGPLv3 let us use anti-circumvention law against users who bypass our DRM":         true,
		"can I add copy protection to cc-by images in my game":                                   true,
		"can I add digital rights management to the ebook?":                                      true,
		"is circumventing the technological measures on cc material allowed":                     true,
		"is the gpl ok on the app store with apple's drm?":                                       false,
		"can i copy the protection clause into my license":                                       false,
		"must I keep the copyright notice":                                                       false,
	} {
		if got := asksTechMeasures(letterWords(q)); got != want {
			t.Errorf("asksTechMeasures(%q) = %v, want %v", q, got, want)
		}
	}
	of := clauseKinds[kindTechMeasures].of
	for text, want := range map[string]bool{
		"No covered work shall be deemed part of an effective technological measure under any applicable law":                                                     true,
		"You may not offer or impose any additional or different terms or conditions on, or apply any Effective Technological Measures to, the Licensed Material": true,
		"Effective Technological Measures means those measures that, in the absence of proper authority, may not be circumvented":                                 false,
	} {
		if got := of(text); got != want {
			t.Errorf("of(%q) = %v, want %v", text, got, want)
		}
	}
}

// A work of the asker's holding or beside BY-SA material, asked whether
// it must go out under BY-SA, asks whether it is Adapted Material; an
// adaptation (a remix, a model trained on the material) asks of the
// adapter's license, and a work that is not the asker's asks neither.
func TestBecomesShareAlike(t *testing.T) {
	for q, want := range map[string]bool{
		"my app ships a cc-by-sa icon pack, does that mean my app code has to be cc-by-sa too?": true,
		"selling a book with one cc-by-sa photo inside — does the whole book become cc-by-sa":   true,
		"by-sa benchmark and my own mit eval code in one repo, does the code turn by-sa?":       true,
		"dataset is cc-by-sa — does my dataloader code also have to be open source?":            true,
		"remixed a by-sa pic for my meme page, does my remix gotta be by-sa too":                false, // an adaptation
		"trained a model on wikipedia text, do the weights have to be cc by-sa?":                false,
		"my app ships a cc-by icon pack, does my app have to be cc-by too":                      false, // no ShareAlike
		"does my app have to show the cc-by-sa attribution":                                     false,
		"is the cc-by-sa icon pack itself still sharealike":                                     false,
		"does my app have to be open for the public beta if it ships a cc-by-sa icon":           false, // review 58b: "open" alone
		"my app ships cc-by-sa icons, does my app have to be credited as cc-by-sa":              false,
	} {
		if got := becomesShareAlike(letterWords(q)); got != want {
			t.Errorf("becomesShareAlike(%q) = %v, want %v", q, got, want)
		}
	}
}

// What a breach does to the license is told from whether something is a
// breach, and from a thing broken that is not the license.
func TestAsksAfterViolation(t *testing.T) {
	for q, want := range map[string]bool{
		"I broke the AGPL by shipping a closed-source app. If I publish the source now, do I get my license back?": true,
		"does breaking the lgpl once mean i can never use that library again":                                      true,
		"we forgot the agpl source link for a month on our site, are we screwed??":                                 true,
		"only noticed today we never credited the cc-by model creators, what's our status now":                     true,
		"what happens if i violate the aup":                                                                        true,
		"users of my llama 4 app keep generating harassment, is that a breach on my end?":                          false, // whether
		"if salesforce's bsd blip breaks our captioning, can we claim what it cost":                                false, // not the license
		"is fine-tuning for a chatbot a violation of the license":                                                  false,
		"what does the license say about violations of export law":                                                 false, // no fate
	} {
		if got := asksAfterViolation(letterWords(q)); got != want {
			t.Errorf("asksAfterViolation(%q) = %v, want %v", q, got, want)
		}
	}
}

// One who gets Llama inside another's product is told from a licensee
// counting the users of a service it runs for its customers.
func TestReceivesInProduct(t *testing.T) {
	for q, want := range map[string]bool{
		"we bundle llama2 in our desktop app, do OUR customers also fall under the 700M thing?":              true,
		"we ship llama 3.2 1b inside a smart speaker, is the buyer of the speaker bound by the 700M clause?": true,
		"huge telco reselling a vendor app with llama 4 inside, section 2 our problem?":                      true,
		"b2b api: do our customers' end users count toward the 700M monthly active users for llama 4?":       false, // a service run
		"our app will pass 700 million users next year, what then":                                           false,
		"can our customers fine-tune the model we ship them":                                                 false, // no 700M terms
	} {
		if got := receivesInProduct(q); got != want {
			t.Errorf("receivesInProduct(%q) = %v, want %v", q, got, want)
		}
	}
}

// Work under the GPL put together with work under the AGPL is told from
// either license asked about alone, and from a GPL work linked to
// something else.
func TestCombinesGNU(t *testing.T) {
	for q, want := range map[string]bool{
		"combining my gpl3 project with an agpl library, what license does the combined thing end up under": true,
		"mixing agpl and gpl code in one model server, is that even allowed?":                               true,
		"is gpl compatible with agpl":                                   true,
		"our gpl-3.0 app and ultralytics agpl code in the same program": true,
		"can i link my proprietary app to an agpl library":              false, // no GPL
		"can i combine gpl code with mit code":                          false, // no AGPL
		"agpl vs gpl, what is the difference":                           false, // nothing combined
	} {
		if got := combinesGNU(letterWords(q)); got != want {
			t.Errorf("combinesGNU(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestLeadsHoldEveryBranch checks the shortcuts before the slow
// expressions: every match of addedTerms (addsTerms) and of monthlyTerms
// (receivesInProduct) begins with a text holding one of its leads, so a
// question holding none cannot match.
func TestLeadsHoldEveryBranch(t *testing.T) {
	for _, c := range []struct {
		name  string
		re    *regexp.Regexp
		leads []string
	}{
		{"addedTerms", addedTerms, addedTermsLeads},
		{"monthlyTerms", monthlyTerms, monthlyLeads},
	} {
		re, err := syntax.Parse(c.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		starts, ok := firstLiterals(re.Simplify())
		if !ok || len(starts) == 0 {
			t.Fatalf("cannot tell which words %s begins with (%v)", c.name, re)
		}
		for _, w := range starts {
			if !slices.ContainsFunc(c.leads, func(l string) bool { return strings.Contains(w, l) }) {
				t.Errorf("a match of %s can begin %q, which holds none of its leads", c.name, w)
			}
		}
	}
}

// firstLiterals returns texts one of which begins every match of re,
// each as long as re says: false when a match may begin otherwise (with a
// class of letters, say).
func firstLiterals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary:
		return []string{""}, true
	case syntax.OpCapture:
		return firstLiterals(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ws, ok := firstLiterals(sub)
			if !ok {
				return nil, false
			}
			out = append(out, ws...)
		}
		return out, true
	case syntax.OpConcat:
		// Each literal begins with the ones before it, up to the first
		// part that is not literal.
		out := []string{""}
		for _, sub := range re.Sub {
			ws, ok := firstLiterals(sub)
			if !ok {
				break
			}
			var next []string
			for _, a := range out {
				for _, b := range ws {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// A work adapted is told from a place a firm is based in, a license
// extended to others and one's chances improved (review 57).
func TestAdapts(t *testing.T) {
	for q, want := range map[string]bool{
		"can my model trained on cc-by articles go out under a non-commercial license": true,
		"a dataset based on cc by photos, can i relicense it":                          true,
		"i improved the dataset, can it be mit now":                                    true,
		"my startup is based in france, can i relicense cc by images":                  false,
		"will the license be extended to my users":                                     false,
		"does relicensing improve my chances with investors":                           false,
		"can i publish the unmodified dataset under mit":                               false,
	} {
		if got := adapts(letterWords(q)); got != want {
			t.Errorf("adapts(%q) = %v, want %v", q, got, want)
		}
	}
}

// A link that may do for the credit is told from one that may do for the
// license's text, and from a link asked for no such thing.
func TestLinkEnough(t *testing.T) {
	for q, want := range map[string][2]bool{ // linksCredit, linksLicense
		"cc-by weights: is a link in the readme enough for attribution?":                      {true, false},
		"for crediting a cc-by dataset, is a hyperlink to a page listing the authors enough?": {true, false},
		"is a hyperlink to the cc-by license enough in my mobile app credits screen?":         {false, true},
		"must the full cc-by-sa legal code ship with my dataset or is a link fine":            {false, true},
		"cc by-sa — can i just link the license instead of including the full text?":          {false, true},
		"do i have to link the license of my adapted dataset":                                 {false, false},
		"the download link is dead, where do i get the weights":                               {false, false},
		"can i credit a cc by text excerpt with just a link to the article":                   {true, false}, // review 58: a text licensed
		"is a link to the cc by 4.0 deed enough":                                              {false, true},
	} {
		ws := letterWords(q)
		if got := [2]bool{linksCredit(ws), linksLicense(ws)}; got != want {
			t.Errorf("linksCredit, linksLicense(%q) = %v, want %v", q, got, want)
		}
	}
}

// noteKinds records of which kinds (askedKind) the clause ref with text
// is, before their first use (ofKind): the clauses a test gives.
func (s *snapshot) noteKinds(ref, text string) {
	for i, k := range clauseKinds {
		if k.of(text) {
			s.clausesOfKind[i][ref] = true
		}
	}
}

// A clause of a kind — barring added terms, reserving a remote
// restriction, withholding marks or endorsement, on one's own terms, on
// monthly active users, on credit — is noted as of its kind, and leads the
// clauses quoted for a question asking for it, where the license has
// one; other questions keep the ranking's order.
func TestClausesOfTheKindAskedLead(t *testing.T) {
	s := &snapshot{}
	for i := range s.clausesOfKind {
		s.clausesOfKind[i] = map[string]bool{}
	}
	kind := func(id clauseKindID) map[string]bool { return s.clausesOfKind[id] }
	clauses := map[string]string{
		"gpl#5.c":      "You must license the entire work, as a whole, under this License to anyone who comes into possession of a copy.",
		"gpl#10.p3":    "You may not impose any further restrictions on the exercise of the rights granted or affirmed under this License.",
		"cc#2.a.5.c":   "No downstream restrictions. You may not offer or impose any additional or different terms or conditions on the Licensed Material.",
		"gemma#3.1.p1": "Any additional or different terms and conditions you impose must not conflict with the terms of this Agreement.",
		"gpl#7.p4":     "All other non-permissive additional terms are considered \"further restrictions\" within the meaning of section 10.",
		"gemma#4.5":    "Google may terminate this Agreement if you are in breach of any term of this Agreement.",
		"gemma#3.2.p3": "Google reserves the right to restrict (remotely or otherwise) usage of any of the Gemma Services that Google reasonably believes are in violation of this Agreement.",
	}
	for ref, text := range clauses {
		s.noteKinds(ref, text)
	}
	s.noteKinds("gpl#2.p1", "The output from running a covered work is covered by this License only if the output, given its content, constitutes a covered work.")
	if !kind(kindRunOutput)["gpl#2.p1"] || len(kind(kindRunOutput)) != 1 {
		t.Errorf("noted as on a program's output: %v", kind(kindRunOutput))
	}
	for _, ref := range []string{"gpl#10.p3", "cc#2.a.5.c", "gemma#3.1.p1"} {
		if !kind(kindFurtherTerms)[ref] {
			t.Errorf("%s not noted as barring added terms", ref)
		}
	}
	if kind(kindFurtherTerms)["gpl#5.c"] || kind(kindFurtherTerms)["gpl#7.p4"] {
		t.Errorf("noted as barring added terms: %v", kind(kindFurtherTerms))
	}
	gpl := &licenseMeta{Key: "gpl-3.0", Docs: []string{"gpl"}}
	quoted := []Hit{{Doc: "gpl", Section: "5.c"}, {Doc: "gpl", Section: "7.p4"}, {Doc: "gpl", Section: "10.p3"}}
	for q, lead := range map[string]string{
		"can i add a 'no military use' clause to my gpl fork?": "10.p3",
		"must my fork be gpl too?":                             "5.c",
	} {
		got := s.askedFirst(&reading{text: q}, gpl, quoted)
		if got[0].Section != lead {
			t.Errorf("%q: led by %s, want %s", q, got[0].Section, lead)
		}
	}
	// The clause reserving a remote restriction, for a question on
	// shutting the asker's use off.
	if !kind(kindRemoteRestriction)["gemma#3.2.p3"] || len(kind(kindRemoteRestriction)) != 1 {
		t.Errorf("noted as reserving a remote restriction: %v", kind(kindRemoteRestriction))
	}
	// Of marks and of endorsement: Llama's trademark clause for its logo,
	// CC's "No endorsement" for an endorsement claimed, its trademark
	// clause for a logo.
	for ref, text := range map[string]string{
		"llama#5.a":     "No trademark licenses are granted under this Agreement, and in connection with the Llama Materials, neither Meta nor Licensee may use any name or mark owned by or associated with the other.",
		"cc#2.a.6":      "No endorsement. Nothing in this Public License constitutes or may be construed as permission to assert or imply that You are connected with, or sponsored, endorsed, or granted official status by, the Licensor.",
		"cc#2.b.2":      "Patent and trademark rights are not licensed under this Public License.",
		"llama#1.b.i":   "If you distribute or make available the Llama Materials, you shall prominently display “Built with Llama”.",
		"apache#4.p1":   "You may add Your own copyright statement to Your modifications and may provide additional or different license terms and conditions for use, reproduction, or distribution of Your modifications.",
		"apache#4.a":    "You must give any other recipients of the Work or Derivative Works a copy of this License.",
		"llama#1.b.iii": "You must retain in all copies of the Llama Materials that you distribute the following attribution notice within a “Notice” text file.",
		"qwen#5.b":      "If you use the Materials or any outputs or results therefrom to create, train, fine-tune, or improve an AI model that is distributed or made available, you shall prominently display “Built with Qwen” or “Improved using Qwen” in the related product documentation.",
		"qwen#3.c":      "You shall retain in all copies of the Materials that you distribute the following attribution notices within a Notice text file.",
		"cc#3.a.4":      "If You Share Adapted Material You produce, the Adapter's License You apply must not prevent recipients of the Adapted Material from complying with this Public License.",
		"cc#2.a.1":      "Subject to the terms and conditions of this Public License, the Licensor hereby grants You a worldwide, royalty-free, non-sublicensable, non-exclusive, irrevocable license to exercise the Licensed Rights in the Licensed Material.",
		"llama#2":       "Additional Commercial Terms. If, on the Llama 4 version release date, the monthly active users of the products or services made available by or for Licensee is greater than 700 million monthly active users, you must request a license from Meta.",
	} {
		s.noteKinds(ref, text)
	}
	// The clause passing the use restrictions on, for a question on one's
	// terms of service; the list itself for one on what it bans.
	s.noteKinds("rail#4.a", "Use-based restrictions as referenced in paragraph 5 MUST be included as an enforceable provision by You in any type of legal agreement (e.g. a license) governing the use and/or distribution of the Model")
	s.noteKinds("rail#p10", "You agree not to use the Model or Derivatives of the Model: In any way that violates any applicable national, federal, state, local or international law or regulation")
	rail := &licenseMeta{Key: "creativeml-openrail-m", Docs: []string{"rail"}}
	for q, lead := range map[string]string{
		"does my ToS have to include the use restrictions?": "4.a",
		"what are the use restrictions?":                    "p10",
	} {
		got := s.askedFirst(&reading{text: q}, rail, []Hit{{Doc: "rail", Section: "p10"}, {Doc: "rail", Section: "4.a"}})
		if got[0].Section != lead {
			t.Errorf("%q: led by %s, want %s", q, got[0].Section, lead)
		}
	}
	// The use policy's line on known dangers, not the list that holds it.
	s.noteKinds("aup#4", "Fail to appropriately disclose to end users any known dangers of your AI system")
	s.noteKinds("aup#p2", "We want everyone to use Llama safely and responsibly. You agree you will not use, or allow others to use, Llama to: 1. Violate the law or others’ rights … 2. Engage in, promote, incite, facilitate, or assist in the planning or development of activities that present a risk of death or bodily harm … 4. Fail to appropriately disclose to end users any known dangers of your AI system")
	if !kind(kindDangersDisclosed)["aup#4"] || kind(kindDangersDisclosed)["aup#p2"] {
		t.Errorf("noted as on known dangers: %v", kind(kindDangersDisclosed))
	}
	if !kind(kindMarks)["llama#5.a"] || !kind(kindMarks)["cc#2.b.2"] || kind(kindMarks)["llama#1.b.i"] || !kind(kindEndorsement)["cc#2.a.6"] || kind(kindEndorsement)["cc#2.b.2"] {
		t.Errorf("marks %v, endorsement %v", kind(kindMarks), kind(kindEndorsement))
	}
	llama := &licenseMeta{Key: "llama4", Docs: []string{"llama"}}
	cc := &licenseMeta{Key: "cc-by-4.0", Docs: []string{"cc"}}
	apache := &licenseMeta{Key: "apache-2.0", Docs: []string{"apache"}}
	qwen := &licenseMeta{Key: "qwen2.5", Docs: []string{"qwen"}}
	for _, c := range []struct {
		l              *licenseMeta
		q, lead, topic string
		quoted         []Hit
	}{
		{llama, "can i put the meta logo on our homepage?", "5.a", "", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "5.a"}}},
		{llama, "where must built with llama go?", "1.b.i", "", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "5.a"}}},
		{cc, "can we say the authors endorse our app?", "2.a.6", "", []Hit{{Doc: "cc", Section: "2.b.2"}, {Doc: "cc", Section: "2.a.6"}}},
		{cc, "can i put the creative commons logo on my page?", "2.b.2", "", []Hit{{Doc: "cc", Section: "2.a.6"}, {Doc: "cc", Section: "2.b.2"}}},
		{apache, "can i release my fork under a proprietary license?", "4.p1", "", []Hit{{Doc: "apache", Section: "4.a"}, {Doc: "apache", Section: "4.p1"}}},
		{apache, "must i pass the license on with my fork?", "4.a", "", []Hit{{Doc: "apache", Section: "4.a"}, {Doc: "apache", Section: "4.p1"}}},
		{cc, "can i release my fine-tune of a cc-by model under apache-2.0?", "3.a.4", "", []Hit{{Doc: "cc", Section: "2.a.1"}, {Doc: "cc", Section: "3.a.4"}}},
		{cc, "can i publish the unmodified cc-by dataset under mit", "2.a.1", "", []Hit{{Doc: "cc", Section: "2.a.1"}, {Doc: "cc", Section: "3.a.4"}}},
		{cc, "can i relicense my cc-by based dataset under mit", "3.a.4", "", []Hit{{Doc: "cc", Section: "2.a.1"}, {Doc: "cc", Section: "3.a.4"}}},
		// Money made, of a question read as one on commercial use (first,
		// or after network use); not beside another topic, and credit
		// before money.
		{llama, "can we charge customers for an app on llama 4?", "2", "commercial-use", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "2"}}},
		{llama, "a paid api, must we show built with llama?", "1.b.i", "attribution", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "2"}}},
		{llama, "we sell a paid api, do the built with duties apply?", "1.b.i", "commercial-use", []Hit{{Doc: "llama", Section: "2"}, {Doc: "llama", Section: "1.b.i"}}},
		{llama, "can a paid saas run on llama 4?", "2", "network-use commercial-use", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "2"}}},
		{llama, "can a paid saas run on llama 4?", "1.b.i", "network-use attribution", []Hit{{Doc: "llama", Section: "1.b.i"}, {Doc: "llama", Section: "2"}}},
		// Credit: Llama's Built with, Qwen's of a model built, else its
		// Notice line.
		{llama, "what credit does meta want from us?", "1.b.i", "attribution", []Hit{{Doc: "llama", Section: "1.b.iii"}, {Doc: "llama", Section: "1.b.i"}}},
		{qwen, "fine-tuned qwen, what credit must the model card give?", "5.b", "attribution", []Hit{{Doc: "qwen", Section: "3.c"}, {Doc: "qwen", Section: "5.b"}}},
		{qwen, "what credit does alibaba want in our app?", "3.c", "attribution", []Hit{{Doc: "qwen", Section: "5.b"}, {Doc: "qwen", Section: "3.c"}}},
	} {
		r := &reading{text: c.q}
		for _, topic := range strings.Fields(c.topic) {
			r.ranked = append(r.ranked, TopicScore{Topic: topic})
		}
		if got := s.askedFirst(r, c.l, c.quoted); got[0].Section != c.lead {
			t.Errorf("%q: led by %s, want %s", c.q, got[0].Section, c.lead)
		}
	}
	gemma := &licenseMeta{Key: "gemma", Docs: []string{"gemma"}}
	quoted = []Hit{{Doc: "gemma", Section: "4.5"}, {Doc: "gemma", Section: "3.2.p3"}}
	for q, lead := range map[string]string{
		"can google switch off my offline gemma from afar?": "3.2.p3",
		"when can google end the agreement?":                "4.5",
	} {
		if got := s.askedFirst(&reading{text: q}, gemma, quoted); got[0].Section != lead {
			t.Errorf("%q: led by %s, want %s", q, got[0].Section, lead)
		}
	}
}

// Asking whether the licensor may shut the asker's use off — from afar,
// by a kill switch, as the subject of a verb of stopping it — is told from
// a remote API served, from the licensor's own restrictions on use, and
// from the license ending.
func TestShutsOff(t *testing.T) {
	for q, want := range map[string]bool{
		"can google remotely restrict my self-hosted gemma":              true,
		"does gemma have a kill switch":                                  true,
		"could they switch it off from their end":                        true,
		"can google just yank my access if they think i broke the rules": true,
		"can deepseek brick my local copy":                               true,
		"gemma off switch?":                                              true,
		"our model runs offline, can they turn it off from far away":     true,
		"can google cut off our usage":                                   true,
		"is remote inference restricted?":                                false,
		"we sell it in a brick and mortar store":                         false,
		"can the scanner detect a backdoor in firmware":                  false,
		"if they block it at the firewall, can we still use it":          false,
		"what's the rate limit on their end":                             false,
		"could meta switch it off from their end":                        true,
		"can i serve gemma through a remote api":                         false, // serves
		"do i have to copy google's usage restrictions into my license":  false, // a noun, a possessive
		"what restrictions does google place on use":                     false,
		"can google terminate the agreement":                             false, // the license ending
		"does the license limit how many users i can have":               false,
		"remote workers at my company use gemma, is that distribution":   false,
	} {
		if got := shutsOff(letterWords(q)); got != want {
			t.Errorf("shutsOff(%q) = %v, want %v", q, got, want)
		}
	}
}

// Showing the licensor's names or marks — its logo, its brand rules, a
// stylised name, the name in ads or a company's name — is told from the
// asker's own logo and brand name, from a model's name alone and from
// branding left out (a question on attribution).
func TestUsesMarks(t *testing.T) {
	for q, want := range map[string]bool{
		"can i put the meta logo on my product page":                      true,
		"do meta's brand guidelines apply to our landing page":            true,
		"can i call my company LlamaWorks":                                true,
		"the llama name in huge neon letters in our ads, any rules":       true,
		"can i use a stylized llama in my app icon":                       true,
		"does the license give me a trademark license for 'Llama'":        true,
		"can i use the llama brand":                                       true,
		"sd made my company logo, do i own it":                            false, // the asker's own
		"the logos we make for clients with the model, who owns them":     false,
		"marketing wants a catchy brand name for our fine-tune":           false,
		"must my fine-tune's name begin with llama":                       false, // naming
		"the client wants no meta branding, can we skip built with llama": false, // attribution
		"i wrote a brand new file that calls the library":                 false,
		"can i sell logos generated with stable diffusion":                false, // the asker's
		"do i need to put my company name in the notice file":             false,
		"can we brand our fine-tune with our own trademark":               false,
		"can i use llama 4 in our marketing team's internal tools":        false,
		"rules on how i show the llama name":                              true,
		"how do i format the name of the licensor in the notice file":     false,
		"how should i format the name of my llama 4 finetune":             false,
		"are there rules on how i show the llama name in my product":      true,
		"do meta's visual rules apply to 'powered by llama' on our page":  true,
		"what stops me from styling the word llama however i want":        true,
		"how do i show that my model is a finetune":                       false, // no name shown
	} {
		if got := usesMarks(letterWords(q)); got != want {
			t.Errorf("usesMarks(%q) = %v, want %v", q, got, want)
		}
	}
}

// Claiming the licensor's endorsement or approval is told from a question
// that merely names the licensor.
func TestClaimsEndorsement(t *testing.T) {
	for q, want := range map[string]bool{
		"can we say the dataset authors endorse our app": true,
		"market it as 'wikimedia-approved'":              true,
		"can i call it the official wikipedia ai":        true,
		"is our model backed by meta, can we say so":     true,
		"are we affiliated with google if we use gemma":  false, // "affiliates" is a party
		"is this the official license text":              false,
		"is bsd-3-clause osi approved":                   false,
		"can our sponsored student club use it":          false,
		"can meta see what i do with llama":              false,
		"must i credit the authors of the dataset":       false,
	} {
		if got := claimsEndorsement(letterWords(q)); got != want {
			t.Errorf("claimsEndorsement(%q) = %v, want %v", q, got, want)
		}
	}
}

// Putting the asker's work out under another license — relicensing, one's
// own or a proprietary license, "under MIT" — is told from a license the
// asker would obtain or the work already has, from code that comes under
// the license by a contribution, and from sublicensing, use restrictions
// and outputs, which other clauses answer.
func TestRelicenses(t *testing.T) {
	for q, want := range map[string]bool{
		"can i relicense my fork":                                                true,
		"can i re-license the files i changed as gpl":                            true,
		"can i release my fine-tune under my own license":                        true,
		"can my distill go out under mit like r1 does":                           true,
		"can i put a proprietary licence on the merged weights":                  true,
		"we want to ship our modified version under a commercial license":        true,
		"do we need a commercial license from stability for the vae":             false, // obtained
		"the 72b has a different license, is the 14b open source":                false, // had
		"we sent a pr, is our code now automatically under apache":               false,
		"can i sublicense it to my customers under my own terms":                 false, // sublicensing
		"released with my own license, must i copy the use restrictions into it": false,
		"can i put my outputs under my own license":                              false,
	} {
		if got := relicenses(letterWords(q)); got != want {
			t.Errorf("relicenses(%q) = %v, want %v", q, got, want)
		}
	}
}

// Crediting the licensor — credit, attribution, a shout-out, "built
// with" — is told from a Notice file, its own topic, and from words that
// merely say something ("the terms mention 700 million").
func TestCredits(t *testing.T) {
	for q, want := range map[string]bool{
		"do i have to credit meta somewhere":                                true,
		"llama 4 shoutout mandatory?":                                       true,
		"what attribution does llama 2 need when i share it":                true,
		"where does built with llama go":                                    true,
		"hat tip to meta required?":                                         true,
		"llama 3.1 attribution: notice file or license file":                false, // a Notice file
		"the terms mention 700 million users, can i sell":                   false,
		"can i say powered by meta ai with their wordmark":                  false, // a mark
		"must our product page mention meta anywhere":                       true,
		"am i obligated to show the name llama on the page?":                true,
		"if our website never name meta, are we breaking the terms":         true,
		"must the model name start with llama":                              false, // naming a model
		"can i mention llama in my product description":                     false, // no duty asked
		"can llama 3.1 be used to build an automated credit scoring system": false, // review 58: a lender's credit
		"decisions about credit eligibility for loan applicants":            false,
	} {
		if got := credits(letterWords(q)); got != want {
			t.Errorf("credits(%q) = %v, want %v", q, got, want)
		}
	}
}

// Whether the use restrictions must go into the asker's own terms is told
// from the restrictions themselves, from the asker's users bound by them
// and from a distilled model inheriting them.
func TestPassesRestrictions(t *testing.T) {
	for q, want := range map[string]bool{
		"my gemma api's ToS — do i literally have to paste the prohibited use policy into it?":   true,
		"running a paid sd 1.5 web app — does my ToS have to include the use restrictions?":      true,
		"lora trained on sd1.5, can the license i put on it drop the openrail use restrictions":  true,
		"creativeml openrail use restrictions have to be in my license?":                         true,
		"training a controlnet on top of sd 1.5, what rules follow it around":                    true,
		"what are the use restrictions of bloom":                                                 false,
		"reselling deepseek-v2 api, do my users inherit the restrictions":                        false,
		"distilling deepseek-v2 into my own 7b, does my student model inherit the restrictions?": false,
		"can i put my deepseek finetune under my own license":                                    false,
		"does the acceptable use policy apply to my contract work for a client":                  false, // review 57
	} {
		if got := passesRestrictions(letterWords(q)); got != want {
			t.Errorf("passesRestrictions(%q) = %v, want %v", q, got, want)
		}
	}
}
