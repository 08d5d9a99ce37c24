package tags_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/tags"
)

var rules = &tags.Rules{Max: 3, Reserved: true, Chars: true, Errors: func(v tags.Violation) error {
	return fmt.Errorf("%d %s", v.Kind, v.Tag.Key)
}}

func TestRules_Check(t *testing.T) {
	for _, tc := range []struct {
		name string
		tags []tags.Tag
		want string
	}{
		{"valid", []tags.Tag{{"a", "1"}, {"b", ""}}, ""},
		{"100 characters of two bytes each are within 128", []tags.Tag{{strings.Repeat("é", 128), strings.Repeat("é", 256)}}, ""},
		{"129 characters", []tags.Tag{{strings.Repeat("é", 129), ""}}, fmt.Sprintf("%d %s", tags.KeyLength, strings.Repeat("é", 129))},
		{"empty key", []tags.Tag{{"", "v"}}, fmt.Sprintf("%d ", tags.KeyLength)},
		{"long value", []tags.Tag{{"k", strings.Repeat("v", 257)}}, fmt.Sprintf("%d k", tags.ValueLength)},
		{"reserved", []tags.Tag{{"AWS:x", "v"}}, fmt.Sprintf("%d AWS:x", tags.ReservedKey)},
		{"characters", []tags.Tag{{"k", "v#"}}, fmt.Sprintf("%d k", tags.InvalidChars)},
		{"duplicate", []tags.Tag{{"k", "1"}, {"k", "2"}}, fmt.Sprintf("%d k", tags.DuplicateKey)},
		{"too many", []tags.Tag{{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}}, fmt.Sprintf("%d ", tags.TooMany)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := rules.Check(tc.tags)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestRules_DefaultsAndMerge(t *testing.T) {
	errTooMany := errors.New("too many")
	r := &tags.Rules{Errors: func(v tags.Violation) error {
		if v.Kind == tags.TooMany {
			return errTooMany
		}
		return errors.New("other")
	}}
	assert.Equal(t, 50, r.Limit())
	assert.NoError(t, r.Check([]tags.Tag{{"aws:ok-here", "#"}}), "reserved and character rules are opt-in")
	have := map[string]string{}
	for i := range 49 {
		have[fmt.Sprint(i)] = ""
	}
	assert.NoError(t, r.CheckMerged(have, []tags.Tag{{"0", "x"}, {"new", ""}}), "an overwrite does not count")
	assert.Same(t, errTooMany, r.CheckMerged(have, []tags.Tag{{"n1", ""}, {"n2", ""}}))
}

func TestFromMapSortsAndToMapInverts(t *testing.T) {
	m := map[string]string{"b": "2", "a": "1"}
	assert.Equal(t, []tags.Tag{{"a", "1"}, {"b", "2"}}, tags.FromMap(m))
	assert.Equal(t, m, tags.ToMap(tags.FromMap(m)))
	assert.True(t, tags.IsReserved("aWs:k"))
	assert.False(t, tags.IsReserved("aws"))
}
