package s3

import (
	"context"
	"strings"
)

// WebsiteConfiguration is a bucket's static website configuration: an
// index document (and an error document), or a redirect of every
// request, and routing rules.
type WebsiteConfiguration struct {
	IndexDocument         *IndexDocument         `xml:"IndexDocument,omitempty"`
	ErrorDocument         *ErrorDocument         `xml:"ErrorDocument,omitempty"`
	RedirectAllRequestsTo *RedirectAllRequestsTo `xml:"RedirectAllRequestsTo,omitempty"`
	RoutingRules          []RoutingRule          `xml:"RoutingRules>RoutingRule,omitempty"`
}

// IndexDocument names the object served for a request ending in "/".
type IndexDocument struct {
	Suffix string `xml:"Suffix"`
}

// ErrorDocument names the object served with a 4xx error.
type ErrorDocument struct {
	Key string `xml:"Key"`
}

// RedirectAllRequestsTo sends every request to another host.
type RedirectAllRequestsTo struct {
	HostName string `xml:"HostName"`
	Protocol string `xml:"Protocol,omitempty"`
}

// RoutingRule redirects the requests its condition matches.
type RoutingRule struct {
	Condition *RoutingCondition `xml:"Condition,omitempty"`
	Redirect  WebsiteRedirect   `xml:"Redirect"`
}

// RoutingCondition matches a request by its key's prefix or the error it
// would get.
type RoutingCondition struct {
	HttpErrorCodeReturnedEquals string `xml:"HttpErrorCodeReturnedEquals,omitempty"` //nolint:revive // S3's name
	KeyPrefixEquals             string `xml:"KeyPrefixEquals,omitempty"`
}

// WebsiteRedirect is where a routing rule sends a request.
type WebsiteRedirect struct {
	HostName             string `xml:"HostName,omitempty"`
	HttpRedirectCode     string `xml:"HttpRedirectCode,omitempty"` //nolint:revive // S3's name
	Protocol             string `xml:"Protocol,omitempty"`
	ReplaceKeyPrefixWith string `xml:"ReplaceKeyPrefixWith,omitempty"`
	ReplaceKeyWith       string `xml:"ReplaceKeyWith,omitempty"`
}

// maxRoutingRules is the most routing rules a website configuration holds.
const maxRoutingRules = 50

// PutBucketWebsiteInput stores a bucket's website configuration.
type PutBucketWebsiteInput struct {
	Bucket        string
	Configuration WebsiteConfiguration
}

// PutBucketWebsiteOutput is the (empty) answer to PutBucketWebsite.
type PutBucketWebsiteOutput struct{}

// PutBucketWebsite stores a website configuration, which the website
// endpoint serves by. As S3 checks: an IndexDocument with a non-empty
// Suffix without "/" unless every request is redirected, nothing else
// beside RedirectAllRequestsTo, protocols http or https, at most 50
// routing rules, each redirect with one of ReplaceKeyWith and
// ReplaceKeyPrefixWith at most.
func (s *Service) PutBucketWebsite(ctx context.Context, in PutBucketWebsiteInput) (PutBucketWebsiteOutput, error) {
	sc, err := s.enter(ctx, "PutBucketWebsite", in.Bucket, "")
	if err != nil {
		return PutBucketWebsiteOutput{}, err
	}
	if err := validateWebsite(in.Configuration); err != nil {
		return PutBucketWebsiteOutput{}, err
	}
	cfg := cloneWebsite(in.Configuration)
	return PutBucketWebsiteOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.website = &cfg
		return nil
	})
}

func validateWebsite(c WebsiteConfiguration) error {
	if r := c.RedirectAllRequestsTo; r != nil {
		if c.IndexDocument != nil || c.ErrorDocument != nil || len(c.RoutingRules) > 0 {
			return invalidArgument("RedirectAllRequestsTo", "not null",
				"RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.")
		}
		if r.HostName == "" {
			return malformedXML()
		}
		return validProtocol(r.Protocol)
	}
	if c.IndexDocument == nil {
		return invalidArgument("IndexDocument", "null", "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty")
	}
	if sfx := c.IndexDocument.Suffix; sfx == "" || strings.Contains(sfx, "/") {
		return invalidArgument("IndexDocument", sfx, "The IndexDocument Suffix is not well formed")
	}
	if c.ErrorDocument != nil && c.ErrorDocument.Key == "" {
		return invalidArgument("ErrorDocument", "", "The ErrorDocument Key is not well formed")
	}
	if len(c.RoutingRules) > maxRoutingRules {
		return errs.New(codeInvalidRequest, "The number of routing rules must not exceed 50")
	}
	for _, r := range c.RoutingRules {
		if r.Redirect.ReplaceKeyWith != "" && r.Redirect.ReplaceKeyPrefixWith != "" {
			return errs.New(codeInvalidRequest, "You can only define ReplaceKeyPrefix or ReplaceKey but not both.")
		}
		if err := validProtocol(r.Redirect.Protocol); err != nil {
			return err
		}
	}
	return nil
}

func validProtocol(p string) error {
	if p != "" && p != "http" && p != "https" {
		return errs.New(codeInvalidRequest, "Invalid protocol, protocol can be http or https. If not defined the protocol will be selected automatically.")
	}
	return nil
}

// cloneWebsite copies a configuration so that the stored one shares
// nothing with the caller's.
func cloneWebsite(c WebsiteConfiguration) WebsiteConfiguration {
	out := WebsiteConfiguration{RoutingRules: make([]RoutingRule, len(c.RoutingRules))}
	if c.IndexDocument != nil {
		d := *c.IndexDocument
		out.IndexDocument = &d
	}
	if c.ErrorDocument != nil {
		d := *c.ErrorDocument
		out.ErrorDocument = &d
	}
	if c.RedirectAllRequestsTo != nil {
		d := *c.RedirectAllRequestsTo
		out.RedirectAllRequestsTo = &d
	}
	for i, r := range c.RoutingRules {
		if r.Condition != nil {
			cond := *r.Condition
			r.Condition = &cond
		}
		out.RoutingRules[i] = r
	}
	return out
}

// GetBucketWebsiteInput names the bucket.
type GetBucketWebsiteInput struct {
	Bucket string
}

// GetBucketWebsiteOutput is a bucket's website configuration.
type GetBucketWebsiteOutput struct {
	Configuration WebsiteConfiguration
}

// GetBucketWebsite returns a bucket's website configuration, or
// NoSuchWebsiteConfiguration (404).
func (s *Service) GetBucketWebsite(ctx context.Context, in GetBucketWebsiteInput) (GetBucketWebsiteOutput, error) {
	sc, err := s.enter(ctx, "GetBucketWebsite", in.Bucket, "")
	if err != nil {
		return GetBucketWebsiteOutput{}, err
	}
	var out GetBucketWebsiteOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.website == nil {
			return noSuchWebsite(in.Bucket)
		}
		out.Configuration = cloneWebsite(*b.website)
		return nil
	})
	return out, err
}

func noSuchWebsite(bucket string) error {
	return withFields(errs.New(codeNoSuchWebsiteConfiguration,
		"The specified bucket does not have a website configuration"), "BucketName", bucket)
}

// DeleteBucketWebsiteInput names the bucket.
type DeleteBucketWebsiteInput struct {
	Bucket string
}

// DeleteBucketWebsiteOutput is the (empty) answer to DeleteBucketWebsite.
type DeleteBucketWebsiteOutput struct{}

// DeleteBucketWebsite removes a bucket's website configuration; removing
// none succeeds.
func (s *Service) DeleteBucketWebsite(ctx context.Context, in DeleteBucketWebsiteInput) (DeleteBucketWebsiteOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketWebsite", in.Bucket, "")
	if err != nil {
		return DeleteBucketWebsiteOutput{}, err
	}
	return DeleteBucketWebsiteOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.website = nil
		return nil
	})
}
