package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// wordNet is the part of the WordNet database lexgen reads: for each part
// of speech, lemma → synset offsets by frequency, and the synsets.
type wordNet struct {
	index map[byte]map[string][]int64 // pos → lemma → offsets
	data  map[byte]map[int64]*synset  // pos → offset → synset
	exc   map[byte]map[string]string  // pos → inflected → base
}

type synset struct {
	words   []string
	ptrs    []pointer
	lexFile int // the lexicographer file: 18 is noun.person
}

type pointer struct {
	symbol   string
	offset   int64
	pos      byte
	src, dst int // word numbers for lexical pointers; 0 for semantic
}

var posFiles = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}

func loadWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{index: map[byte]map[string][]int64{}, data: map[byte]map[int64]*synset{}, exc: map[byte]map[string]string{}}
	for pos, name := range posFiles {
		idx, err := readIndex(filepath.Join(dir, "index."+name))
		if err != nil {
			return nil, err
		}
		data, err := readData(filepath.Join(dir, "data."+name))
		if err != nil {
			return nil, err
		}
		exc, err := readExc(filepath.Join(dir, name+".exc"))
		if err != nil {
			return nil, err
		}
		wn.index[pos], wn.data[pos], wn.exc[pos] = idx, data, exc
	}
	return wn, nil
}

func readIndex(path string) (map[string][]int64, error) {
	out := map[string][]int64{}
	err := eachLine(path, func(f []string) error {
		// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
		if len(f) < 6 {
			return nil
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		offs := f[len(f)-n:]
		for _, o := range offs {
			v, err := strconv.ParseInt(o, 10, 64)
			if err != nil {
				return err
			}
			out[f[0]] = append(out[f[0]], v)
		}
		return nil
	})
	return out, err
}

func readData(path string) (map[int64]*synset, error) {
	out := map[int64]*synset{}
	err := eachLine(path, func(f []string) error {
		// offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... | gloss
		off, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return err
		}
		wc, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil {
			return err
		}
		lf, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		s := &synset{lexFile: lf}
		i := 4
		for k := 0; k < int(wc); k++ {
			w := strings.ToLower(f[i])
			if p := strings.IndexByte(w, '('); p > 0 { // adjective markers: "big(a)"
				w = w[:p]
			}
			s.words = append(s.words, w)
			i += 2
		}
		pc, err := strconv.Atoi(f[i])
		if err != nil {
			return err
		}
		i++
		for k := 0; k < pc; k++ {
			po, _ := strconv.ParseInt(f[i+1], 10, 64)
			st := f[i+3]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			pos := f[i+2][0]
			if pos == 's' {
				pos = 'a'
			}
			s.ptrs = append(s.ptrs, pointer{symbol: f[i], offset: po, pos: pos, src: int(src), dst: int(dst)})
			i += 4
		}
		out[off] = s
		return nil
	})
	return out, err
}

func readExc(path string) (map[string]string, error) {
	out := map[string]string{}
	err := eachLine(path, func(f []string) error {
		if len(f) >= 2 {
			out[f[0]] = f[1]
		}
		return nil
	})
	return out, err
}

// eachLine calls fn with the fields of every data line (license header
// lines start with spaces and are skipped).
func eachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if bar := strings.Index(line, " | "); bar >= 0 {
			line = line[:bar]
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// base finds the lemma WordNet lists for word in pos: the word itself, an
// exception ("children" → "child"), or a regular inflection stripped.
func (wn *wordNet) base(word string, pos byte) string {
	if _, ok := wn.index[pos][word]; ok {
		return word
	}
	if b, ok := wn.exc[pos][word]; ok {
		return b
	}
	rules := map[byte][][2]string{
		'n': {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}},
		'v': {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"s", ""}},
		'a': {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	}
	for _, r := range rules[pos] {
		if strings.HasSuffix(word, r[0]) {
			if b := strings.TrimSuffix(word, r[0]) + r[1]; wn.index[pos][b] != nil {
				return b
			}
		}
	}
	return ""
}

// related returns, sorted, the words related to word by rel across parts
// of speech, without word itself.
func (wn *wordNet) related(word, rel string) []string {
	set := map[string]bool{}
	var bases []string
	for _, pos := range []byte{'n', 'v', 'a', 'r'} {
		b := wn.base(word, pos)
		if b == "" {
			continue
		}
		bases = append(bases, b)
		for sense, off := range wn.index[pos][b] {
			s := wn.data[pos][off]
			if s == nil {
				continue
			}
			switch rel {
			case "syn":
				if sense < synSenses {
					addWords(set, s.words)
				}
			case "der":
				at := indexOf(s.words, b) + 1
				for _, p := range s.ptrs {
					if (p.symbol == "+" || p.symbol == `\`) && p.src == at {
						if t := wn.data[p.pos][p.offset]; t != nil && p.dst > 0 && p.dst <= len(t.words) {
							set[t.words[p.dst-1]] = true
						}
					}
				}
			case "hypo":
				if sense >= hypoSenses {
					continue
				}
				for _, p := range s.ptrs {
					if p.symbol == "~" {
						if t := wn.data[p.pos][p.offset]; t != nil {
							addWords(set, t.words)
						}
					}
				}
			default:
				panic("lexgen: no relation " + rel)
			}
		}
	}
	delete(set, word)
	for _, b := range bases { // "credits" is not related to "credit": it is it
		delete(set, b)
	}
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func addWords(set map[string]bool, words []string) {
	for i, w := range words {
		if i == maxPerSet {
			break
		}
		set[w] = true
	}
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
