# licensebot — the two commands a new machine needs are `make run` and `make test`.
# Everything they need (the Go modules, the corpus texts, the index) they fetch
# or build themselves; `make prereqs` says what to install when something the
# machine must provide is missing (Go 1.26.8+, a C compiler for -race).

GO          ?= go
BIN         := bin/licensebot
# Texts, index and pins: the same per-user directory the binary uses by
# default, so `bin/licensebot ask …` after `make run` finds what it built.
DATA        ?= $(or $(LICENSEBOT_DATA),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/licensebot)
# A local mirror of the third-party texts; when present, `make data` copies
# from it instead of downloading (CI and offline machines).
MIRROR      ?= $(wildcard ../shared/corpus/texts)
LICENSE     ?= llama4
TOPIC       ?= attribution
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# What `licensebot version` and serve's first log line say the binary is;
# the Docker build passes it in (its context has no .git).
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null)
# The binary embeds corpus/, so editing a card rebuilds it.
SOURCES     := $(shell find . -name '*.go' -not -path './data/*') go.mod go.sum \
               $(shell find corpus -name '*.yaml' -o -name '*.tsv')

# Tests read the mirror; go test runs each package in its own directory, so
# the path must be absolute.
export LICENSEBOT_TEXTS ?= $(abspath $(MIRROR))

.PHONY: FORCE all build data run test lint funclen bench eval clean prereqs prereqs-race prereqs-eval fuzz fuzz-short

all: build

build: $(BIN)

# The binary is rebuilt when VERSION changes too (a commit, a tag, the tree
# dirtied or cleaned), not only a source: else it goes on reporting the
# version it was first built at. The stamp file holds the last one built
# and is rewritten only when it differs.
VERSION_STAMP := $(BIN).version

$(BIN): $(SOURCES) $(VERSION_STAMP)
	@if [ ! -x $(BIN) ]; then echo "Building $(BIN). The first build downloads the Go modules and compiles them (bleve, SQLite, pgx): about 2–5 minutes on two cores, depending on the network; later builds take seconds."; fi
	$(GO) build -trimpath $(if $(VERSION),-ldflags "-X main.buildVersion=$(VERSION)") -o $(BIN) ./cmd/licensebot

$(VERSION_STAMP): FORCE
	@mkdir -p $(dir $@); if [ "$$(cat $@ 2>/dev/null)" != "$(VERSION)" ]; then printf '%s\n' "$(VERSION)" > $@; fi

FORCE:

# Pull the texts (SHA-256 verified) and build the index into $(DATA)/.
# REQUIRE_ALL=1 fails when a mirror-only text is missing (image builds).
data: build
	@echo "Texts and index in $(DATA): $(if $(MIRROR),copying the texts from $(MIRROR),downloading ~30 texts) and building the index (about 10 seconds)."
	$(BIN) corpus pull --data $(DATA) $(if $(MIRROR),--from $(MIRROR)) $(if $(REQUIRE_ALL),--all)
	$(BIN) index build --data $(DATA)

# The main job: with Discord credentials, serve — a token runs the
# gateway mode, a public key with LICENSEBOT_HTTP_ADDR the HTTP endpoint
# (a public key alone is not enough for either) —; without, answer one
# question locally.
comma := ,

run: data
ifneq ($(strip $(DISCORD_TOKEN)$(and $(DISCORD_PUBLIC_KEY),$(LICENSEBOT_HTTP_ADDR))),)
	$(BIN) serve --data $(DATA) $(if $(LICENSEBOT_HTTP_ADDR),--http $(LICENSEBOT_HTTP_ADDR))
else
	@echo "No DISCORD_TOKEN$(if $(DISCORD_PUBLIC_KEY),$(comma) nor LICENSEBOT_HTTP_ADDR beside DISCORD_PUBLIC_KEY) set: answering locally (see README for the bot). Try others: $(BIN) ask gemma distillation" >&2
	$(BIN) ask --data $(DATA) $(LICENSE) $(TOPIC)
endif

# Tests need the corpus texts (the mirror, or LICENSEBOT_TEXTS=DIR); they
# fail, not skip, without them. The index package's full-corpus evaluation
# takes about three minutes under the race detector on two idle cores and
# went past go test's default ten-minute limit on a busy machine, hence
# the longer one.
test: prereqs-race
	$(GO) test -race -count=1 -timeout 30m ./...

# What the machine must provide, checked with the fix named.
prereqs: prereqs-race

prereqs-race:
	@v=$$($(GO) env GOVERSION 2>/dev/null) || { echo "Go is not installed: https://go.dev/dl/ (1.26.8 or newer)"; exit 1; }; \
	 if [ "$$($(GO) env CGO_ENABLED)" != 1 ] || ! command -v "$$($(GO) env CC)" >/dev/null 2>&1; then \
	   echo "make test runs go test -race, which needs cgo and a C compiler ($$($(GO) env CC) not found or CGO_ENABLED=0)."; \
	   echo "Install one: apt-get install gcc (Debian, Ubuntu), dnf install gcc (Fedora), xcode-select --install (macOS); or run go test ./... without -race."; \
	   exit 1; fi

prereqs-eval:
	@python3 -c 'import yaml' 2>/dev/null || { echo "make eval needs python3 with PyYAML: apt-get install python3-yaml, or pip install pyyaml"; exit 1; }

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	@$(GO) mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }
	@if $(GO) list -deps ./cmd/... | grep -E '^github.com/licensebot/licensebot/.*test$$'; then echo "a binary imports a test package (above)"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run ./internal/funclen -max 60 -top 10 .

# Production functions fit on a screen: lists the ten longest and fails on
# any over 60 lines (internal/funclen; its exclusion names the files other
# engineers are changing). make lint runs it too.
funclen:
	$(GO) run ./internal/funclen -max 60 -top 10 .

# Fuzz targets (go test -fuzz), one after another, each for FUZZTIME; their
# seed corpora are in each package's testdata/fuzz/ and run with make test.
# fuzz-short is CI's brief pass over each, counted in executions rather than
# seconds: Go 1.26's coordinator can fail a run whose -fuzztime duration
# ends while a worker is mid-input ("context deadline exceeded", no input
# written; go.dev/issue/75804, fixed in Go 1.27), and a count has no
# deadline to race.
FUZZTIME    ?= 30s
FUZZTARGETS := ./bot:FuzzInteraction ./index:FuzzAsk ./index:FuzzSearch ./index:FuzzFoldQuote ./corpus:FuzzLoaders ./corpus:FuzzSegment

fuzz:
	@set -e; for t in $(FUZZTARGETS); do \
		echo "fuzz $${t#*:} ($${t%%:*}) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) $${t%%:*}; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=5000x

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./index/ ./bot/

# The reference scorer over the shared dev questions, against the built
# binary (which reads the index in $(DATA)).
eval: prereqs-eval data
	LICENSEBOT_DATA=$(DATA) python3 ../shared/eval/score.py $(BIN) ../shared/eval/dev.yaml $(DATA)/texts --min-top1 0.85 --min-top3 0.95 --min-status 1 -v

clean:
	rm -rf bin
