package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/licensebot/licensebot/index"
)

func main() {
	e, err := index.Open("data")
	if err != nil {
		panic(err)
	}
	ts, err := e.Understand(os.Args[1], strings.Join(os.Args[2:], " "))
	if err != nil {
		panic(err)
	}
	for _, t := range ts[:5] {
		fmt.Printf("  %-18s %.3f\n", t.Topic, t.Score)
	}
}
