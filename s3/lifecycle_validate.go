package s3

import (
	"strconv"
	"time"
)

// transitionClasses are the storage classes a lifecycle rule transitions
// to, ranked in S3's waterfall: a transition only goes down it.
var transitionClasses = map[string]int{
	"STANDARD_IA": 1, "INTELLIGENT_TIERING": 2, "ONEZONE_IA": 3, "GLACIER_IR": 4, "GLACIER": 5, "DEEP_ARCHIVE": 6,
}

// validateLifecycle checks a configuration as S3 does (PutBucketLifecycle-
// Configuration's reference and AWS's answers in shared/aws-recordings,
// s3 TestS3BucketLifecycle::test_put_bucket_lifecycle_conf_exc): 1 to 1000
// rules with unique IDs of at most 255 characters, each Enabled or
// Disabled, with a Filter or a Prefix (not both), at least one action;
// a schema violation is MalformedXML, a bad value InvalidArgument or
// InvalidRequest with S3's message.
func validateLifecycle(c LifecycleConfiguration) error {
	switch c.TransitionDefaultMinimumObjectSize {
	case "", transitionMin128K, transitionVaries:
	default:
		return errs.New(codeInvalidRequest, "Invalid TransitionDefaultMinimumObjectSize found: %s", c.TransitionDefaultMinimumObjectSize)
	}
	if len(c.Rules) == 0 {
		return malformedXML()
	}
	if len(c.Rules) > maxLifecycleRules {
		return errs.New(codeInvalidRequest, "The number of lifecycle rules should not exceed allowed limit of 1000 rules")
	}
	ids := map[string]bool{}
	for _, r := range c.Rules {
		if len(r.ID) > maxRuleIDLength {
			return invalidArgument("ID", r.ID, "ID length should not exceed allowed limit of 255")
		}
		if r.ID != "" && ids[r.ID] {
			return invalidArgument("ID", r.ID, "Rule ID must be unique. Found same ID for more than one rule")
		}
		ids[r.ID] = true
		if err := validateRule(r); err != nil {
			return err
		}
	}
	return nil
}

func validateRule(r LifecycleRule) error {
	if r.Status != "Enabled" && r.Status != "Disabled" {
		return malformedXML()
	}
	if (r.Filter == nil) == (r.Prefix == nil) {
		return malformedXML()
	}
	if r.Filter != nil {
		if err := validateLifecycleFilter(*r.Filter); err != nil {
			return err
		}
	}
	if r.Expiration == nil && len(r.Transitions) == 0 && r.NoncurrentVersionExpiration == nil &&
		len(r.NoncurrentVersionTransitions) == 0 && r.AbortIncompleteMultipartUpload == nil {
		return errs.New(codeInvalidRequest, "At least one action needs to be specified in a rule")
	}
	if err := validateExpiration(r.Expiration); err != nil {
		return err
	}
	for _, t := range r.Transitions {
		if err := validateTransition(t.Days, t.Date, t.StorageClass, "Days"); err != nil {
			return err
		}
	}
	if n := r.NoncurrentVersionExpiration; n != nil {
		if n.NoncurrentDays == nil {
			return malformedXML()
		}
		if *n.NoncurrentDays <= 0 {
			return invalidArgument("NoncurrentDays", strconv.Itoa(*n.NoncurrentDays),
				"'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer")
		}
		if err := validateNewer(n.NewerNoncurrentVersions); err != nil {
			return err
		}
	}
	for _, t := range r.NoncurrentVersionTransitions {
		if t.NoncurrentDays == nil {
			return malformedXML()
		}
		if err := validateTransition(t.NoncurrentDays, nil, t.StorageClass, "NoncurrentDays"); err != nil {
			return err
		}
		if err := validateNewer(t.NewerNoncurrentVersions); err != nil {
			return err
		}
	}
	if a := r.AbortIncompleteMultipartUpload; a != nil {
		if a.DaysAfterInitiation == nil {
			return malformedXML()
		}
		if *a.DaysAfterInitiation <= 0 {
			return invalidArgument("DaysAfterInitiation", strconv.Itoa(*a.DaysAfterInitiation),
				"'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer")
		}
		if r.Filter != nil && (r.Filter.Tag != nil || r.Filter.And != nil && len(r.Filter.And.Tags) > 0) {
			return errs.New(codeInvalidRequest, "AbortIncompleteMultipartUpload cannot be specified with Tags.")
		}
	}
	return nil
}

// validateLifecycleFilter checks that a filter names one condition (or none): two
// side by side, such as And beside Prefix, are MalformedXML (as AWS
// answers: test_put_bucket_lifecycle_conf_exc wrong-filter-and-plus-prefix
// and wrong-filter-and-and-object-size).
func validateLifecycleFilter(f LifecycleFilter) error {
	n := 0
	for _, set := range []bool{f.Prefix != nil, f.Tag != nil, f.ObjectSizeGreaterThan != nil, f.ObjectSizeLessThan != nil, f.And != nil} {
		if set {
			n++
		}
	}
	if n > 1 {
		return malformedXML()
	}
	if f.And == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, t := range f.And.Tags {
		if seen[t.Key] {
			return errs.New(codeInvalidRequest, "Duplicate Tag Keys are not allowed.")
		}
		seen[t.Key] = true
	}
	return nil
}

// validateExpiration checks that an expiration names exactly one of Days,
// Date and ExpiredObjectDeleteMarker (AWS: expired-delete-marker-and-days
// is MalformedXML), Days positive and Date at midnight GMT.
func validateExpiration(e *LifecycleExpiration) error {
	if e == nil {
		return nil
	}
	n := 0
	for _, set := range []bool{e.Days != nil, e.Date != nil, e.ExpiredObjectDeleteMarker != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return malformedXML()
	}
	if e.Days != nil && *e.Days <= 0 {
		return invalidArgument("Days", strconv.Itoa(*e.Days), "'Days' for Expiration action must be a positive integer")
	}
	return validateDate(e.Date)
}

// validateDate refuses a date that is not at midnight GMT, as AWS does
// (test_put_bucket_lifecycle_conf_exc wrong-data-no-midnight).
func validateDate(d *time.Time) error {
	if d != nil && !d.UTC().Equal(d.UTC().Truncate(24*time.Hour)) {
		return invalidArgument("Date", d.UTC().Format(time.RFC3339), "'Date' must be at midnight GMT")
	}
	return nil
}

// validateTransition checks one transition: a storage class of the
// waterfall, exactly one of days and date, days not negative and at
// least 30 for STANDARD_IA and ONEZONE_IA.
func validateTransition(days *int, date *time.Time, class, name string) error {
	if transitionClasses[class] == 0 || (days == nil) == (date == nil) {
		return malformedXML()
	}
	if days == nil {
		return validateDate(date)
	}
	if *days < 0 {
		return invalidArgument(name, strconv.Itoa(*days), "'"+name+"' in Transition action must be nonnegative")
	}
	if (class == "STANDARD_IA" || class == "ONEZONE_IA") && *days < 30 {
		return invalidArgument(name, strconv.Itoa(*days),
			"'"+name+"' in Transition action for StorageClass "+class+" must be greater than or equal to 30")
	}
	return nil
}

// validateNewer checks NewerNoncurrentVersions: 1 to 100 when given.
func validateNewer(n *int) error {
	if n != nil && (*n < 1 || *n > 100) {
		return invalidArgument("NewerNoncurrentVersions", strconv.Itoa(*n),
			"'NewerNoncurrentVersions' must be a positive integer less than or equal to 100")
	}
	return nil
}
