// Package arn builds and parses Amazon Resource Names.
package arn

import (
	"fmt"
	"strings"
)

// ARN is a parsed Amazon Resource Name:
// arn:partition:service:region:account-id:resource.
type ARN struct {
	Partition, Service, Region, Account, Resource string
}

// Parse splits s into its parts; it fails unless s has the six fields of an
// ARN.
func Parse(s string) (ARN, error) {
	p := strings.SplitN(s, ":", 6)
	if len(p) != 6 || p[0] != "arn" || p[1] == "" || p[2] == "" {
		return ARN{}, fmt.Errorf("%q is not a valid ARN", s)
	}
	return ARN{Partition: p[1], Service: p[2], Region: p[3], Account: p[4], Resource: p[5]}, nil
}

// String joins the parts back into an ARN.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// New returns the ARN of a resource in the aws partition.
func New(service, region, account, resource string) string {
	return ARN{Partition: "aws", Service: service, Region: region, Account: account, Resource: resource}.String()
}

// Build returns the ARN of a resource in partition; an empty partition is
// the region's (Partition).
func Build(partition, service, region, account, resource string) string {
	if partition == "" {
		partition = Partition(region)
	}
	return ARN{Partition: partition, Service: service, Region: region, Account: account, Resource: resource}.String()
}

// Partition returns the partition AWS places region in: aws-cn for the
// China regions, aws-us-gov for GovCloud, aws-iso* for the isolated
// regions, aws for the others (and for global resources, region "").
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "eu-isoe-"):
		return "aws-iso-e"
	}
	return "aws"
}

// IsRegion reports whether name is a syntactically valid region name, as
// AWS forms them: us-east-1, eu-central-2, us-gov-west-1, cn-north-1,
// us-iso-east-1, ap-southeast-5. Any such name is served, as LocalStack
// serves them.
func IsRegion(name string) bool {
	parts := strings.Split(name, "-")
	if len(parts) < 3 || len(parts) > 4 || len(parts[0]) != 2 || !lower(parts[0]) {
		return false
	}
	for _, p := range parts[1 : len(parts)-1] {
		if p == "" || !lower(p) {
			return false
		}
	}
	last := parts[len(parts)-1]
	if last == "" || len(last) > 2 {
		return false
	}
	for _, c := range last {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func lower(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// RegionInHost returns the region an AWS host name carries where AWS puts
// it (sqs.eu-west-1.amazonaws.com, bucket.s3.eu-central-1.amazonaws.com,
// s3-us-west-2.amazonaws.com, sqs.eu-west-1.localhost.localstack.cloud),
// or "".
func RegionInHost(host string) string {
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		host = host[:i]
	}
	for _, label := range strings.Split(strings.ToLower(host), ".") {
		if IsRegion(label) {
			return label
		}
		if r, ok := strings.CutPrefix(label, "s3-"); ok && IsRegion(r) {
			return r
		}
	}
	return ""
}
