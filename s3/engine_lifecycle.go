package s3

import (
	"slices"
	"strings"
	"time"
)

// Lifecycle on the cloud's clock. S3 computes an action's date by adding
// the rule's days to the object's creation time (a noncurrent version's:
// the time it became noncurrent, its successor's creation; an upload's:
// its initiation) and rounding up to the next midnight UTC; a Date rule
// acts on its date, which is a midnight. Each bucket with a configuration
// has at most one job on the cloud scheduler, at the earliest midnight an
// action is due. The job applies every action then due and arms the next;
// a write (store, a new upload) moves the job earlier when its key's next
// action comes first, looking at that key alone. So a bucket costs nothing
// between due instants, a write costs the versions of its key, and a run
// or a configuration change walks the bucket's versions and uploads once
// to find the next due instant: the work grows with the days something is
// due, not with the days objects sit at rest.

const day = 24 * time.Hour

// ceilMidnight rounds t up to midnight UTC; a midnight stays itself.
func ceilMidnight(t time.Time) time.Time {
	d := t.UTC().Truncate(day)
	if d.Before(t) {
		d = d.Add(day)
	}
	return d
}

// afterDays is when an action n days after t is due (calendar days, so
// that no count of days overflows a Duration).
func afterDays(t time.Time, n int) time.Time { return ceilMidnight(t.UTC().AddDate(0, 0, n)) }

// lifecycleRequester is who lifecycle's events name, as S3's do.
var lifecycleRequester = requester{principal: "s3.amazonaws.com", sourceIP: "s3.amazonaws.com"}

// lcKind is what a lifecycle action does.
type lcKind int

const (
	lcExpire        lcKind = iota // the current version: deleted, or a delete marker on top
	lcExpireVersion               // a noncurrent version or a lone delete marker: removed
	lcTransition                  // a version: moved to another storage class
	lcAbort                       // an upload: aborted
)

// lcAction is an action a rule takes on a version or an upload at due.
type lcAction struct {
	kind  lcKind
	key   string
	o     *object
	u     *upload
	class string // of a transition
	rule  string
	due   time.Time
}

// ruleFilter is what a rule's filter asks of an object, in one form.
type ruleFilter struct {
	prefix string
	tags   []Tag
	gt, lt *int64
}

func (r *LifecycleRule) filter() ruleFilter {
	var f ruleFilter
	if r.Prefix != nil {
		f.prefix = *r.Prefix
	}
	if x := r.Filter; x != nil {
		if x.And != nil {
			x = &LifecycleFilter{Prefix: x.And.Prefix, ObjectSizeGreaterThan: x.And.ObjectSizeGreaterThan,
				ObjectSizeLessThan: x.And.ObjectSizeLessThan}
			f.tags = r.Filter.And.Tags
		}
		if x.Prefix != nil {
			f.prefix = *x.Prefix
		}
		if x.Tag != nil {
			f.tags = []Tag{*x.Tag}
		}
		f.gt, f.lt = x.ObjectSizeGreaterThan, x.ObjectSizeLessThan
	}
	return f
}

// matches reports whether o is one of the filter's objects. A delete
// marker has neither tags nor a size: a tag filter leaves it out, a size
// filter does not.
func (f ruleFilter) matches(o *object) bool {
	if !strings.HasPrefix(o.key, f.prefix) {
		return false
	}
	for _, t := range f.tags {
		if !slices.Contains(o.tags, t) {
			return false
		}
	}
	if o.deleteMarker {
		return len(f.tags) == 0
	}
	return (f.gt == nil || o.size() > *f.gt) && (f.lt == nil || o.size() < *f.lt)
}

// transitions reports whether a rule moves o to class: down the waterfall
// only, and, under the default all_storage_classes_128K, an object of at
// least 128 KiB unless the rule's filter sets its own minimum size.
func transitions(conf *LifecycleConfiguration, f ruleFilter, o *object, class string) bool {
	if o.deleteMarker || transitionClasses[class] <= transitionClasses[o.header.StorageClass] {
		return false
	}
	return conf.TransitionDefaultMinimumObjectSize != transitionMin128K || f.gt != nil || o.size() >= minTransitionSize
}

// currentActions visits the actions the rules take on o, the current
// version of its key.
func currentActions(conf *LifecycleConfiguration, o *object, lone bool, visit func(lcAction)) {
	for i := range conf.Rules {
		r := &conf.Rules[i]
		f := r.filter()
		if r.Status != "Enabled" || !f.matches(o) {
			continue
		}
		a := lcAction{key: o.key, o: o, rule: r.ID}
		if e := r.Expiration; e != nil && !o.deleteMarker {
			a.kind = lcExpire
			switch {
			case e.Days != nil:
				a.due = afterDays(o.lastModified, *e.Days)
				visit(a)
			case e.Date != nil:
				a.due = e.Date.UTC()
				visit(a)
			}
		}
		if e := r.Expiration; e != nil && o.deleteMarker && lone && e.ExpiredObjectDeleteMarker != nil && *e.ExpiredObjectDeleteMarker {
			a.kind, a.due = lcExpireVersion, ceilMidnight(o.lastModified)
			visit(a)
		}
		for _, t := range r.Transitions {
			if !transitions(conf, f, o, t.StorageClass) {
				continue
			}
			a.kind, a.class = lcTransition, t.StorageClass
			if t.Days != nil {
				a.due = afterDays(o.lastModified, *t.Days)
			} else {
				a.due = t.Date.UTC()
			}
			visit(a)
		}
	}
}

// noncurrentActions visits the actions the rules take on o, a noncurrent
// version since since with newer noncurrent versions above it.
func noncurrentActions(conf *LifecycleConfiguration, o *object, since time.Time, newer int, visit func(lcAction)) {
	keeps := func(n *int) bool { return n != nil && newer < *n }
	for i := range conf.Rules {
		r := &conf.Rules[i]
		f := r.filter()
		if r.Status != "Enabled" || !f.matches(o) {
			continue
		}
		if n := r.NoncurrentVersionExpiration; n != nil && !keeps(n.NewerNoncurrentVersions) && o.lock.LegalHold != LegalHoldOn {
			due := afterDays(since, *n.NoncurrentDays)
			if o.lock.RetainUntilDate.After(due) { // a locked version waits for its retention to end
				due = ceilMidnight(o.lock.RetainUntilDate)
			}
			visit(lcAction{kind: lcExpireVersion, key: o.key, o: o, rule: r.ID, due: due})
		}
		for _, t := range r.NoncurrentVersionTransitions {
			if !keeps(t.NewerNoncurrentVersions) && transitions(conf, f, o, t.StorageClass) {
				visit(lcAction{kind: lcTransition, key: o.key, o: o, class: t.StorageClass, rule: r.ID,
					due: afterDays(since, *t.NoncurrentDays)})
			}
		}
	}
}

// keyActions visits the actions due, at any time, on the versions and
// uploads of key. The caller holds s.mu.
func (b *bucket) keyActions(key string, visit func(lcAction)) {
	conf := b.lifecycle
	if e := b.entries[key]; e != nil {
		n := len(e.versions)
		for i, o := range e.versions {
			if i == n-1 {
				currentActions(conf, o, n == 1, visit)
			} else {
				noncurrentActions(conf, o, e.versions[i+1].lastModified, n-2-i, visit)
			}
		}
	}
	for _, u := range b.uploadsBy[key] {
		for _, r := range conf.Rules {
			a := r.AbortIncompleteMultipartUpload
			if a == nil || r.Status != "Enabled" || !strings.HasPrefix(key, r.filter().prefix) {
				continue
			}
			visit(lcAction{kind: lcAbort, key: key, u: u, rule: r.ID, due: afterDays(u.initiated, *a.DaysAfterInitiation)})
		}
	}
}

// walk visits the actions on every key of b, in key order.
func (b *bucket) walk(visit func(lcAction)) {
	for c := b.all.Seek(""); c.Valid(); c.Next() {
		b.keyActions(c.Key(), visit)
	}
	for c := b.uploadKeys.Seek(""); c.Valid(); c.Next() {
		if b.entries[c.Key()] == nil {
			b.keyActions(c.Key(), visit)
		}
	}
}

// earliest returns a visitor keeping the earliest due instant in *at.
func earliest(at *time.Time) func(lcAction) {
	return func(a lcAction) {
		if at.IsZero() || a.due.Before(*at) {
			*at = a.due
		}
	}
}

// nextLifecycleDue returns the earliest instant an action on b is due,
// zero when none is. The caller holds s.mu.
func (s *Service) nextLifecycleDue(b *bucket) time.Time {
	var at time.Time
	if b.lifecycle != nil {
		b.walk(earliest(&at))
	}
	return at
}

// lifecycleTouched moves b's job earlier when an action on key, just
// written, comes before it. The caller holds s.mu.
func (s *Service) lifecycleTouched(b *bucket, key string) {
	if b.lifecycle == nil {
		return
	}
	var at time.Time
	b.keyActions(key, earliest(&at))
	if !at.IsZero() && (b.lcJob == nil || at.Before(b.lcJob.Due())) {
		s.armLifecycle(b, at)
	}
}

// armLifecycle schedules b's run at due, or at the next midnight when due
// has passed (S3 acts on past dates at its next daily run); a zero due
// arms nothing. The caller holds s.mu.
func (s *Service) armLifecycle(b *bucket, due time.Time) {
	b.stopLifecycle()
	if due.IsZero() {
		return
	}
	now := s.now()
	if !due.After(now) {
		due = now.Truncate(day).Add(day)
	}
	b.lcGen++
	gen := b.lcGen
	b.lcJob = s.env.Sched.At(due, func(at time.Time) { s.runLifecycle(b, gen, at) })
}

// stopLifecycle cancels b's scheduled run. The caller holds s.mu.
func (b *bucket) stopLifecycle() {
	if b.lcJob != nil {
		b.lcJob.Cancel()
		b.lcJob = nil
	}
	b.lcGen++
}

// runLifecycle is b's job: it applies the actions due at at, arms the
// next run and sends the events.
func (s *Service) runLifecycle(b *bucket, gen uint64, at time.Time) {
	s.mu.Lock()
	if b.lcGen != gen || b.lifecycle == nil || s.buckets[bucketKey{b.partition, b.name}] != b {
		s.mu.Unlock()
		return
	}
	b.lcJob = nil
	ev := s.applyLifecycle(b, at)
	s.armLifecycle(b, s.nextLifecycleDue(b))
	s.mu.Unlock()
	s.publish(ev)
}

// applyLifecycle takes the actions due at at, expirations before
// transitions, and returns the events to send. The caller holds s.mu.
func (s *Service) applyLifecycle(b *bucket, at time.Time) []pendingEvent {
	var due []lcAction
	b.walk(func(a lcAction) {
		if !a.due.After(at) {
			due = append(due, a)
		}
	})
	slices.SortStableFunc(due, func(x, y lcAction) int { return int(x.kind/lcTransition) - int(y.kind/lcTransition) })
	req := lifecycleRequester
	req.requestID = s.env.IDs.Upper(16)
	req.hostID = req.requestID
	var ev []pendingEvent
	for _, a := range due {
		ev = append(ev, s.applyAction(b, a, req)...)
	}
	return ev
}

// applyAction takes one action, unless an earlier one of the same run
// already removed or replaced what it acts on. The caller holds s.mu.
func (s *Service) applyAction(b *bucket, a lcAction, req requester) []pendingEvent {
	if a.kind == lcAbort {
		if b.uploads[a.u.id] == a.u {
			b.dropUpload(a.u)
		}
		return nil
	}
	e := b.entries[a.key]
	if e == nil {
		return nil
	}
	i := slices.Index(e.versions, a.o)
	switch {
	case i < 0:
		return nil
	case a.kind == lcExpire:
		if i != len(e.versions)-1 {
			return nil
		}
		_, _, _ = s.remove(b, a.key, "", req)
		if b.versioned() {
			return s.event(b, "LifecycleExpiration:DeleteMarkerCreated", b.current(a.key), req)
		}
		return s.event(b, "LifecycleExpiration:Delete", a.o, req)
	case a.kind == lcExpireVersion:
		if a.o.lock.protected(s.now(), false) {
			return nil
		}
		_, _, _ = s.remove(b, a.key, a.o.versionID, req)
		return s.event(b, "LifecycleExpiration:Delete", a.o, req)
	}
	moved := *a.o
	moved.header.StorageClass = a.class
	e.versions[i] = &moved
	return s.event(b, "LifecycleTransition", &moved, req)
}

// expiryHeader is the x-amz-expiration S3 sends with o, the current
// version of its key, when a rule expires it: the earliest expiry and its
// rule. The caller holds s.mu.
func (b *bucket) expiryHeader(o *object) string {
	if b.lifecycle == nil || o.deleteMarker {
		return ""
	}
	var first lcAction
	currentActions(b.lifecycle, o, false, func(a lcAction) {
		if a.kind == lcExpire && (first.due.IsZero() || a.due.Before(first.due)) {
			first = a
		}
	})
	if first.due.IsZero() {
		return ""
	}
	return `expiry-date="` + first.due.Format(httpDate) + `", rule-id="` + first.rule + `"`
}
