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
