// Package bench holds cross-cutting benchmarks of awsfake: what building and
// closing a whole cloud costs next to an httptest.Server, and what one call
// of the real SDK costs in memory. Results are written down in BENCHMARKS.md.
//
//	go test -run '^$' -bench . -benchmem -count 3 ./bench/
package bench
