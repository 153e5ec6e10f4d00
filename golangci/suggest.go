package golangci

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/couplingvet/couplingvet/boundaries"
)

// didYouMean returns ` (did you mean "x"?)` for the known name closest to
// got, when it is close enough to be a likely typo, and "" otherwise.
func didYouMean(got string, known []string) string {
	if best := boundaries.Closest(got, known); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// digest is a short content hash of the boundary map.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}
