package iam

import (
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// account is the IAM state of one account.
type account struct {
	id       string
	users    map[string]*user      // by lower-case name: IAM names are unique case-insensitively
	groups   map[string]*group     // by lower-case name
	roles    map[string]*role      // by lower-case name
	policies map[string]*managed   // customer managed and touched AWS managed policies, by ARN
	profiles map[string]*profile   // instance profiles, by lower-case name
	keys     map[string]*accessKey // every user's access keys, by id
	oidc     map[string]*provider  // OIDC providers, by ARN
	saml     map[string]*provider  // SAML providers, by ARN
	aliases  []string
	password *PasswordPolicy
	report   *credentialReport
}

func newAccount(id string) *account {
	return &account{id: id, users: map[string]*user{}, groups: map[string]*group{}, roles: map[string]*role{},
		policies: map[string]*managed{}, profiles: map[string]*profile{}, keys: map[string]*accessKey{},
		oidc: map[string]*provider{}, saml: map[string]*provider{}}
}

// arn returns the ARN of an IAM resource of the account: kind/path+name
// (role/service-role/app).
func (a *account) arn(kind, path, name string) string {
	return arn.Build("", arnService, "", a.id, kind+path+name)
}

// entity is what users, groups and roles share: identity, inline and
// attached policies, tags and a permissions boundary.
type entity struct {
	name, path, id, arn string
	created             time.Time
	inline              map[string]string // policy name → document, as given
	inlineOrder         []string          // policy names, sorted
	attached            []string          // managed policy ARNs, in attach order
	tags                []Tag
	boundary            string // permissions boundary policy ARN (users, roles)
}

func newEntity(a *account, kind, name, path, id string, now time.Time) entity {
	return entity{name: name, path: path, id: id, arn: a.arn(kind+"/", path[1:], name), created: now, inline: map[string]string{}}
}

// putInline sets the inline policy name to doc.
func (e *entity) putInline(name, doc string) {
	if _, ok := e.inline[name]; !ok {
		i, _ := slices.BinarySearch(e.inlineOrder, name)
		e.inlineOrder = slices.Insert(e.inlineOrder, i, name)
	}
	e.inline[name] = doc
}

// deleteInline removes the inline policy name, reporting whether it was there.
func (e *entity) deleteInline(name string) bool {
	if _, ok := e.inline[name]; !ok {
		return false
	}
	delete(e.inline, name)
	i, _ := slices.BinarySearch(e.inlineOrder, name)
	e.inlineOrder = slices.Delete(e.inlineOrder, i, i+1)
	return true
}

// inlineChars is the size of the entity's inline policies as AWS counts it
// against the aggregate quota: characters, white space not counted.
func (e *entity) inlineChars(replacing string) int {
	n := 0
	for name, doc := range e.inline {
		if name != replacing {
			n += policyChars(doc)
		}
	}
	return n
}

func (e *entity) isAttached(policyARN string) bool { return slices.Contains(e.attached, policyARN) }

// role is an IAM role.
type role struct {
	entity
	trust       string
	description string
	maxSession  int32
	lastUsed    *RoleLastUsed
	profiles    []string // instance profiles holding the role, by lower-case name
}

// user is an IAM user.
type user struct {
	entity
	groups []string // the user's groups, by lower-case name, in join order
	keys   []string // access key ids, oldest first
	login  *loginProfile
}

// group is an IAM group.
type group struct {
	entity
	members []string // users, by lower-case name, in join order
}

// profile is an instance profile.
type profile struct {
	name, path, id, arn string
	created             time.Time
	roles               []string // at most one role, by lower-case name
	tags                []Tag
}

// accessKey is a user's long-term access key.
type accessKey struct {
	id, secret, user, status string
	created                  time.Time
	lastUsed                 *AccessKeyLastUsed
}

// loginProfile is a user's console password.
type loginProfile struct {
	created       time.Time
	resetRequired bool
}

// provider is an OIDC or SAML identity provider.
type provider struct {
	arn, url, metadata   string
	clients, thumbprints []string
	created              time.Time
	tags                 []Tag
}

// credentialReport is the account's last generated credential report.
type credentialReport struct {
	generated time.Time
	csv       []byte
}

// key is the map key of an IAM name: names are unique case-insensitively.
func key(name string) string { return strings.ToLower(name) }

// removeString returns list without v.
func removeString(list []string, v string) []string {
	return slices.DeleteFunc(list, func(x string) bool { return x == v })
}
