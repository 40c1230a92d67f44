package index

import (
	"bytes"
	"encoding/gob"
	"math"
	"slices"
	"testing"
)

// Packed numbers come back from gob as they went in, at every width and
// sign, and an empty table comes back empty.
func TestPackedRoundTripsThroughGob(t *testing.T) {
	type tables struct {
		I   packed[int32]
		U   packed[uint64]
		F   packed[float32]
		D   packed[float64]
		Nil packed[int32]
	}
	in := tables{
		I: packed[int32]{0, -1, math.MaxInt32, math.MinInt32, 7},
		U: packed[uint64]{math.MaxUint64, 0, 14695981039346656037},
		F: packed[float32]{-0.5, 3.25, math.MaxFloat32},
		D: packed[float64]{math.Pi, -math.SmallestNonzeroFloat64, 0},
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(in); err != nil {
		t.Fatal(err)
	}
	var out tables
	if err := gob.NewDecoder(&b).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(in.I, out.I) || !slices.Equal(in.U, out.U) || !slices.Equal(in.F, out.F) || !slices.Equal(in.D, out.D) || len(out.Nil) != 0 {
		t.Errorf("read back %+v, wrote %+v", out, in)
	}
}

// Bytes that are not a whole number of values are an error, not a table
// cut short.
func TestPackedRefusesAPartialValue(t *testing.T) {
	var p packed[int32]
	if err := p.GobDecode([]byte{1, 2, 3, 4, 5}); err == nil {
		t.Errorf("5 bytes decoded as %v, want an error", p)
	}
	var q packed[uint64]
	if err := q.GobDecode([]byte{1, 2, 3, 4}); err == nil {
		t.Errorf("4 bytes decoded as %v, want an error", q)
	}
}
