package lambda

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

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
	logs              record.Log[LogEvent]   // the last record.Keep lines
	records           record.Log[Invocation] // the last record.Keep invocations
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
	f := s.functions[r.name]
	if f == nil {
		return nil, errFunctionNotFound(s.refARN(r))
	}
	return f, nil
}

// functionNamedLocked returns the function an unqualified FunctionName
// names, read as parseUnqualified reads it.
func (s *Service) functionNamedLocked(name string) (*function, error) {
	r, err := s.parseUnqualified("functionName", name)
	if err != nil {
		return nil, err
	}
	return s.lookupLocked(r)
}

// resolveNamedLocked is resolveLocked for a FunctionName and the Qualifier
// beside it, read as parseRef reads them.
func (s *Service) resolveNamedLocked(name, qualifier string) (*function, *version, error) {
	r, err := s.parseRef("functionName", name, qualifier)
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
			return s.versionLocked(f, ref{name: f.name, qualifier: a.cfg.FunctionVersion})
		}
	}
	return nil, errFunctionNotFound(s.refARN(r))
}

// touchLocked marks cfg as changed now: a new LastModified and RevisionId.
func (s *Service) touchLocked(cfg *FunctionConfiguration) {
	cfg.LastModified = lastModified(s.now())
	cfg.RevisionId = s.env.IDs.UUID()
}
