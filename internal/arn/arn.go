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
