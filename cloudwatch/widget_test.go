package cloudwatch_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// blue is the first series' colour (CloudWatch's palette).
var blue = color.RGBA{0x1f, 0x77, 0xb4, 0xff}

// widgetImage renders a widget and decodes the PNG.
func (f *fixture) widgetImage(t *testing.T, widget string) image.Image {
	t.Helper()
	out, err := f.client.GetMetricWidgetImage(f.ctx, &awscw.GetMetricWidgetImageInput{MetricWidget: aws.String(widget)})
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(out.MetricWidgetImage))
	require.NoError(t, err)
	return img
}

// countColour counts the pixels of colour c in the rectangle r.
func countColour(img image.Image, r image.Rectangle, c color.RGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) == c {
				n++
			}
		}
	}
	return n
}

// The image is a PNG of the size asked for; the series is drawn as a line
// that rises from left to right: its pixels are low on the left of the
// plot and high on the right.
func TestGetMetricWidgetImage_DrawsTheSeries(t *testing.T) {
	f := newFixture(t)
	for i := range 10 {
		f.put(t, "lat", float64(i), t0.Add(time.Duration(i-10)*time.Minute))
	}
	img := f.widgetImage(t, `{"metrics":[["app","lat"]],"width":400,"height":300,"start":"-PT10M","end":"P0D",`+
		`"period":60,"stat":"Maximum","title":"Latency","yAxis":{"left":{"label":"ms"}}}`)
	require.Equal(t, image.Rect(0, 0, 400, 300), img.Bounds())
	leftLow := countColour(img, image.Rect(60, 150, 200, 260), blue)
	leftHigh := countColour(img, image.Rect(60, 40, 200, 120), blue)
	rightHigh := countColour(img, image.Rect(260, 40, 390, 150), blue)
	assert.Greater(t, leftLow, 20, "the line starts low on the left")
	assert.Zero(t, leftHigh, "nothing high on the left")
	assert.Greater(t, rightHigh, 20, "the line ends high on the right")
	// The legend's swatch (first series colour) is under the plot.
	assert.Greater(t, countColour(img, image.Rect(0, 270, 40, 300), blue), 50)
}

// The defaults are 600 × 395; a horizontal annotation is drawn in red;
// stacked series fill their areas.
func TestGetMetricWidgetImage_DefaultsAnnotationsStacked(t *testing.T) {
	f := newFixture(t)
	f.put(t, "a", 5, minute(0))
	f.put(t, "b", 5, minute(0))
	img := f.widgetImage(t, `{"metrics":[["app","a"],[".","b"]],"start":"-PT30M","period":60,"stat":"Sum","stacked":true,`+
		`"annotations":{"horizontal":[{"value":8,"label":"limit"}]}}`)
	require.Equal(t, image.Rect(0, 0, 600, 395), img.Bounds())
	assert.Greater(t, countColour(img, img.Bounds(), color.RGBA{0xd6, 0x27, 0x28, 0xff}), 50)
	assert.Greater(t, countColour(img, img.Bounds(), color.RGBA{0xff, 0x7f, 0x0e, 0xff}), 10) // the second series
}

// A widget AWS refuses is InvalidParameterValue.
func TestGetMetricWidgetImage_Refused(t *testing.T) {
	f := newFixture(t)
	for _, w := range []string{`nope`, `{"metrics":[]}`, `{"metrics":[["app"]]}`, `{"metrics":[["app","a"]],"width":5000}`,
		`{"metrics":[["app","a"]],"start":"yesterday"}`, `{"metrics":[["app","a"]],"stat":"Median"}`, `{"metrics":[["app",1]]}`} {
		_, err := f.client.GetMetricWidgetImage(f.ctx, &awscw.GetMetricWidgetImageInput{MetricWidget: aws.String(w)})
		awsfake.CheckCode(t, err, "InvalidParameterValue")
	}
}
