package main

// commandHelp is what `licensebot help COMMAND` (and COMMAND --help) says
// about each command between its usage line and its flags: what it does,
// and examples to copy.
var commandHelp = map[string]string{
	"ask": `
The verdict on one topic of a license, and the clauses it rests on, quoted
verbatim. LICENSE may be several words ("ask Llama 4 credit") or a model
("ask Qwen2.5-7B-Instruct commercial use"). TOPIC is a topic id, a phrase
people use for it, or a question. Without a TOPIC, the license's topics.

  licensebot ask llama4 attribution
  licensebot ask Llama 4 credit
  licensebot ask gemma can I use the outputs to train another model
  licensebot ask --json mit commercial use`,
	"search": `
Free-text search of every text, the critique and the project's notes
included, best first. A query that names one license, or a model, searches
that license, the policies it incorporates and what the corpus says about it
(--license all: every text). A clause that several versions of a license
share is shown once, naming the others.

  licensebot search built with llama
  licensebot search does gemma allow sexual chatbots
  licensebot search --license llama4 weapons`,
	"clause": `
One section of a license, or of the policy it incorporates, verbatim; a
heading that only groups items shows its items. Without SECTION, the list of
sections.

  licensebot clause llama4
  licensebot clause llama4 1.b.i
  licensebot clause llama4 "Section 1(b)(i)"
  licensebot clause llama4 llama4-aup#2.b`,
	"opensource": `
The license checked against the ten criteria of the Open Source Definition,
each with the clauses that decide it; for AI-model licenses also the Open
Source AI Definition 1.0.

  licensebot opensource llama4`,
	"compare": `
The same topic for two licenses, one after the other.

  licensebot compare llama3 llama4 outputs
  licensebot compare "Llama 3.1" Llama 4 attribution`,
	"licenses": `
Every license the bot answers for: its key, its title and the names it
answers to (aliases, SPDX and ScanCode ids).`,
	"topics": `
The topics of the taxonomy; with a LICENSE, the topics it has verdicts on.

  licensebot topics
  licensebot topics llama4`,
	"models": `
The model catalogue: which licenses each model is under, and where that
comes from. FILTER keeps the models whose names contain it.

  licensebot models qwen`,
	"invite": `
Prints the link that adds the bot to a server, with the scopes (bot,
applications.commands) and permissions (View Channel, Read Message History,
Pin Messages) it needs, for the application DISCORD_APP_ID (or --app-id).`,
	"healthcheck": `
Asks a running bot's /readyz and exits 0 when it is ready, 1 otherwise:
the container image's HEALTHCHECK (the image has no shell or curl).`,
	"version": `
The binary's version, the corpus built into it, the index mapping version,
and what the data directory holds.`,
	"serve": `
Runs the Discord bot: a gateway session with DISCORD_TOKEN, or with --http
the HTTP interactions endpoint (DISCORD_PUBLIC_KEY; the token only for
pins). Secrets come from the environment (or their flags) and are never
printed.

  DISCORD_TOKEN=... licensebot serve
  DISCORD_PUBLIC_KEY=... licensebot serve --http :8080 --metrics 127.0.0.1:9090`,
	"commands register": `
Registers the slash commands with Discord for DISCORD_APP_ID, replacing
the ones registered before. --guild makes them appear at once in one
server; without it they are global and can take an hour to appear.

  DISCORD_TOKEN=... DISCORD_APP_ID=... licensebot commands register --guild ID`,
	"corpus check": `
Validates the manifest, the topics, the cards and the notes, and every
card's references against the texts, without building: each error names
its file and line.

  licensebot corpus check --corpus corpus`,
	"corpus pull": `
Fetches every third-party text from its pinned URL and checks its SHA-256
before writing anything. --from copies from a mirror instead (offline
machines, CI): a directory of <id>.txt files.`,
	"index build": `
Segments the texts, checks every card reference against them and builds a
new index, swapped in atomically; a failure leaves the serving index as it
was. A running bot picks the new build up by itself.`,
}
