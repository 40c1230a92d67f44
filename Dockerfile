# syntax=docker/dockerfile:1
# Multi-stage: build the binary and the index with the same make targets used
# by hand, then ship them in a small image that runs as non-root.
#
#   make data            # optional: puts mirror-only texts (osd, critique) in data/texts
#   docker build -t licensebot .
#   docker run --rm -e DISCORD_PUBLIC_KEY=... -e DISCORD_APP_ID=... -p 8080:8080 licensebot serve --http :8080

FROM golang:1.26-bookworm AS build
WORKDIR /src
# A static binary for the distroless image (the SQLite driver is pure Go).
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Same targets as by hand: build the binary, pull the texts (downloaded and
# SHA-256 verified; any already in data/texts from the build context are
# kept), build the index.
RUN make build && make data MIRROR= && mkdir -p pins

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /src/bin/licensebot /app/licensebot
COPY --from=build --chown=nonroot:nonroot /src/data /app/data
COPY --from=build /src/corpus /app/corpus
# Pins live apart from the index, so a volume for them never hides a newer
# image's index.
COPY --from=build --chown=nonroot:nonroot /src/pins /app/pins
USER nonroot:nonroot
ENV LICENSEBOT_DATA=/app/data LICENSEBOT_CORPUS=/app/corpus LICENSEBOT_DB=/app/pins/licensebot.db
EXPOSE 8080
ENTRYPOINT ["/app/licensebot"]
CMD ["serve", "--http", ":8080"]
