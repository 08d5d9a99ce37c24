package s3

import (
	"slices"
	"sort"
	"strings"
)

// blockSize bounds the keys held by one block of a keyIndex. Inserting costs
// a binary search over the blocks, then a shift within one block.
const blockSize = 512

// keyIndex is an ordered set of strings kept as a list of sorted blocks: a
// lookup is a binary search over the blocks then within one, an insert or a
// delete moves at most one block's worth of keys, and a listing page seeks
// once and then walks. It backs every listing, so that a page costs
// O(log n + page) whatever the size of the bucket.
type keyIndex struct {
	blocks [][]string
	n      int
}

// Len returns the number of keys in the set.
func (x *keyIndex) Len() int { return x.n }

// block returns the index of the first block whose last key is >= key, or
// len(x.blocks) when every key is smaller.
func (x *keyIndex) block(key string) int {
	return sort.Search(len(x.blocks), func(i int) bool {
		b := x.blocks[i]
		return b[len(b)-1] >= key
	})
}

// Insert adds key; it reports whether key was new.
func (x *keyIndex) Insert(key string) bool {
	if len(x.blocks) == 0 {
		x.blocks = [][]string{{key}}
		x.n = 1
		return true
	}
	bi := x.block(key)
	if bi == len(x.blocks) {
		bi-- // larger than every key: append to the last block
	}
	b := x.blocks[bi]
	i, found := slices.BinarySearch(b, key)
	if found {
		return false
	}
	b = slices.Insert(b, i, key)
	x.n++
	if len(b) <= blockSize {
		x.blocks[bi] = b
		return true
	}
	half := len(b) / 2
	left := slices.Clip(b[:half])
	right := append([]string(nil), b[half:]...)
	x.blocks[bi] = left
	x.blocks = slices.Insert(x.blocks, bi+1, right)
	return true
}

// Delete removes key; it reports whether key was present.
func (x *keyIndex) Delete(key string) bool {
	bi := x.block(key)
	if bi == len(x.blocks) {
		return false
	}
	b := x.blocks[bi]
	i, found := slices.BinarySearch(b, key)
	if !found {
		return false
	}
	b = slices.Delete(b, i, i+1)
	x.n--
	switch {
	case len(b) == 0:
		x.blocks = slices.Delete(x.blocks, bi, bi+1)
	case bi+1 < len(x.blocks) && len(b)+len(x.blocks[bi+1]) <= blockSize/2:
		// Merge small neighbours so that deletes cannot leave a long list
		// of nearly empty blocks.
		x.blocks[bi] = append(b, x.blocks[bi+1]...)
		x.blocks = slices.Delete(x.blocks, bi+1, bi+2)
	default:
		x.blocks[bi] = b
	}
	return true
}

// Seek returns a cursor at the first key >= from.
func (x *keyIndex) Seek(from string) cursor {
	bi := x.block(from)
	if bi == len(x.blocks) {
		return cursor{x: x, bi: bi}
	}
	i, _ := slices.BinarySearch(x.blocks[bi], from)
	return cursor{x: x, bi: bi, i: i}
}

// SeekAfter returns a cursor at the first key > after.
func (x *keyIndex) SeekAfter(after string) cursor {
	c := x.Seek(after)
	if c.Valid() && c.Key() == after {
		c.Next()
	}
	return c
}

// cursor walks a keyIndex in order. It is invalidated by any change to the
// index; callers hold the service lock while they walk.
type cursor struct {
	x     *keyIndex
	bi, i int
}

// Valid reports whether the cursor is on a key.
func (c *cursor) Valid() bool { return c.bi < len(c.x.blocks) }

// Key returns the key under the cursor; the cursor must be valid.
func (c *cursor) Key() string { return c.x.blocks[c.bi][c.i] }

// Next moves to the following key.
func (c *cursor) Next() {
	c.i++
	if c.i == len(c.x.blocks[c.bi]) {
		c.bi++
		c.i = 0
	}
}

// prefixEnd returns the smallest string greater than every string that
// starts with p, or "" when there is none (p empty or all 0xff bytes). A
// listing that rolls keys up into a common prefix jumps there.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

// rollUp returns the common prefix key falls under for a listing with prefix
// and delimiter: the key up to and including the first delimiter after the
// prefix. ok is false when the key is listed on its own.
func rollUp(key, prefix, delimiter string) (string, bool) {
	if delimiter == "" {
		return "", false
	}
	i := strings.Index(key[len(prefix):], delimiter)
	if i < 0 {
		return "", false
	}
	return key[:len(prefix)+i+len(delimiter)], true
}
