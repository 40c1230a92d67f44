// Package corpus owns what licensebot answers from: the manifest of documents
// (and pulling their third-party texts, verified by SHA-256), the topic
// taxonomy, the verdict cards and critique notes the project writes itself,
// clause segmentation, and validation that ties them together. It knows
// nothing of bleve or Discord.
package corpus

// lexicon.tsv: WordNet relations of the vocabulary of topics.yaml and
// questions/, from Debian's wordnet-base (apt-get install wordnet-base);
// illicit.tsv: the words WordNet files under crimes, drugs of abuse,
// violence, weapons, pornography, terrorism or homicide (see
// internal/lexgen/illicit.go).
//go:generate go run ../internal/lexgen -dict /usr/share/wordnet -corpus . -out lexicon.tsv -illicit illicit.tsv
