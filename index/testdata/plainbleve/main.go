// Command plainbleve is the reference BenchmarkAskProcess measures
// `licensebot ask` against: a process that opens a bleve index read-only,
// runs one match query and prints the best hits — what any bleve-backed
// command-line tool pays per run, before it does anything of its own.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: plainbleve INDEX WORDS...")
		os.Exit(2)
	}
	idx, err := bleve.OpenUsing(os.Args[1], map[string]interface{}{"read_only": true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer idx.Close()
	q := bleve.NewMatchQuery(strings.Join(os.Args[2:], " "))
	q.SetField("text") // licensebot's clause text (index/mapping.go)
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 3, 0, false))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(res.Hits) == 0 {
		// A search that finds nothing costs less than one that does: a
		// reference that found nothing would flatter the comparison.
		fmt.Fprintln(os.Stderr, "plainbleve: no hits (is the field still called \"text\"?)")
		os.Exit(1)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Score)
	}
}
