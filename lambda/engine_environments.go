package lambda

import (
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/ids"
)

// environment is one execution environment: it runs one event at a time and
// keeps its log stream for its whole life.
type environment struct {
	stream      string
	lastUsed    time.Time
	provisioned bool
	generation  int
}

// pool holds the execution environments of one version of a function.
type pool struct {
	version string
	// idle environments, least recently used first: when the most recently
	// used one has been idle too long, so have all the others.
	idle []*environment
	// warm are the idle provisioned environments, kept ready and never
	// retired for idleness.
	warm        []*environment
	busy        []*environment
	provisioned int // how many provisioned environments the pool keeps
	generation  int // bumped when code or configuration changes
	coldStarts  int
}

func (f *function) pool(version string) *pool {
	p := f.pools[version]
	if p == nil {
		p = &pool{version: version}
		f.pools[version] = p
	}
	return p
}

// acquire returns an environment for one event: a provisioned one first, then
// the most recently used idle one, else a new one (a cold start) from
// newEnv. Idle environments are retired lazily, when the clock shows they
// have been idle for idleTimeout or longer.
func (p *pool) acquire(now time.Time, idleTimeout time.Duration, newEnv func() *environment) (env *environment, cold bool) {
	p.expire(now, idleTimeout)
	switch {
	case len(p.warm) > 0:
		env = p.warm[len(p.warm)-1]
		p.warm = p.warm[:len(p.warm)-1]
	case len(p.idle) > 0:
		env = p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
	default:
		env = newEnv()
		env.generation = p.generation
		cold = true
		p.coldStarts++
	}
	p.busy = append(p.busy, env)
	return env, cold
}

func (p *pool) expire(now time.Time, idleTimeout time.Duration) {
	if n := len(p.idle); n > 0 && now.Sub(p.idle[n-1].lastUsed) >= idleTimeout {
		p.idle = nil
	}
}

// release returns env to the pool after an event; an environment that
// crashed or timed out, or that runs superseded code, is not reused (a
// provisioned one is replaced by a fresh one from newEnv).
func (p *pool) release(env *environment, now time.Time, reusable bool, newEnv func() *environment) {
	if i := slices.Index(p.busy, env); i >= 0 {
		p.busy = slices.Delete(p.busy, i, i+1)
	}
	if !reusable || env.generation != p.generation {
		if env.provisioned {
			p.setProvisioned(p.provisioned, newEnv)
		}
		return
	}
	env.lastUsed = now
	if env.provisioned {
		p.warm = append(p.warm, env)
		return
	}
	p.idle = append(p.idle, env)
}

// retire drops the idle environments: after UpdateFunctionCode or
// UpdateFunctionConfiguration, the next invocation starts cold on the new
// code, and busy environments are dropped when they finish.
func (p *pool) retire() {
	p.generation++
	p.idle = nil
	for _, e := range p.warm {
		e.generation = p.generation
	}
}

// setProvisioned keeps n provisioned environments, initialised ahead of
// need; newEnv makes the missing ones (nil only when none are missing).
func (p *pool) setProvisioned(n int, newEnv func() *environment) {
	have := len(p.warm)
	for _, e := range p.busy {
		if e.provisioned {
			have++
		}
	}
	for ; have < n && newEnv != nil; have++ {
		e := newEnv()
		e.provisioned = true
		e.generation = p.generation
		p.warm = append(p.warm, e)
	}
	for have > n && len(p.warm) > 0 {
		p.warm = p.warm[:len(p.warm)-1]
		have--
	}
	p.provisioned = n
}

// newEnvLocked makes an environment for a version of a function, with AWS's
// log stream name: yyyy/mm/dd/[version]<32 hex digits>, the digits drawn
// from g.
func (s *Service) newEnvLocked(version string, g *ids.Generator) *environment {
	return &environment{stream: s.now().UTC().Format("2006/01/02") + "/[" + version + "]" + g.Hex(16)}
}

// envMakerLocked returns what makes the environments a version of f needs
// for the work named key (an invocation's, see invocation.key): their log
// stream names come from a generator derived from the function's and key,
// so that they depend on which invocation started them, not on the order in
// which concurrent invocations happen to start.
func (s *Service) envMakerLocked(f *function, version, key string) func() *environment {
	var g *ids.Generator
	return func() *environment {
		if g == nil {
			g = f.ids.Derive(key)
		}
		return s.newEnvLocked(version, g)
	}
}
