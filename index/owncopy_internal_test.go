package index

import "testing"

// Asked for the license's own text to go along, by its name after a word
// of carrying it or before "text", "file" or "copy"; not asked when the
// license is what something is done under, or the asker's own to add.
func TestAsksOwnCopy(t *testing.T) {
	for q, want := range map[string]bool{
		"do i have to include a copy of the license?":                       true,
		"must I ship the license text with my app":                          true,
		"does the LICENSE file need to be in my repo":                       true,
		"can i just link to the licence instead of pasting it":              true,
		"do I need to give recipients a copy of the apache license":         true,
		"is it enough to provide a URL to the terms":                        true,
		"do i need to keep the license agreement in the distribution?":      true,
		"can i copy the weights under the license":                          false, // done under it
		"what does the license say about attribution":                       false,
		"can i add a license to my fine-tune":                               false, // the asker's own
		"copy the code, what does the license say":                          false, // another part of the sentence
		"give credit under the license":                                     false,
		"do i need a license to use llama commercially":                     false,
		"copy of the model card":                                            false,
		"Include a notice? and what about the terms of use of the outputs":  false, // a notice
		"is a NOTICE file needed, or is the LICENSE file enough":            false, // of notices
		"the LICENSE file in our fork points to Meta's terms, which courts": false, // no duty asked
		"do i still need the license file if i never distribute":            true,
		"can i hand my license over to another company":                     false, // the asker's own
		"releasing my finetune with my own license file":                    false,
		"does the license give me a trademark license":                      false, // another kind
		"can they give other terms to some people":                          false,
		"do we need to add qwen's license in this PR":                       true,
		"do we need to put their licenses?":                                 true,
		"shouldn't the registry show the llama2 license":                    true,
		"we add a license to the weights we publish":                        false, // one chosen
		"put an apache license on my merge":                                 false,
		// A review's: "license text" asks no duty by itself; "a license"
		// after a carrier is one chosen; passive and -ing forms ask too.
		"where in the license text does it mention commercial use":     false,
		"the license text says 700 million users, what counts":         false,
		"what does the license text say about 100 million users":       false,
		"should I include a license in my repo":                        false,
		"do i have to give a license to my users":                      false,
		"must the license be included in the zip":                      true,
		"is linking to the license sufficient":                         true,
		"does the gemma terms need to be shipped":                      true,
		"do i have to give up the mit license":                         false, // leaving one
		"can i keep serving llama 4 after the agreement ends":          false, // review 58: an end
		"do i need to give attribution once the license is terminated": false,
	} {
		if got := asksOwnCopy(letterWords(q)); got != want {
			t.Errorf("asksOwnCopy(%q) = %v, want %v", q, got, want)
		}
	}
}

// The clauses that hand over the document's own text are told from their
// neighbours that speak of notices, copies of the work or another license.
func TestHandsOverSelf(t *testing.T) {
	for text, want := range map[string]bool{
		"you shall (A) provide a copy of this Agreement with any such Llama Materials":                   true,
		"You must give any other recipients of the Work or Derivative Works a copy of this License; and": true,
		"include the text of, or the URI or hyperlink to, this Public License.":                          true,
		"a copy of the GNU GPL and this license document":                                                true, // the LGPL's own
		"convey a copy of the GNU GPL and this License":                                                  true,
		"a \"Notice\" text file distributed as a part of such copies":                                    false,
		"You must retain, in the Source form of any Derivative Works":                                    false,
		"a copy of the Source Code Form":                                                                 false,
		"tells the user … how to view a copy of this License.":                                           false, // a definition
	} {
		if got := handsOverSelf(text); got != want {
			t.Errorf("handsOverSelf(%q) = %v, want %v", text, got, want)
		}
	}
}
