package cloudwatch

import (
	"image"
	"image/color"
	"strings"
)

// glyphs is a 3×5 bitmap font for the widget image's text (the standard
// library has none): each glyph is five rows of three pixels, '#' set.
// Lower-case letters are drawn as capitals; a character without a glyph is
// a space.
var glyphs = func() map[rune][5]string {
	src := `0 ### #.# #.# #.# ###|1 .#. ##. .#. .#. ###|2 ##. ..# .#. #.. ###|3 ##. ..# .#. ..# ##.|` +
		`4 #.# #.# ### ..# ..#|5 ### #.. ##. ..# ##.|6 .## #.. ### #.# ###|7 ### ..# .#. .#. .#.|` +
		`8 ### #.# ### #.# ###|9 ### #.# ### ..# ##.|A .#. #.# ### #.# #.#|B ##. #.# ##. #.# ##.|` +
		`C .## #.. #.. #.. .##|D ##. #.# #.# #.# ##.|E ### #.. ##. #.. ###|F ### #.. ##. #.. #..|` +
		`G .## #.. #.# #.# .##|H #.# #.# ### #.# #.#|I ### .#. .#. .#. ###|J ..# ..# ..# #.# .#.|` +
		`K #.# #.# ##. #.# #.#|L #.. #.. #.. #.. ###|M #.# ### ### #.# #.#|N ##. #.# #.# #.# #.#|` +
		`O .#. #.# #.# #.# .#.|P ##. #.# ##. #.. #..|Q .#. #.# #.# ##. .##|R ##. #.# ##. #.# #.#|` +
		`S .## #.. .#. ..# ##.|T ### .#. .#. .#. .#.|U #.# #.# #.# #.# ###|V #.# #.# #.# #.# .#.|` +
		`W #.# #.# ### ### #.#|X #.# #.# .#. #.# #.#|Y #.# #.# .#. .#. .#.|Z ### ..# .#. #.. ###|` +
		`. ... ... ... ... .#.|: ... .#. ... .#. ...|- ... ... ### ... ...|_ ... ... ... ... ###|` +
		`/ ..# ..# .#. #.. #..|% #.# ..# .#. #.. #.#|( .#. #.. #.. #.. .#.|) .#. ..# ..# ..# .#.|` +
		`+ ... .#. ### .#. ...|= ... ### ... ### ...|, ... ... ... .#. #..|* ... #.# .#. #.# ...`
	out := map[rune][5]string{}
	for _, g := range strings.Split(src, "|") {
		f := strings.Fields(g)
		out[rune(f[0][0])] = [5]string{f[1], f[2], f[3], f[4], f[5]}
	}
	return out
}()

// glyphScale is how many pixels a font pixel takes; a character is
// (3+1)·scale wide and 5·scale high.
const glyphScale = 2

// textWidth is the width text takes, in pixels.
func textWidth(s string) int { return len([]rune(s)) * 4 * glyphScale }

// drawText draws s with its top left at (x, y).
func drawText(img *image.RGBA, x, y int, s string, c color.RGBA) {
	for _, r := range strings.ToUpper(s) {
		g, ok := glyphs[r]
		if ok {
			for row, line := range g {
				for col, px := range line {
					if px == '#' {
						fillRect(img, x+col*glyphScale, y+row*glyphScale, glyphScale, glyphScale, c)
					}
				}
			}
		}
		x += 4 * glyphScale
	}
}

// fillRect fills the w×h rectangle at (x, y), clipped to the image.
func fillRect(img *image.RGBA, x, y, w, h int, c color.RGBA) {
	r := image.Rect(x, y, x+w, y+h).Intersect(img.Bounds())
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			img.SetRGBA(px, py, c)
		}
	}
}

// drawLine draws a line from (x0, y0) to (x1, y1), thick pixels wide
// (Bresenham); dash > 0 leaves gaps of dash pixels every dash pixels.
func drawLine(img *image.RGBA, x0, y0, x1, y1, thick, dash int, c color.RGBA) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	e := dx + dy
	for n := 0; ; n++ {
		if dash == 0 || (n/dash)%2 == 0 {
			fillRect(img, x0-thick/2, y0-thick/2, thick, thick, c)
		}
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			x0 += sx
		}
		if e2 <= dx {
			e += dx
			y0 += sy
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func sign(v int) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}
