package report

import (
	"bytes"
	"os"
	"unicode/utf8"
)

// utf16Columns converts go/token byte columns to the UTF-16 code unit
// columns SARIF 2.1.0 counts by default. It reads each file once.
type utf16Columns struct {
	lines map[string][][]byte // nil entry: file could not be read
}

func newUTF16Columns() *utf16Columns {
	return &utf16Columns{lines: make(map[string][][]byte)}
}

// column returns the 1-based UTF-16 column of the 1-based byte column col on
// line of file. It returns col unchanged when it cannot convert: unknown
// position, unreadable file, or a column past the end of the line.
func (c *utf16Columns) column(file string, line, col int) int {
	if file == "" || line <= 0 || col <= 1 {
		return col
	}
	lines, ok := c.lines[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		c.lines[file] = lines
	}
	if line > len(lines) || col-1 > len(lines[line-1]) {
		return col
	}
	return utf16Len(lines[line-1][:col-1]) + 1
}

// utf16Len counts UTF-16 code units of b; an invalid byte counts as one
// (it decodes to U+FFFD).
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}
