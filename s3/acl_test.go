package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ownerGrant(id string) types.Grant {
	return types.Grant{Grantee: &types.Grantee{Type: types.TypeCanonicalUser, ID: aws.String(id)}, Permission: types.PermissionFullControl}
}

func groupGrant(uri string, p types.Permission) types.Grant {
	return types.Grant{Grantee: &types.Grantee{Type: types.TypeGroup, URI: aws.String(uri)}, Permission: p}
}

const allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
const logDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery"

// A fresh bucket's ACL is its owner's FULL_CONTROL; under
// BucketOwnerEnforced only that ACL is accepted.
func TestBucketAcl_FreshAndEnforced(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	out, err := c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	owner := aws.ToString(out.Owner.ID)
	assert.Len(t, owner, 64)
	assert.Equal(t, []types.Grant{ownerGrant(owner)}, out.Grants)

	_, err = c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("bkt"), ACL: types.BucketCannedACLPublicRead})
	requireCode(t, err, "AccessControlListNotSupported", 400)
	_, err = c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("bkt"), ACL: types.BucketCannedACLPrivate})
	require.NoError(t, err)
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("public"), ACL: types.BucketCannedACLPublicRead})
	requireCode(t, err, "InvalidBucketAclWithObjectOwnership", 400)
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("public"), ACL: types.BucketCannedACLPublicRead,
		ObjectOwnership: types.ObjectOwnershipObjectWriter})
	require.NoError(t, err)
	out, err = c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("public")})
	require.NoError(t, err)
	assert.Equal(t, []types.Grant{ownerGrant(owner), groupGrant(allUsers, types.PermissionRead)}, out.Grants)
}

// With ObjectWriter ownership canned ACLs, grant headers and an
// AccessControlPolicy are stored and returned (shared/aws-recordings, s3
// test_s3_bucket_acl), and refused as S3 refuses them
// (test_s3_bucket_acl_exceptions).
func TestBucketAcl_ObjectWriter(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bkt"), ObjectOwnership: types.ObjectOwnershipObjectWriter})
	require.NoError(t, err)
	get := func() (string, []types.Grant) {
		out, err := c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		return aws.ToString(out.Owner.ID), out.Grants
	}
	owner, _ := get()
	put := func(in *s3.PutBucketAclInput) error {
		in.Bucket = aws.String("bkt")
		_, err := c.PutBucketAcl(ctx, in)
		return err
	}
	require.NoError(t, put(&s3.PutBucketAclInput{ACL: types.BucketCannedACLPublicRead}))
	_, g := get()
	assert.Equal(t, []types.Grant{ownerGrant(owner), groupGrant(allUsers, types.PermissionRead)}, g)
	require.NoError(t, put(&s3.PutBucketAclInput{GrantRead: aws.String(`uri="` + logDelivery + `"`)}))
	_, g = get()
	assert.Equal(t, []types.Grant{groupGrant(logDelivery, types.PermissionRead)}, g)
	acp := &types.AccessControlPolicy{Owner: &types.Owner{ID: aws.String(owner)},
		Grants: []types.Grant{ownerGrant(owner), groupGrant(logDelivery, types.PermissionWrite)}}
	require.NoError(t, put(&s3.PutBucketAclInput{AccessControlPolicy: acp}))
	_, g = get()
	assert.Equal(t, acp.Grants, g)

	err = put(&s3.PutBucketAclInput{ACL: "fake-acl"})
	requireCode(t, err, "InvalidArgument", 400)
	requireCode(t, put(&s3.PutBucketAclInput{GrantWrite: aws.String(`uri="http://acs.amazonaws.com/groups/s3/FakeGroup"`)}), "InvalidArgument", 400)
	err = put(&s3.PutBucketAclInput{GrantWrite: aws.String(`fakekey="1234"`)})
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "Argument format not recognized")
	requireCode(t, put(&s3.PutBucketAclInput{GrantWrite: aws.String(`id="wrong-id"`)}), "InvalidArgument", 400)
	requireCode(t, put(&s3.PutBucketAclInput{AccessControlPolicy: &types.AccessControlPolicy{Owner: &types.Owner{ID: aws.String(owner)},
		Grants: []types.Grant{ownerGrant("wrong-id")}}}), "InvalidArgument", 400)
	requireCode(t, put(&s3.PutBucketAclInput{AccessControlPolicy: &types.AccessControlPolicy{Owner: &types.Owner{ID: aws.String(owner)}}}), "MalformedACLError", 400)
	requireCode(t, put(&s3.PutBucketAclInput{}), "MissingSecurityHeader", 400)
	requireCode(t, put(&s3.PutBucketAclInput{ACL: types.BucketCannedACLPrivate, GrantRead: aws.String(`uri="` + allUsers + `"`)}), "InvalidRequest", 400)
	requireCode(t, put(&s3.PutBucketAclInput{ACL: types.BucketCannedACLPrivate, AccessControlPolicy: acp}), "UnexpectedContent", 400)
	_, g = get()
	assert.Equal(t, acp.Grants, g, "refused puts leave the ACL")
}

// Object ACLs: the owner's FULL_CONTROL by default, set by PutObjectAcl
// and x-amz-acl on PutObject under ObjectWriter; under
// BucketOwnerEnforced only bucket-owner-full-control is accepted.
func TestObjectAcl(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "enforced")
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("writer"), ObjectOwnership: types.ObjectOwnershipObjectWriter})
	require.NoError(t, err)
	putObject(t, c, "writer", "k", "v")
	out, err := c.GetObjectAcl(ctx, &s3.GetObjectAclInput{Bucket: aws.String("writer"), Key: aws.String("k")})
	require.NoError(t, err)
	owner := aws.ToString(out.Owner.ID)
	assert.Equal(t, []types.Grant{ownerGrant(owner)}, out.Grants)
	_, err = c.PutObjectAcl(ctx, &s3.PutObjectAclInput{Bucket: aws.String("writer"), Key: aws.String("k"), ACL: types.ObjectCannedACLPublicRead})
	require.NoError(t, err)
	out, err = c.GetObjectAcl(ctx, &s3.GetObjectAclInput{Bucket: aws.String("writer"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, []types.Grant{ownerGrant(owner), groupGrant(allUsers, types.PermissionRead)}, out.Grants)

	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("writer"), Key: aws.String("p"), ACL: types.ObjectCannedACLAuthenticatedRead})
	require.NoError(t, err)
	out, err = c.GetObjectAcl(ctx, &s3.GetObjectAclInput{Bucket: aws.String("writer"), Key: aws.String("p")})
	require.NoError(t, err)
	assert.Equal(t, []types.Grant{ownerGrant(owner), groupGrant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", types.PermissionRead)}, out.Grants)

	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("enforced"), Key: aws.String("k"), ACL: types.ObjectCannedACLPublicRead})
	requireCode(t, err, "AccessControlListNotSupported", 400)
	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("enforced"), Key: aws.String("k")})
	require.Error(t, err, "a refused PutObject stores nothing")
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("enforced"), Key: aws.String("k"), ACL: types.ObjectCannedACLBucketOwnerFullControl})
	require.NoError(t, err)
	_, err = c.PutObjectAcl(ctx, &s3.PutObjectAclInput{Bucket: aws.String("enforced"), Key: aws.String("k"), ACL: types.ObjectCannedACLPublicRead})
	requireCode(t, err, "AccessControlListNotSupported", 400)
	_, err = c.GetObjectAcl(ctx, &s3.GetObjectAclInput{Bucket: aws.String("enforced"), Key: aws.String("nope")})
	requireCode(t, err, "NoSuchKey", 404)
}
