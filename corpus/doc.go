// Package corpus owns what licensebot answers from: the manifest of documents
// (and pulling their third-party texts, verified by SHA-256), the topic
// taxonomy, the verdict cards and critique notes the project writes itself,
// clause segmentation, and validation that ties them together. It knows
// nothing of bleve or Discord.
package corpus
