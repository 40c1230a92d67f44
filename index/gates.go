package index

import (
	"regexp"
	"strconv"
	"strings"
)

// A license's gate may bar licensees by size ("at most 700M monthly
// active users on the release date", Qwen's "under 100M"). A question
// that says the asker is past it ("llama 3.1 commercial 800M MAU", "qwen
// commercial over 100 million users") asks what a licensee it does not
// license may do: the card's permission, on the gate's condition, would
// read as "yes, on conditions" (hunt 9).

// usersIn finds a number, with what may stand before it ("over 700M",
// "more than 100 million", "800,000,000") and after it ("700M+"). It
// counts users when a word of users follows within three words ("800M
// MAU", "1B users"), or, for millions, when a comparison stands before it
// ("over 100M"): "8b" alone is a model's size.
var usersIn = regexp.MustCompile(`(?i)(over|above|more than|exceeds?|exceeding|beyond|>)?\s*` +
	`(\d+(?:[.,]\d+)*)(?:\s*(million|mil|mm|m|billion|bn|b)\b)?(\+)?`)

// below ends a text that puts the number after it under it ("under",
// "fewer than", "less than", "below", "up to", "at most").
var below = regexp.MustCompile(`(?i)\b(?:under|fewer than|less than|below|up to|at most|not even)\s*$`)

// notUsers are what a number after "over" may count besides users.
var notUsers = regexp.MustCompile(`(?i)^\W*(?:\w+\W+)?(?:revenue|tokens?|param(?:eter)?s?|dollars?|usd|eur|euros?|` +
	`budget|funding|valuation|sales|downloads|meters?|requests|images|samples|rows|words)\b`)

// nextWords is what follows a number: its next three words; firstWord
// the first of them.
var (
	nextWords = regexp.MustCompile(`^(?:\W+\w+){0,3}`)
	firstWord = regexp.MustCompile(`^\W*\w*`)
)

// partOfName reports whether a number after c is part of a name.
func partOfName(c byte) bool {
	return c == '-' || c == '.' || c == '_' || c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// userWord finds a word of users.
var userWord = regexp.MustCompile(`(?i)\b(?:users?|mau|maus|dau|customers?|subscribers?|accounts?|people|monthly)\b`)

// gateThreshold is the number of users, in millions, a gate's label
// names, or 0.
var gateThreshold = regexp.MustCompile(`(?i)(\d+)\s*(?:M|million)\b[^.]*monthly active users`)

// pastUserGate reports whether the question says the asker has more
// users than a gate of c allows.
func pastUserGate(question string, c cardMeta) bool {
	if !strings.ContainsAny(question, "0123456789") {
		return false
	}
	// The gate's own card (Llama's user threshold) is withheld too: its
	// CONDITIONAL reads "yes, on conditions" to an asker past it, though
	// its summary and clause, still quoted, say what to do.
	limit := 0.0
	for _, cond := range c.Conditions {
		if m := gateThreshold.FindStringSubmatch(cond.Label); cond.Gate != "" && m != nil {
			limit, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	if limit == 0 {
		return false
	}
	for _, at := range usersIn.FindAllStringSubmatchIndex(question, -1) {
		m := make([]string, 5)
		for k := range m {
			if at[2*k] >= 0 {
				m[k] = question[at[2*k]:at[2*k+1]]
			}
		}
		if start := at[4]; start > 0 && (partOfName(question[start-1]) || question[start-1] == '$') {
			continue // "llama-3.1-405b", "qwen2.5-72b": a model's name; "$800M": money
		}
		if below.MatchString(question[:at[0]]) {
			continue // "under 800M users"
		}
		unit := strings.ToLower(m[3])
		follows := nextWords.FindString(question[at[1]:])
		if notUsers.MatchString(follows) {
			continue // "over 150M in revenue", "800M tokens"
		}
		more := m[1] != "" || m[4] != ""
		if unit == "b" || unit == "bn" || unit == "billion" {
			follows = firstWord.FindString(follows) // "1B users", not "405B have a user cap"
		}
		users := userWord.MatchString(follows) || more && unit != ""
		n, ok := millions(m[2], unit)
		// More than four billion users is no one's (the largest services have
		// about three): a model's size ("8B").
		if ok && users && n <= 4000 && (n > limit || n == limit && more) {
			return true
		}
	}
	return false
}

// millions reads a number with its unit as millions; a bare number
// counts only written out in full ("800,000,000").
func millions(num, unit string) (float64, bool) {
	plain := strings.ReplaceAll(num, ",", "")
	n, err := strconv.ParseFloat(plain, 64)
	if err != nil {
		return 0, false
	}
	switch unit {
	case "million", "mil", "mm", "m":
		return n, true
	case "billion", "bn", "b":
		return n * 1000, true
	case "":
		return n / 1e6, n >= 1e6
	}
	return 0, false
}
