package iam

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/tags"
)

// The model's name lengths (botocore iam service-2.json): userNameType and
// roleNameType 64, existingUserNameType, groupNameType, policyNameType and
// instanceProfileNameType 128.
const (
	maxUserName  = 64
	maxRoleName  = 64
	maxOtherName = 128
	maxPath      = 512
	maxDesc      = 1000
)

// nameChars is the model's pattern for IAM names.
const nameChars = `[\w+=,.@-]+`

// checkName applies the model's rule for a name member: 1 to max
// characters of [\w+=,.@-].
func checkName(member, name string, max int) error {
	if name == "" {
		return validation(member, name, "Member must have length greater than or equal to 1")
	}
	if utf8.RuneCountInString(name) > max {
		return validation(member, name, "Member must have length less than or equal to "+itoa(max))
	}
	for _, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("+=,.@-", c)) {
			return validation(member, name, "Member must satisfy regular expression pattern: "+nameChars)
		}
	}
	return nil
}

// pathOf applies the model's pathType to a path member: "/" when empty,
// else 1 to 512 characters of \u0021-\u007F starting and ending with /.
func pathOf(member, path string) (string, error) {
	if path == "" {
		return "/", nil
	}
	if len(path) > maxPath {
		return "", validation(member, path, "Member must have length less than or equal to 512")
	}
	ok := path[0] == '/' && path[len(path)-1] == '/'
	for i := 0; ok && i < len(path); i++ {
		ok = path[i] >= 0x21 && path[i] <= 0x7f
	}
	if !ok {
		return "", validation(member, path, `Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)`)
	}
	if strings.Contains(path, "//") {
		return "", invalid("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.")
	}
	return path, nil
}

// policyPathOf applies the model's policyPathType: ((/[A-Za-z0-9\.,\+@=_-]+)*)/.
func policyPathOf(member, path string) (string, error) {
	p, err := pathOf(member, path)
	if err != nil {
		return "", err
	}
	for _, c := range p {
		if !(c == '/' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(".,+@=-", c)) {
			return "", validation(member, path, `Member must satisfy regular expression pattern: ((/[A-Za-z0-9\.,\+@=_-]+)*)/`)
		}
	}
	return p, nil
}

// checkDescription applies the 1,000-character limit of descriptions.
func checkDescription(desc string) error {
	if utf8.RuneCountInString(desc) > maxDesc {
		return validation("description", desc, "Member must have length less than or equal to 1000")
	}
	return nil
}

// checkARN applies the model's arnType (20 to 2,048 characters) to member.
func checkARN(member, v string) error {
	if len(v) < 20 || len(v) > 2048 {
		return validation(member, v, "Member must have length greater than or equal to 20")
	}
	return nil
}

// maxItems is the page size a List call asks for: the model's
// maxItemsType, 1 to 1,000, default 100.
func maxItems(n *int32) (int, error) {
	if n == nil {
		return 100, nil
	}
	if *n < 1 || *n > 1000 {
		return 0, validation("maxItems", itoa(int(*n)), "Member must have value between 1 and 1000")
	}
	return int(*n), nil
}

// page returns the page of items that marker starts, at most max of them,
// sorted by the key keyOf gives, and the marker of the next page ("" on the
// last).
func page[T any](items []T, keyOf func(T) string, marker string, max *int32) ([]T, string, error) {
	size, err := maxItems(max)
	if err != nil {
		return nil, "", err
	}
	slices.SortFunc(items, func(x, y T) int { return cmp.Compare(keyOf(x), keyOf(y)) })
	pg, next, ok := pagetoken.Page(items, keyOf, marker, size)
	if !ok {
		return nil, "", invalid("Invalid Marker.")
	}
	return pg, next, nil
}

// underPrefix applies a List call's PathPrefix: the model's pathPrefixType.
func underPrefix(prefix, path string) bool { return strings.HasPrefix(path, prefix) }

// checkPrefix validates a PathPrefix member.
func checkPrefix(prefix string) (string, error) {
	if prefix == "" {
		return "/", nil
	}
	if prefix[0] != '/' || len(prefix) > maxPath {
		return "", validation("pathPrefix", prefix, `Member must satisfy regular expression pattern: \u002F[\u0021-\u007F]*`)
	}
	return prefix, nil
}

// tagRules are IAM's: at most 50 tags, keys of 1 to 128 characters, values
// of 0 to 256, aws: reserved, the allowed characters ("Tagging IAM
// resources"); one bad tag fails the whole request.
var tagRules = &tags.Rules{Max: 50, Reserved: true, Chars: true, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return limit("The number of tags has reached the maximum limit.")
	case tags.KeyLength:
		return validation("tags.member.key", v.Tag.Key, "Member must have length between 1 and 128")
	case tags.ValueLength:
		return validation("tags.member.value", v.Tag.Value, "Member must have length less than or equal to 256")
	case tags.ReservedKey:
		return invalid("User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS tags.")
	case tags.DuplicateKey:
		return invalid("Duplicate tag keys found. Please note that Tag keys are case insensitive.")
	}
	return validation("tags.member.key", v.Tag.Key, `Member must satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+`)
}}

// Tag is a key-value pair on an IAM resource.
type Tag struct {
	Key, Value string
}

// checkTags validates the tags of a create call.
func checkTags(ts []Tag) error { return tagRules.Check(toTags(ts)) }

// mergeTags adds add to have (an existing key takes the new value), within
// the 50-tag limit; have is untouched on error.
func mergeTags(have, add []Tag) ([]Tag, error) {
	if err := tagRules.Check(toTags(add)); err != nil {
		return nil, err
	}
	m := tags.ToMap(toTags(have))
	if err := tagRules.CheckMerged(m, toTags(add)); err != nil {
		return nil, err
	}
	out := slices.Clone(have)
	for _, t := range add {
		if i := slices.IndexFunc(out, func(x Tag) bool { return x.Key == t.Key }); i >= 0 {
			out[i].Value = t.Value
		} else {
			out = append(out, t)
		}
	}
	return out, nil
}

// untag removes keys from have.
func untag(have []Tag, keys []string) []Tag {
	return slices.DeleteFunc(slices.Clone(have), func(t Tag) bool { return slices.Contains(keys, t.Key) })
}

func toTags(ts []Tag) []tags.Tag {
	out := make([]tags.Tag, len(ts))
	for i, t := range ts {
		out[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}
