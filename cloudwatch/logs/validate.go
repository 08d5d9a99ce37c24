package logs

import (
	"strconv"
	"strings"
)

// checkGroupName applies the model's rules to a log group name
// ([LogGroupName]: 1 to 512 characters of [\.\-_/#A-Za-z0-9]); the length
// answer is the one AWS gives (test_logs_groups
// test_create_log_group_invalid_name_length).
func checkGroupName(member, name string) error {
	if len(name) > 512 {
		return invalidParam("Invalid LogGroup or LogStream, both must have length less than or equal to 512.")
	}
	if name == "" {
		return constraint(member, name, "Member must have length greater than or equal to 1")
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_/#", r)) {
			return constraint(member, name, `Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+`)
		}
	}
	return nil
}

// checkStreamName applies the model's rules to a log stream name
// ([LogStreamName]: 1 to 512 characters, no ':' or '*').
func checkStreamName(member, name string) error {
	if len(name) > 512 {
		return invalidParam("Invalid LogGroup or LogStream, both must have length less than or equal to 512.")
	}
	if name == "" {
		return constraint(member, name, "Member must have length greater than or equal to 1")
	}
	if strings.ContainsAny(name, ":*") {
		return constraint(member, name, "Member must satisfy regular expression pattern: [^:*]*")
	}
	return nil
}

// checkLen applies a model length rule to an optional member.
func checkLen(member, v string, lo, hi int) error {
	switch {
	case len(v) > hi:
		return constraint(member, v, "Member must have length less than or equal to "+strconv.Itoa(hi))
	case len(v) < lo:
		return constraint(member, v, "Member must have length greater than or equal to "+strconv.Itoa(lo))
	}
	return nil
}

// limitOf reads an optional limit in [1, hi], def when absent.
func limitOf(limit *int32, hi, def int) (int, error) {
	if limit == nil {
		return def, nil
	}
	n := int(*limit)
	if n < 1 {
		return 0, constraint("limit", strconv.Itoa(n), "Member must have value greater than or equal to 1")
	}
	if n > hi {
		return 0, constraint("limit", strconv.Itoa(n), "Member must have value less than or equal to "+strconv.Itoa(hi))
	}
	return n, nil
}

// deref reads an optional string.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
