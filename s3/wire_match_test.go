package s3

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// match answers as routes.Match does, whatever the method, the address and
// the conditions a request meets: for every row of the table, and for
// random mixes of the table's conditions.
func TestMatch_AnswersAsTheRouteTable(t *testing.T) {
	var conds []string
	for _, r := range table {
		conds = append(conds, r.Query...)
		for _, h := range r.Header {
			conds = append(conds, ":"+h)
		}
	}
	conds = append(conds, "list-type=1", "x-id=GetObject", "select-type=3", "other")
	rng := rand.New(rand.NewPCG(1, 2))
	addresses := []target{{}, {bucket: "b"}, {bucket: "b", key: "k//"}}
	methods := []string{"GET", "PUT", "POST", "DELETE", "HEAD", "PATCH"}
	check := func(method string, t0 target, q url.Values, h http.Header) {
		t0.query = q
		want, _, wantKnown := routes.Match(method, t0.segments(), q, h)
		for range 2 { // the second answer is remembered
			got, known := match(method, t0, h)
			assert.Equal(t, want, got, "%s %v ?%v %v", method, t0.segments(), q, h)
			assert.Equal(t, wantKnown, known)
		}
	}
	for _, r := range table {
		q, h := url.Values{}, http.Header{}
		for _, c := range r.Query {
			name, value, _ := strings.Cut(c, "=")
			q.Set(name, value)
		}
		for _, name := range r.Header {
			h.Set(name, "x")
		}
		for _, a := range addresses {
			check(r.Method, a, q, h)
		}
	}
	for range 2000 {
		q, h := url.Values{}, http.Header{}
		for range rng.IntN(4) {
			c := conds[rng.IntN(len(conds))]
			if name, ok := strings.CutPrefix(c, ":"); ok {
				h.Set(name, "x")
				continue
			}
			name, value, _ := strings.Cut(c, "=")
			q.Add(name, value)
		}
		check(methods[rng.IntN(len(methods))], addresses[rng.IntN(len(addresses))], q, h)
	}
}
