# syntax=docker/dockerfile:1
# Multi-stage: build the binary and the index with the same make targets used
# by hand, then ship them in a small image that runs as non-root.
#
#   docker build --build-context mirror=../shared/corpus/texts \
#     --build-arg VERSION=$(git describe --tags --always --dirty) -t licensebot .
#   docker run --rm -p 8080:8080 -e DISCORD_PUBLIC_KEY=... -e DISCORD_TOKEN=... licensebot
#
# Two documents (the Open Source Definition, the critique article) have no
# download URL and come only from a mirror: the build gets one as the named
# context "mirror" (any directory of <id>.txt files). Without it the stage
# below is empty, the other texts are downloaded, and the build stops naming
# the missing ones: an image never answers from fewer documents silently.
FROM scratch AS mirror

# Bases pinned by digest (multi-arch index digests); bump deliberately:
#   docker buildx imagetools inspect golang:1.26.8-bookworm
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot
FROM golang:1.26.8-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d AS build
WORKDIR /src
# A static binary for the distroless image (the SQLite driver is pure Go);
# the toolchain is the image's, never a download.
ENV CGO_ENABLED=0 GOTOOLCHAIN=local
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=mirror . /mirror/
# Same targets as by hand: build the binary (the corpus is compiled in), pull
# the texts (from the mirror, the rest downloaded, all SHA-256 verified;
# REQUIRE_ALL refuses a missing one), build the index.
# VERSION is what `licensebot version` reports (the context has no .git);
# make data builds the binary first too, so it is given the same one.
ARG VERSION=
RUN make build VERSION="$VERSION" && make data VERSION="$VERSION" DATA=/src/data MIRROR=/mirror REQUIRE_ALL=1 && mkdir -p pins

FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
WORKDIR /app
COPY --from=build /src/bin/licensebot /app/licensebot
COPY --from=build --chown=nonroot:nonroot /src/data /app/data
# Pins live apart from the index, so a volume for them never hides a newer
# image's index. The directory starts empty: no pins database is ever baked
# into the image (.dockerignore keeps local ones out of the context, too).
COPY --from=build --chown=nonroot:nonroot /src/pins /app/pins
USER nonroot:nonroot
ENV LICENSEBOT_DATA=/app/data LICENSEBOT_DB=/app/pins/licensebot.db LICENSEBOT_METRICS_ADDR=:9090
EXPOSE 8080
# No shell in distroless: the binary asks its own /readyz, on the ops
# address :9090 (LICENSEBOT_METRICS_ADDR) in both modes; the interactions
# port :8080 serves only /interactions and /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/app/licensebot", "healthcheck"]
ENTRYPOINT ["/app/licensebot"]
CMD ["serve", "--http", ":8080"]
