package stepfn

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
)

// machine is a state machine: its latest revision, its versions, its
// aliases and its executions.
type machine struct {
	name, arn, typ string
	rev            revision
	created        time.Time
	tags           map[string]string
	versions       map[int]*version
	nextVersion    int
	aliases        map[string]*alias
	executions     map[string]*execution // by name
	order          []*execution          // oldest first
}

// revision is what a definition change makes: what a version freezes.
type revision struct {
	id, definition, roleARN string
	prog                    *program
	logging                 *LoggingConfiguration
	tracing                 *TracingConfiguration
	encryption              *EncryptionConfiguration
	updated                 time.Time
}

// version is a published, immutable revision.
type version struct {
	number      int
	arn         string
	description string
	rev         revision
	created     time.Time
}

// alias routes executions to one or two versions by weight.
type alias struct {
	name, arn, description string
	routing                []RoutingConfiguration
	created, updated       time.Time
}

// target is what a state machine ARN resolves to: the machine, and the
// version or alias it names.
type target struct {
	m *machine
	v *version
	a *alias
}

// nameInvalid reports whether a resource name breaks AWS's rule: 1 to 80
// characters, none of whitespace, < > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /
// or a control character.
func nameInvalid(name string) bool {
	if name == "" || len([]rune(name)) > 80 {
		return true
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || (r >= 0x7f && r <= 0x9f) || strings.ContainsRune("<>{}[]?*\"#%\\^|~`$&,;:/", r) {
			return true
		}
	}
	return false
}

func invalidName(name string) *awserr.Error {
	return newError(codeInvalidName, "Invalid Name: '%s'", name)
}

// splitMachineARN reads a state machine ARN: its account, region, name
// and qualifier (a version number or an alias name, "" for none).
func splitMachineARN(s string) (a arn.ARN, name, qualifier string, err error) {
	a, perr := arn.Parse(s)
	if perr != nil || a.Service != arnService {
		return a, "", "", invalidArn(s)
	}
	rest, ok := strings.CutPrefix(a.Resource, "stateMachine:")
	if !ok || rest == "" {
		return a, "", "", invalidArn("Resource type not valid in this context: " + strings.SplitN(a.Resource, ":", 2)[0])
	}
	name, qualifier, _ = strings.Cut(rest, ":")
	return a, name, qualifier, nil
}

// resolve finds what a state machine ARN names; it runs under the lock.
func (s *Service) resolve(s0 string) (target, error) {
	a, name, q, err := splitMachineARN(s0)
	if err != nil {
		return target{}, err
	}
	p := s.part(a.Account, a.Region, false)
	if p == nil || p.machines[name] == nil {
		return target{}, machineNotFound(s0)
	}
	m := p.machines[name]
	if q == "" {
		return target{m: m}, nil
	}
	if n, err := strconv.Atoi(q); err == nil {
		v := m.versions[n]
		if v == nil {
			return target{}, machineNotFound(s0)
		}
		return target{m: m, v: v}, nil
	}
	al := m.aliases[q]
	if al == nil {
		return target{}, newError(codeResourceNotFound, "Resource not found: '%s'", s0)
	}
	return target{m: m, a: al}, nil
}

// publish freezes the machine's current revision as a new version; the
// same revision published again answers the version that holds it.
func (s *Service) publish(m *machine, description string) *version {
	for _, v := range m.versions {
		if v.rev.id == m.rev.id {
			return v
		}
	}
	m.nextVersion++
	v := &version{number: m.nextVersion, arn: m.arn + ":" + strconv.Itoa(m.nextVersion), description: description,
		rev: m.rev, created: s.env.Clock.Now()}
	m.versions[v.number] = v
	return v
}

// checkDefinition parses a definition for a machine of type typ, with
// AWS's InvalidDefinition text.
func checkDefinition(def, typ string) (*program, error) {
	prog, diags := parseDefinition(def, typ == typeExpress)
	if len(diags) == 0 {
		return prog, nil
	}
	texts := make([]string, len(diags))
	for i, d := range diags {
		texts[i] = d.text()
	}
	return nil, invalidDefinition(strings.Join(texts, ", "))
}

// Machine types.
const (
	typeStandard = "STANDARD"
	typeExpress  = "EXPRESS"
)

// checkRole checks a role ARN's form.
func checkRole(role string) error {
	if role == "" {
		return missing("roleArn")
	}
	a, err := arn.Parse(role)
	if err != nil || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") {
		return invalidArn(role)
	}
	return nil
}

func partitionOf(s string) string {
	a, _ := arn.Parse(s)
	return a.Partition
}
