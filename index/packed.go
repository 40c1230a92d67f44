package index

import (
	"encoding/binary"
	"fmt"
)

// packed is a slice of fixed-size numbers that gob stores as their
// little-endian bytes in one piece. gob writes a slice of numbers as one
// varint per number and reads it back one by one; the model's and the
// memory's tables hold a few hundred thousand, and reading them that way
// was a third of opening a build, which `licensebot ask` does per run.
type packed[T int32 | uint64 | float32 | float64] []T

// GobEncode returns the numbers' bytes, little-endian.
func (p packed[T]) GobEncode() ([]byte, error) {
	return binary.Append(nil, binary.LittleEndian, []T(p))
}

// GobDecode reads what GobEncode wrote.
func (p *packed[T]) GobDecode(b []byte) error {
	var zero T
	size := binary.Size(zero)
	if len(b)%size != 0 {
		return fmt.Errorf("packed: %d bytes are not a whole number of %d-byte values", len(b), size)
	}
	if len(b) == 0 {
		*p = nil
		return nil
	}
	s := make([]T, len(b)/size)
	if _, err := binary.Decode(b, binary.LittleEndian, s); err != nil {
		return fmt.Errorf("packed: %w", err)
	}
	*p = s
	return nil
}
