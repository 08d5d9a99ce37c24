package lambda

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/record"
)

// lastModifiedLayout is how Lambda writes LastModified:
// 2024-01-02T03:04:05.000+0000.
const lastModifiedLayout = "2006-01-02T15:04:05.000-0700"

func lastModified(t time.Time) string { return t.UTC().Format(lastModifiedLayout) }

// function is everything the engine holds about one function.
type function struct {
	name     string
	p        *partition // where the function lives
	latest   *version
	versions map[string]*version // published versions by number
	// lastVersion is the number of the last version published; numbers are
	// never reused, even after a version is deleted.
	lastVersion int
	// publishedRevision is the RevisionId $LATEST had when it was last
	// published: publishing an unchanged $LATEST returns that version.
	publishedRevision string
	aliases           map[string]*alias
	policy            []statement
	policyRevision    string
	tags              map[string]string
	reserved          *int32
	invokeConfigs     map[string]*FunctionEventInvokeConfig // by qualifier; $LATEST when unqualified
	provisioned       map[string]*provisionedConfig         // by qualifier
	urls              map[string]*FunctionUrlConfig         // by qualifier; "" when unqualified
	pools             map[string]*pool                      // execution environments by version
	running           int                                   // executions in progress
	faults            invocationFaults
	logs              record.Log[LogEvent]   // the newest lines, within record.Keep and env.Records
	records           record.Log[Invocation] // the newest invocations, within record.Keep and env.Records
	// ids draws the request ids of the function's own invocations (its
	// asynchronous events and the calls that bring none), and derives the
	// log stream names of its environments and its alias routing.
	ids *ids.Generator
}

// version is one version of a function: $LATEST or a published one.
type version struct {
	cfg   FunctionConfiguration
	zip   []byte // the inline deployment package, served by GetFunction's Code.Location
	image string // the image URI of an Image package
}

// versionNumbers returns the numbers of the published versions in
// ascending order. They are decimal without leading zeros: a shorter one is
// smaller.
func (f *function) versionNumbers() []string {
	return slices.SortedFunc(maps.Keys(f.versions), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
}

// lookupLocked returns the function r names.
func (s *Service) lookupLocked(r ref) (*function, error) {
	var f *function
	if p := s.partitions[r.at.key()]; p != nil {
		f = p.functions[r.name]
	}
	if f == nil {
		return nil, errFunctionNotFound(r.arn())
	}
	return f, nil
}

// functionNamedLocked returns the function an unqualified FunctionName
// names, read as parseUnqualified reads it.
func (s *Service) functionNamedLocked(sc faults.Scope, name string) (*function, error) {
	r, err := s.parseUnqualified(sc, "functionName", name)
	if err != nil {
		return nil, err
	}
	return s.lookupLocked(r)
}

// resolveNamedLocked is resolveLocked for a FunctionName and the Qualifier
// beside it, read as parseRef reads them.
func (s *Service) resolveNamedLocked(sc faults.Scope, name, qualifier string) (*function, *version, error) {
	r, err := s.parseRef(sc, "functionName", name, qualifier)
	if err != nil {
		return nil, nil, err
	}
	return s.resolveLocked(r)
}

// latestLocked returns the function r names for a change to its $LATEST:
// a RevisionId given must be $LATEST's current one.
func (s *Service) latestLocked(r ref, revisionID string) (*function, error) {
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, err
	}
	if revisionID != "" && revisionID != f.latest.cfg.RevisionId {
		return nil, errRevision("GetFunction/GetAlias")
	}
	return f, nil
}

// resolveLocked returns the function and the version r addresses: $LATEST
// when unqualified, the version itself, or the primary version of an alias.
func (s *Service) resolveLocked(r ref) (*function, *version, error) {
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, nil, err
	}
	v, err := s.versionLocked(f, r)
	return f, v, err
}

func (s *Service) versionLocked(f *function, r ref) (*version, error) {
	switch q := r.qualifier; {
	case q == "" || q == latest:
		return f.latest, nil
	case isVersionNumber(q):
		if v := f.versions[q]; v != nil {
			return v, nil
		}
	default:
		if a := f.aliases[q]; a != nil {
			return s.versionLocked(f, ref{at: f.p.at, name: f.name, qualifier: a.cfg.FunctionVersion})
		}
	}
	return nil, errFunctionNotFound(r.arn())
}

// touchLocked marks cfg as changed now: a new LastModified and RevisionId.
func (s *Service) touchLocked(cfg *FunctionConfiguration) {
	cfg.LastModified = lastModified(s.now())
	cfg.RevisionId = s.env.IDs.UUID()
}

// place is where a resource lives: its partition (aws, aws-cn, aws-us-gov),
// account and region.
type place struct {
	partition, account, region string
}

// placeOf is the place of an operation running in sc.
func placeOf(sc faults.Scope) place { return place{sc.Partition, sc.Account, sc.Region} }

// key is the key of the place's state.
func (p place) key() partKey { return partKey{p.account, p.region} }

// arn returns the lambda ARN of resource in the place.
func (p place) arn(resource string) string {
	return arn.Build(p.partition, arnService, p.region, p.account, resource)
}

// functionARN returns the unqualified ARN of the function name.
func (p place) functionARN(name string) string { return p.arn("function:" + name) }

// qualifiedARN returns the ARN of name:qualifier, or the unqualified ARN
// when qualifier is empty.
func (p place) qualifiedARN(name, qualifier string) string {
	if qualifier == "" {
		return p.functionARN(name)
	}
	return p.functionARN(name) + ":" + qualifier
}

// partKey is the key of one account's state in one region.
type partKey struct{ account, region string }

// partition is the state of one account in one region, as AWS partitions
// Lambda: its functions, event source mappings and layers, and the
// concurrency they use of the account's regional quota.
type partition struct {
	at         place
	functions  map[string]*function
	mappings   map[string]*mapping
	layers     map[string]*layer
	reserved   int // sum of reserved concurrency over functions
	unreserved int // executions running on unreserved concurrency
}

// partitionLocked returns the state of at, or nil before anything was
// written there.
func (s *Service) partitionLocked(at place) *partition { return s.partitions[at.key()] }

// writableLocked returns the state of at, created on first write.
func (s *Service) writableLocked(at place) *partition {
	p := s.partitions[at.key()]
	if p == nil {
		p = &partition{at: at, functions: map[string]*function{}, mappings: map[string]*mapping{}, layers: map[string]*layer{}}
		s.partitions[at.key()] = p
	}
	return p
}

// qualifiedARN returns the ARN of the function's qualifier ("" for the
// unqualified ARN).
func (f *function) qualifiedARN(qualifier string) string {
	return f.p.at.qualifiedARN(f.name, qualifier)
}

// arn returns the ARN of what r addresses.
func (r ref) arn() string { return r.at.qualifiedARN(r.name, r.qualifier) }

// scopeOf is the scope of ctx for paths that are not operations (the
// answers of unsupported routes): the one the request carries, else the
// cloud's default.
func (s *Service) scopeOf(ctx context.Context) faults.Scope {
	if sc, ok := faults.ScopeFrom(ctx); ok {
		return sc
	}
	return s.env.Scope()
}

// goAPIScope is the scope a Go API helper that takes a function name or ARN
// addresses: the account and region of a full ARN, else the cloud's default.
func (s *Service) goAPIScope(name string) faults.Scope {
	sc := s.env.Scope()
	if a, err := arn.Parse(name); err == nil && a.Service == arnService {
		sc.Partition, sc.Region, sc.Account = a.Partition, a.Region, a.Account
	}
	return sc
}

// goAPIFunctionLocked returns the function a Go API helper names: a name in
// the cloud's default account and region (looked up without parsing), or a
// full ARN in its own.
func (s *Service) goAPIFunctionLocked(name string) (*function, error) {
	if len(name) <= 64 && functionName.MatchString(name) {
		return s.lookupLocked(ref{at: placeOf(s.env.Scope()), name: name})
	}
	return s.functionNamedLocked(s.goAPIScope(name), name)
}
