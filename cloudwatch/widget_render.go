package cloudwatch

import (
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"time"
)

// palette is CloudWatch's default series colours, in order.
var palette = []color.RGBA{{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
	{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff}, {0xe3, 0x77, 0xc2, 0xff},
	{0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff}, {0x17, 0xbe, 0xcf, 0xff}}

var (
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink       = color.RGBA{0x44, 0x44, 0x44, 0xff}
	gridColor = color.RGBA{0xe0, 0xe0, 0xe0, 0xff}
	annColor  = color.RGBA{0xd6, 0x27, 0x28, 0xff}
)

// plotArea is where the series are drawn, and the scales that place a
// point in it.
type plotArea struct {
	rect       image.Rectangle
	t0, t1     int64
	ymin, ymax float64
}

func (p plotArea) x(t int64) int {
	return p.rect.Min.X + int(float64(t-p.t0)/float64(p.t1-p.t0)*float64(p.rect.Dx()-1))
}

func (p plotArea) y(v float64) int {
	return p.rect.Max.Y - 1 - int((v-p.ymin)/(p.ymax-p.ymin)*float64(p.rect.Dy()-1))
}

// renderWidget draws the graph and encodes it as PNG.
func renderWidget(out io.Writer, w metricWidget, results []MetricDataResult, start, end time.Time) error {
	img := image.NewRGBA(image.Rect(0, 0, w.Width, w.Height))
	fillRect(img, 0, 0, w.Width, w.Height, white)
	lines := stackedValues(w, results)
	legendH := 0
	if w.Legend.Position != "hidden" && len(results) > 0 {
		legendH = 8 + 14*len(results)
	}
	top := 8
	if w.Title != "" {
		drawText(img, 8, 6, w.Title, ink)
		top = 24
	}
	left := 60
	if w.YAxis.Left.Label != "" {
		drawText(img, 4, top, w.YAxis.Left.Label, ink)
		top += 14
	}
	p := plotArea{rect: image.Rect(left, top, w.Width-12, w.Height-20-legendH), t0: start.Unix(), t1: end.Unix()}
	if p.rect.Dx() < 2 || p.rect.Dy() < 2 || p.t1 <= p.t0 {
		return png.Encode(out, img) // too small to hold a graph
	}
	p.ymin, p.ymax = yRange(w, lines)
	drawAxes(img, p, start, end)
	for _, a := range w.Annotations.Horizontal {
		y := p.y(a.Value)
		if y >= p.rect.Min.Y && y < p.rect.Max.Y {
			drawLine(img, p.rect.Min.X, y, p.rect.Max.X-1, y, 1, 4, annColor)
			drawText(img, p.rect.Max.X-textWidth(a.Label)-2, y-12, a.Label, annColor)
		}
	}
	for i := len(lines) - 1; i >= 0; i-- { // the first series on top
		drawSeries(img, p, results[i], lines, i, w.Stacked, palette[i%len(palette)])
	}
	for i, r := range results {
		y := w.Height - legendH + 4 + 14*i
		fillRect(img, 12, y, 10, 10, palette[i%len(palette)])
		drawText(img, 28, y, r.Label, ink)
	}
	return png.Encode(out, img)
}

// stackedValues is each result's values; stacked, each is the sum of
// those up to it at the same timestamp.
func stackedValues(w metricWidget, results []MetricDataResult) [][]float64 {
	out := make([][]float64, len(results))
	below := map[int64]float64{}
	for i, r := range results {
		out[i] = make([]float64, len(r.Values))
		for j, v := range r.Values {
			if w.Stacked {
				t := r.Timestamps[j].Unix()
				v += below[t]
				below[t] = v
			}
			out[i][j] = v
		}
	}
	return out
}

// yRange is the left axis: from 0 (or the lowest value below it) to the
// highest value or annotation, unless the widget sets min or max.
func yRange(w metricWidget, lines [][]float64) (float64, float64) {
	lo, hi := 0.0, math.Inf(-1)
	for _, l := range lines {
		for _, v := range l {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	for _, a := range w.Annotations.Horizontal {
		lo, hi = min(lo, a.Value), max(hi, a.Value)
	}
	if math.IsInf(hi, -1) || hi <= lo {
		hi = lo + 1
	}
	hi += (hi - lo) * 0.05
	if w.YAxis.Left.Min != nil {
		lo = *w.YAxis.Left.Min
	}
	if w.YAxis.Left.Max != nil {
		hi = *w.YAxis.Left.Max
	}
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

// drawAxes draws the grid, the axes and their labels.
func drawAxes(img *image.RGBA, p plotArea, start, end time.Time) {
	for k := 0; k <= 4; k++ {
		v := p.ymin + (p.ymax-p.ymin)*float64(k)/4
		y := p.y(v)
		drawLine(img, p.rect.Min.X, y, p.rect.Max.X-1, y, 1, 0, gridColor)
		label := strconv.FormatFloat(v, 'g', 4, 64)
		drawText(img, p.rect.Min.X-textWidth(label)-4, y-5, label, ink)
	}
	drawLine(img, p.rect.Min.X, p.rect.Min.Y, p.rect.Min.X, p.rect.Max.Y-1, 1, 0, ink)
	drawLine(img, p.rect.Min.X, p.rect.Max.Y-1, p.rect.Max.X-1, p.rect.Max.Y-1, 1, 0, ink)
	for k := 0; k <= 4; k++ {
		t := start.Add(time.Duration(float64(end.Sub(start)) * float64(k) / 4)).UTC()
		label := t.Format("15:04")
		x := p.x(t.Unix()) - textWidth(label)/2
		drawText(img, min(max(x, 0), img.Bounds().Dx()-textWidth(label)), p.rect.Max.Y+4, label, ink)
	}
}

// drawSeries draws one series: a line through its points (2 pixels
// wide), stacked as an area filled down to the series below.
func drawSeries(img *image.RGBA, p plotArea, r MetricDataResult, lines [][]float64, i int, stacked bool, c color.RGBA) {
	vs := lines[i]
	if stacked {
		fill := color.RGBA{c.R/2 + 0x80, c.G/2 + 0x80, c.B/2 + 0x80, 0xff}
		for j := range vs {
			x, y := p.x(r.Timestamps[j].Unix()), p.y(vs[j])
			base := p.rect.Max.Y - 1
			if i > 0 {
				base = p.y(vs[j] - r.Values[j]) // the top of the series below
			}
			drawLine(img, x, y, x, base, 1, 0, fill)
		}
	}
	for j := range vs {
		x, y := p.x(r.Timestamps[j].Unix()), p.y(vs[j])
		if j == 0 {
			fillRect(img, x-1, y-1, 3, 3, c)
			continue
		}
		drawLine(img, p.x(r.Timestamps[j-1].Unix()), p.y(vs[j-1]), x, y, 2, 0, c)
	}
}
