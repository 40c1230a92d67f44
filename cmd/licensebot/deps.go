package main
import (
 _ "github.com/bwmarrin/discordgo"
 _ "github.com/blevesearch/bleve/v2"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/prometheus/client_golang/prometheus"
 _ "modernc.org/sqlite"
 _ "github.com/jackc/pgx/v5"
 _ "github.com/santhosh-tekuri/jsonschema/v6"
 _ "golang.org/x/time/rate"
 _ "github.com/gorilla/websocket"
)
