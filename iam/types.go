package iam

import "time"

// The shapes the Go API returns, named and laid out as the IAM API's (and
// the SDK's types package): each is also its own awsQuery XML form. Policy
// documents come back URL-encoded, as AWS returns them.

// Role is an IAM role.
type Role struct {
	Path, RoleName, RoleId, Arn string
	CreateDate                  time.Time
	AssumeRolePolicyDocument    string                       `xml:",omitempty"`
	Description                 string                       `xml:",omitempty"`
	MaxSessionDuration          int32                        `xml:",omitempty"`
	PermissionsBoundary         *AttachedPermissionsBoundary `xml:",omitempty"`
	Tags                        []Tag                        `xml:"Tags>member,omitempty"`
	RoleLastUsed                *RoleLastUsed                `xml:",omitempty"`
}

// AttachedPermissionsBoundary is the permissions boundary of a user or role.
type AttachedPermissionsBoundary struct {
	PermissionsBoundaryType, PermissionsBoundaryArn string
}

// RoleLastUsed is when and where a role was last used; empty when never.
type RoleLastUsed struct {
	LastUsedDate *time.Time `xml:",omitempty"`
	Region       string     `xml:",omitempty"`
}

// User is an IAM user.
type User struct {
	Path, UserName, UserId, Arn string
	CreateDate                  time.Time
	PasswordLastUsed            *time.Time                   `xml:",omitempty"`
	PermissionsBoundary         *AttachedPermissionsBoundary `xml:",omitempty"`
	Tags                        []Tag                        `xml:"Tags>member,omitempty"`
}

// Group is an IAM group.
type Group struct {
	Path, GroupName, GroupId, Arn string
	CreateDate                    time.Time
}

// Policy is a managed policy.
type Policy struct {
	PolicyName, PolicyId, Arn, Path string
	DefaultVersionId                string
	AttachmentCount                 int32
	PermissionsBoundaryUsageCount   int32
	IsAttachable                    bool
	Description                     string `xml:",omitempty"`
	CreateDate, UpdateDate          time.Time
	Tags                            []Tag `xml:"Tags>member,omitempty"`
}

// PolicyVersion is one version of a managed policy.
type PolicyVersion struct {
	Document         string `xml:",omitempty"`
	VersionId        string
	IsDefaultVersion bool
	CreateDate       time.Time
}

// AttachedPolicy names a managed policy attached to a user, group or role.
type AttachedPolicy struct {
	PolicyName, PolicyArn string
}

// AccessKey is a new access key, with its secret.
type AccessKey struct {
	UserName, AccessKeyId, Status, SecretAccessKey string
	CreateDate                                     time.Time
}

// AccessKeyMetadata is an access key without its secret.
type AccessKeyMetadata struct {
	UserName, AccessKeyId, Status string
	CreateDate                    time.Time
}

// AccessKeyLastUsed is when, where and for which service a key was last
// used: ServiceName and Region "N/A" while never used, as AWS answers.
type AccessKeyLastUsed struct {
	LastUsedDate        *time.Time `xml:",omitempty"`
	ServiceName, Region string
}

// InstanceProfile is an instance profile and its role.
type InstanceProfile struct {
	Path, InstanceProfileName, InstanceProfileId, Arn string
	CreateDate                                        time.Time
	Roles                                             []Role `xml:"Roles>member"`
	Tags                                              []Tag  `xml:"Tags>member,omitempty"`
}

// PolicyDetail is one inline policy of an entity (GetAccountAuthorizationDetails).
type PolicyDetail struct {
	PolicyName, PolicyDocument string
}
