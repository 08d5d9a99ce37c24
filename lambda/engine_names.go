package lambda

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// latest is the qualifier of a function's unpublished, editable version.
const latest = "$LATEST"

// functionRefPattern is AWS's pattern for the FunctionName member: a name, a
// partial ARN (123456789012:function:name) or a full ARN, each optionally
// followed by :qualifier.
const functionRefPattern = `(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`

var (
	functionRef   = regexp.MustCompile(`^` + functionRefPattern + `$`)
	functionName  = regexp.MustCompile(`^[a-zA-Z0-9-_]+$`)
	qualifierName = regexp.MustCompile(`^(\$LATEST|[a-zA-Z0-9-_]+)$`)
	aliasName     = regexp.MustCompile(`^[a-zA-Z0-9-_]+$`)
	roleARN       = regexp.MustCompile(`^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$`)
)

// ref is a function addressed by name, partial ARN or ARN, with an optional
// qualifier (a version, an alias or $LATEST; "" when unqualified).
type ref struct {
	at              place
	name, qualifier string
}

// parseRef reads a FunctionName member and the Qualifier beside it, as AWS
// reads them: the lengths and pattern of the model, the region and account of
// an ARN checked against the cloud's, and a qualifier given twice required to
// agree.
func (s *Service) parseRef(sc faults.Scope, member, value, qualifier string) (ref, error) {
	if value == "" {
		return ref{}, errValidation(member, "null", "Member must not be null")
	}
	if len(value) > 170 {
		return ref{}, errValidation(member, value, "Member must have length less than or equal to 170")
	}
	m := functionRef.FindStringSubmatch(value)
	if m == nil {
		return ref{}, errValidation(member, value, "Member must satisfy regular expression pattern: "+functionRefPattern)
	}
	r := ref{at: placeOf(sc), name: m[7], qualifier: m[9]}
	if len(r.name) > 64 {
		return ref{}, errValidation(member, value, "Member must have length less than or equal to 64")
	}
	// AWS answers an ARN of another region, and one of another account, so
	// (recorded: lambda_/test_lambda_api.py::TestLambdaFunction::test_function_arns,
	// function_arn_other_region_exc and function_arn_other_account_exc).
	if region := strings.TrimSuffix(m[3], ":"); region != "" && region != sc.Region {
		return ref{}, errNotFound("Functions from '%s' are not reachable in this region ('%s')", region, sc.Region)
	}
	if account := strings.TrimSuffix(m[5], ":"); account != "" && account != sc.Account {
		return ref{}, errAccessDenied("")
	}
	if qualifier != "" {
		if err := checkQualifier(qualifier); err != nil {
			return ref{}, err
		}
		if r.qualifier != "" && r.qualifier != qualifier {
			return ref{}, errInvalid("The derived qualifier from the function name does not match the specified qualifier.")
		}
		r.qualifier = qualifier
	}
	return r, nil
}

// parseUnqualified is parseRef for operations on the function as a whole
// (tags, concurrency), which AWS refuses with a qualifier.
func (s *Service) parseUnqualified(sc faults.Scope, member, value string) (ref, error) {
	r, err := s.parseRef(sc, member, value, "")
	if err == nil && r.qualifier != "" {
		err = errInvalid("Qualifier is not supported for this operation. Please use an unqualified function ARN.")
	}
	return r, err
}

func checkQualifier(q string) error {
	if len(q) > 128 {
		return errValidation("qualifier", q, "Member must have length less than or equal to 128")
	}
	if !qualifierName.MatchString(q) {
		return errValidation("qualifier", q, `Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)`)
	}
	return nil
}

// checkAliasName applies AWS's alias name rules: 1 to 128 characters of
// [a-zA-Z0-9-_], and not only digits (those are versions).
func checkAliasName(name string) error {
	if name == "" || len(name) > 128 {
		return errValidation("name", name, "Member must have length between 1 and 128")
	}
	if !aliasName.MatchString(name) || isVersionNumber(name) {
		return errValidation("name", name, `Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)`)
	}
	return nil
}

// isVersionNumber reports whether q names a published version.
func isVersionNumber(q string) bool {
	if q == "" {
		return false
	}
	_, err := strconv.ParseUint(q, 10, 32)
	return err == nil
}
