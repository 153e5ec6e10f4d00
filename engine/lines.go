package engine

import (
	"go/token"
	"os"
)

// Dependencies' line tables.
//
// A token.File keeps the offset of every line of its file, so that a
// position can be turned into a line and a column, and the file set keeps
// every file to the end of the run. For the dependencies type-checked from
// source that is most of the lines a run reads: on a go-zero repository,
// 1.5 million lines of its closure held 12.6 MB, a seventh of the cold
// run's peak live heap, and dropping them took its peak memory from 158 to
// 140 MB (and its CPU down a little: fewer collections). Yet no finding is
// ever positioned in a dependency (only analysed packages report), and
// what does print a dependency's position, a type error in it, is rare.
// So a dependency's files lose their tables once parsed (forgetLines), and
// an error rebuilds the table of its file from the file before its
// position is printed (recallLines): bodies are blanked with every newline
// kept, so the file's lines are the parsed text's.
//
// What stays coarse: a position that go/types writes into the text of a
// message ("cannot infer T (declared at ...)", naming a dependency's
// declaration in a repository that does not compile), and the positions
// of dependencies' declarations in the export data the run caches, name
// line 1 with the byte offset as the column.

// forgetLines drops f's line table.
func forgetLines(f *token.File) {
	if f != nil {
		f.SetLines([]int{0})
	}
}

// recallLines gives the file that holds pos its line table back when it
// was forgotten, reading the file again.
func recallLines(fset *token.FileSet, pos token.Pos) {
	f := fset.File(pos)
	if f == nil || f.LineCount() > 1 {
		return
	}
	src, err := os.ReadFile(f.Name())
	if err != nil || len(src) != f.Size() {
		return // gone or changed since: its positions stay coarse
	}
	f.SetLinesForContent(src)
}
