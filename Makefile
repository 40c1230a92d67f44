# licensebot — the two commands a new machine needs are `make run` and `make test`.
# Everything they need (the Go modules, the corpus texts, the index) they fetch
# or build themselves.

GO          ?= go
BIN         := bin/licensebot
DATA        ?= data
# A local mirror of the third-party texts; when present, `make data` copies
# from it instead of downloading (CI and offline machines).
MIRROR      ?= $(wildcard ../shared/corpus/texts)
LICENSE     ?= llama4
TOPIC       ?= attribution
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
SOURCES     := $(shell find . -name '*.go' -not -path './data/*') go.mod go.sum

export LICENSEBOT_TEXTS ?= $(abspath $(MIRROR))

.PHONY: all build data run test lint funclen bench eval clean fuzz fuzz-short

all: build

build: $(BIN)

$(BIN): $(SOURCES)
	$(GO) build -trimpath -o $(BIN) ./cmd/licensebot

# Pull the texts (SHA-256 verified) and build the index into $(DATA)/.
data: build
	$(BIN) corpus pull --data $(DATA) $(if $(MIRROR),--from $(MIRROR))
	$(BIN) index build --data $(DATA)

# The main job: with Discord credentials, serve (HTTP mode when
# LICENSEBOT_HTTP_ADDR is set); without, answer one question locally.
run: data
ifneq ($(strip $(DISCORD_TOKEN)$(DISCORD_PUBLIC_KEY)),)
	$(BIN) serve --data $(DATA) $(if $(LICENSEBOT_HTTP_ADDR),--http $(LICENSEBOT_HTTP_ADDR))
else
	@echo "No DISCORD_TOKEN set: answering locally (see README for the bot)." >&2
	$(BIN) ask --data $(DATA) $(LICENSE) $(TOPIC)
endif

# Tests need the corpus texts: LICENSEBOT_TEXTS (default ../shared/corpus/texts).
# They fail, not skip, without them.
test:
	$(GO) test -race -count=1 ./...

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
# fuzz-short is CI's brief pass over each.
FUZZTIME    ?= 30s
FUZZTARGETS := ./bot:FuzzInteraction ./index:FuzzAsk ./index:FuzzSearch ./corpus:FuzzLoaders ./corpus:FuzzSegment

fuzz:
	@set -e; for t in $(FUZZTARGETS); do \
		echo "fuzz $${t#*:} ($${t%%:*}) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) $${t%%:*}; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=10s

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./index/ ./bot/

# The reference scorer over the shared dev questions, against the built binary.
eval: data
	python3 ../shared/eval/score.py $(BIN) ../shared/eval/dev.yaml $(DATA)/texts --min-top1 0.85 --min-top3 0.95 --min-status 1 -v

clean:
	rm -rf bin
