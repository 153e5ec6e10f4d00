package engine

// blankBodies is a cheaper way to the same syntax as parsing a file and
// then dropping its function bodies (dropBodies): the bodies of its
// top-level functions are turned into spaces before the parser sees them,
// so it never builds their syntax. Parsing those bodies was a quarter of
// a cold run's CPU on a go-zero repository, for syntax thrown away at once.
//
// It is a lexer, not a parser: it skips comments, strings, raw strings
// and rune literals, and follows brackets. A declaration is a line that
// starts with "func" outside any bracket (gofmt's layout; a file laid out
// otherwise keeps its bodies, which dropBodies removes as before). Its
// body is the first "{" outside the signature's brackets that does not
// open a struct or interface type (func f() struct{ a int } { ... });
// a newline after a token that ends a statement before any "{" means
// the function has no body (an assembly function). (A function literal
// that starts a line of a package-level initialiser, var x =\nfunc() T
// {...}, is blanked too: its type is its signature's.) Newlines are kept, so
// that positions do not move. When anything is left open at the end of
// the file, it returns nil and the caller parses the file as it is.

// blankBodies returns a copy of src with the insides of its top-level
// function bodies blanked, or nil when it cannot tell them apart.
func blankBodies(src []byte) []byte {
	b := &blanker{src: src}
	if !b.run() {
		return nil
	}
	if b.out == nil {
		return src
	}
	return b.out
}

type blanker struct {
	src []byte
	out []byte // src's copy, once a body is blanked
	i   int
}

// token kinds the lexer tells apart
const (
	tokNone    = iota
	tokWord    // identifier or keyword
	tokClose   // ) ] }
	tokLiteral // string, rune or number
	tokOther   // any other operator
)

func (b *blanker) run() bool {
	depth := 0
	lineStart := true
	for b.i < len(b.src) {
		c, ok := b.skipSpace()
		if !ok {
			return false
		}
		if b.i == len(b.src) {
			break
		}
		if c == '\n' {
			lineStart = true
			b.i++
			continue
		}
		atLineStart := lineStart
		lineStart = false
		switch {
		case c == '"' || c == '\'' || c == '`':
			if !b.skipQuoted(c) {
				return false
			}
		case c == '(' || c == '[' || c == '{':
			depth++
			b.i++
		case c == ')' || c == ']' || c == '}':
			depth--
			b.i++
			if depth < 0 {
				return false
			}
		case isWordByte(c):
			start := b.i
			b.skipWord()
			if atLineStart && depth == 0 && string(b.src[start:b.i]) == "func" {
				if !b.function() {
					return false
				}
			}
		default:
			b.i++
		}
	}
	return depth == 0
}

// function reads a declaration's signature, from just after "func", and
// blanks its body if it has one.
func (b *blanker) function() bool {
	depth := 0
	last, lastWord := tokNone, ""
	for b.i < len(b.src) {
		c, ok := b.skipSpace()
		if !ok {
			return false
		}
		if b.i == len(b.src) {
			break
		}
		switch {
		case c == '\n':
			if depth == 0 && (last == tokWord || last == tokClose || last == tokLiteral) {
				return true // a statement ends here: no body
			}
			b.i++
		case c == '"' || c == '\'' || c == '`':
			if !b.skipQuoted(c) {
				return false
			}
			last = tokLiteral
		case c == '{' && depth == 0 && !(last == tokWord && (lastWord == "struct" || lastWord == "interface")):
			return b.blankBody()
		case c == '(' || c == '[' || c == '{':
			depth++
			b.i++
			last = tokOther
		case c == ')' || c == ']' || c == '}':
			depth--
			b.i++
			last = tokClose
			if depth < 0 {
				return false
			}
		case isWordByte(c):
			start := b.i
			b.skipWord()
			last, lastWord = tokWord, string(b.src[start:b.i])
		default:
			b.i++
			last = tokOther
		}
	}
	return false
}

// blankBody blanks from the "{" at b.i to its matching "}", exclusive.
func (b *blanker) blankBody() bool {
	open := b.i
	b.i++
	depth := 1
	for b.i < len(b.src) {
		c := b.src[b.i]
		switch {
		case c == '/' && b.peek(1) == '/':
			b.skipLineComment()
		case c == '/' && b.peek(1) == '*':
			if !b.skipBlockComment() {
				return false
			}
		case c == '"' || c == '\'' || c == '`':
			if !b.skipQuoted(c) {
				return false
			}
		case c == '{':
			depth++
			b.i++
		case c == '}':
			depth--
			if depth == 0 {
				b.blank(open+1, b.i)
				b.i++
				return true
			}
			b.i++
		default:
			b.i++
		}
	}
	return false
}

// blank turns src[from:to] into spaces, newlines kept.
func (b *blanker) blank(from, to int) {
	if b.out == nil {
		b.out = append([]byte(nil), b.src...)
	}
	for i := from; i < to; i++ {
		if b.out[i] != '\n' {
			b.out[i] = ' '
		}
	}
}

// skipSpace skips blanks and comments up to the next newline or token,
// and returns its first byte (b.i is then len(b.src) at the end of the
// file); ok is false when
// a comment is left open.
func (b *blanker) skipSpace() (c byte, ok bool) {
	for b.i < len(b.src) {
		switch c := b.src[b.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			b.i++
		case c == '/' && b.peek(1) == '/':
			b.skipLineComment()
		case c == '/' && b.peek(1) == '*':
			if !b.skipBlockComment() {
				return 0, false
			}
		default:
			return c, true
		}
	}
	return 0, true
}

func (b *blanker) peek(n int) byte {
	if b.i+n < len(b.src) {
		return b.src[b.i+n]
	}
	return 0
}

func (b *blanker) skipLineComment() {
	for b.i < len(b.src) && b.src[b.i] != '\n' {
		b.i++
	}
}

func (b *blanker) skipBlockComment() bool {
	for b.i += 2; b.i+1 < len(b.src); b.i++ {
		if b.src[b.i] == '*' && b.src[b.i+1] == '/' {
			b.i += 2
			return true
		}
	}
	return false
}

// skipQuoted skips a string, rune or raw string literal opened by q.
func (b *blanker) skipQuoted(q byte) bool {
	for b.i++; b.i < len(b.src); b.i++ {
		switch c := b.src[b.i]; {
		case c == q:
			b.i++
			return true
		case c == '\\' && q != '`':
			b.i++
		case c == '\n' && q != '`':
			return false
		}
	}
	return false
}

func (b *blanker) skipWord() {
	for b.i < len(b.src) && isWordByte(b.src[b.i]) {
		b.i++
	}
}

// isWordByte reports whether c may be part of an identifier, keyword or
// number (any byte of a multi-byte UTF-8 letter included).
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
