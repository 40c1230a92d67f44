// Package bot is licensebot's Discord adapter: the slash commands (one file
// per command, each a spec plus a handler that builds a response and never
// sends it), rendering engine answers to embeds and buttons within Discord's
// limits, the single dispatcher that sends, recovers, logs and answers
// errors, and the two runners that feed it — a gateway session and an HTTP
// interactions endpoint. It talks to the answer engine only through the
// small Engine interface declared here.
//
// Start reading at commands.go: Commands and Components list every command
// and button in the order users meet them, each naming its cmd_<name>.go.
package bot
