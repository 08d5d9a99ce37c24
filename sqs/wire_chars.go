package sqs

import (
	"context"
	"strconv"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/protocol"
)

// rawChecked refuses, before JSON decoding, a body whose text JSON decoding
// would rewrite: raw bytes that are not UTF-8 (a lone \xff, an overlong
// \xc0\x80, an encoded surrogate) and escaped lone surrogates (\ud800),
// which encoding/json turns into U+FFFD silently. SQS's allowed characters
// exclude them, and the Query binding refuses the same bytes, so both
// protocols answer InvalidMessageContents.
func rawChecked(op protocol.TargetOp[*Service]) protocol.TargetOp[*Service] {
	return func(s *Service, ctx context.Context, body []byte) (any, error) {
		if !utf8.Valid(body) || hasLoneSurrogate(body) {
			return nil, invalidContents()
		}
		return op(s, ctx, body)
	}
}

// hasLoneSurrogate reports whether a JSON text escapes a surrogate that is
// not half of a pair (\ud800 alone, \udc00 first).
func hasLoneSurrogate(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			continue
		}
		if b[i+1] != 'u' {
			i++ // an escaped character: \\, \", \n...
			continue
		}
		r, ok := hex4(b, i+2)
		if !ok {
			continue // malformed: the decoder refuses it
		}
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return true
		case r >= 0xD800 && r <= 0xDBFF:
			low, ok := uint64(0), false
			if i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
				low, ok = hex4(b, i+8)
			}
			if !ok || low < 0xDC00 || low > 0xDFFF {
				return true
			}
			i += 11
		default:
			i += 5
		}
	}
	return false
}

func hex4(b []byte, at int) (uint64, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[at:at+4]), 16, 32)
	return n, err == nil
}
