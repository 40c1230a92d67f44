package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// discordAPI is the prefix every discordgo REST URL starts with. discordgo
// computes its endpoint strings from it once, at package init, so
// reassigning discordgo.EndpointDiscord later redirects nothing; rewriting
// each request on its way out does.
const discordAPI = "https://discord.com/api"

// RewriteTransport sends requests for Discord's REST API to Base instead:
// https://discord.com/api/v9/x becomes <Base>/v9/x. Other URLs pass
// through unchanged.
type RewriteTransport struct {
	Base *url.URL
	Next http.RoundTripper // nil means http.DefaultTransport
}

// RoundTrip rewrites and forwards req.
func (t *RewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.Next
	if next == nil {
		next = http.DefaultTransport
	}
	u := req.URL.String()
	rest, ok := strings.CutPrefix(u, discordAPI)
	if !ok || (rest != "" && rest[0] != '/' && rest[0] != '?') {
		return next.RoundTrip(req)
	}
	target, err := url.Parse(strings.TrimRight(t.Base.String(), "/") + rest)
	if err != nil {
		return nil, fmt.Errorf("discord api rewrite: %w", err)
	}
	r := req.Clone(req.Context())
	r.URL = target
	r.Host = target.Host
	return next.RoundTrip(r)
}

// UseAPIBase points every REST call of s at base (LICENSEBOT_DISCORD_API),
// e.g. "http://127.0.0.1:8081/api" for a stand-in or a REST proxy. The
// gateway URL follows, since discordgo asks the REST API for it.
func UseAPIBase(s *discordgo.Session, base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("discord api base %q: %w", base, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("discord api base %q: want an absolute http(s) URL", base)
	}
	client := s.Client
	if client == nil {
		client = &http.Client{}
	}
	c := *client
	c.Transport = &RewriteTransport{Base: u, Next: client.Transport}
	s.Client = &c
	return nil
}
