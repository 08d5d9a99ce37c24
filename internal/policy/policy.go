package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Effects.
const (
	Allow = "Allow"
	Deny  = "Deny"
)

// Document is a policy document.
type Document struct {
	Version   string      `json:"Version,omitempty"`
	ID        string      `json:"Id,omitempty"`
	Statement []Statement `json:"Statement"`
}

// Statement is one statement of a document.
type Statement struct {
	Sid          string     `json:"Sid,omitempty"`
	Effect       string     `json:"Effect"`
	Principal    *Principal `json:"Principal,omitempty"`
	NotPrincipal *Principal `json:"NotPrincipal,omitempty"`
	Action       Values     `json:"Action,omitempty"`
	NotAction    Values     `json:"NotAction,omitempty"`
	Resource     Values     `json:"Resource,omitempty"`
	NotResource  Values     `json:"NotResource,omitempty"`
	// Condition is operator → key → values ("StringEquals" →
	// "aws:SourceArn" → [...]); numbers and booleans read as their text.
	Condition map[string]map[string]Values `json:"Condition,omitempty"`
}

// Values is a list that the policy language writes as one string when it
// has one element. Numbers and booleans read as their JSON text.
type Values []string

// MarshalJSON writes one value as a string, more as a list.
func (v Values) MarshalJSON() ([]byte, error) {
	if len(v) == 1 {
		return json.Marshal(v[0])
	}
	return json.Marshal([]string(v))
}

// UnmarshalJSON reads a string, a number, a boolean or a list of them.
func (v *Values) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var raw []json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			return err
		}
		out := make(Values, 0, len(raw))
		for _, r := range raw {
			s, err := scalar(r)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		*v = out
		return nil
	}
	s, err := scalar(b)
	if err != nil {
		return err
	}
	*v = Values{s}
	return nil
}

func scalar(b json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		return n.String(), nil
	}
	var t bool
	if err := json.Unmarshal(b, &t); err == nil {
		return strconv.FormatBool(t), nil
	}
	return "", fmt.Errorf("policy: %s is not a string, a number or a boolean", b)
}

// Principal is whom a statement names: everyone ("*") or principals by
// kind ("AWS", "Service", "Federated", "CanonicalUser").
type Principal struct {
	// All is the principal "*".
	All bool
	// ByKind holds the principals of each kind.
	ByKind map[string]Values
}

// Everyone is the principal "*".
func Everyone() *Principal { return &Principal{All: true} }

// Of returns the principal of one kind with the given values.
func Of(kind string, values ...string) *Principal {
	return &Principal{ByKind: map[string]Values{kind: values}}
}

// MarshalJSON writes "*" or the map of kinds.
func (p Principal) MarshalJSON() ([]byte, error) {
	if p.All {
		return []byte(`"*"`), nil
	}
	return json.Marshal(p.ByKind)
}

// UnmarshalJSON reads "*" or a map of kinds to one or many values.
func (p *Principal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		if s != "*" {
			return fmt.Errorf("policy: principal %q is neither \"*\" nor a map", s)
		}
		*p = Principal{All: true}
		return nil
	}
	var m map[string]Values
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*p = Principal{ByKind: m}
	return nil
}

// ErrSyntax is what Parse fails with for a document that is not a policy.
var ErrSyntax = errors.New("policy: not a valid policy document")

// Parse reads a document whose Statement is one object or a list.
func Parse(b []byte) (Document, error) {
	var raw struct {
		Version   string          `json:"Version"`
		ID        string          `json:"Id"`
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Document{}, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	d := Document{Version: raw.Version, ID: raw.ID, Statement: []Statement{}}
	st := bytes.TrimSpace(raw.Statement)
	switch {
	case len(st) == 0 || string(st) == "null":
	case st[0] == '[':
		if err := json.Unmarshal(st, &d.Statement); err != nil {
			return Document{}, fmt.Errorf("%w: %v", ErrSyntax, err)
		}
	default:
		var one Statement
		if err := json.Unmarshal(st, &one); err != nil {
			return Document{}, fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		d.Statement = []Statement{one}
	}
	return d, nil
}

// Index returns the index of the statement with sid, or -1.
func (d *Document) Index(sid string) int {
	return slices.IndexFunc(d.Statement, func(s Statement) bool { return s.Sid == sid })
}

// ErrDuplicateSid is what Add fails with when the Sid is taken.
var ErrDuplicateSid = errors.New("policy: a statement with this Sid exists")

// Add appends st, unless a statement has its Sid already.
func (d *Document) Add(st Statement) error {
	if st.Sid != "" && d.Index(st.Sid) >= 0 {
		return ErrDuplicateSid
	}
	d.Statement = append(d.Statement, st)
	return nil
}

// Remove deletes the statement with sid and reports whether there was one.
func (d *Document) Remove(sid string) bool {
	i := d.Index(sid)
	if i < 0 {
		return false
	}
	d.Statement = slices.Delete(d.Statement, i, i+1)
	return true
}

// JSON renders the document compactly, as AWS returns stored policies.
func (d Document) JSON() []byte {
	if d.Statement == nil {
		d.Statement = []Statement{}
	}
	b, _ := json.Marshal(d) // only strings, maps and lists: it cannot fail
	return b
}

// String is JSON as a string.
func (d Document) String() string { return string(d.JSON()) }
