package sns

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/protocol"
)

// SNS speaks awsQuery only: Action=<Op>&Version=2010-03-31 in a form body
// (or the query string of the SubscribeURL and UnsubscribeURL GETs); lists
// are X.member.N, maps X.entry.N.key/value, message attributes
// MessageAttributes.entry.N.Name/Value.DataType/StringValue/BinaryValue;
// replies are XML in the 2010-03-31 namespace.
var query = protocol.Query{XMLNS: "http://sns.amazonaws.com/doc/2010-03-31/"}

// operation decodes one action's form, calls the Go API and returns the
// result element (nil for actions whose result is empty).
type operation func(s *Service, r *http.Request, f protocol.Form) (any, error)

// operations maps every action of the SNS API (aws-sdk-go-v2 sns v1.47.9)
// to its binding; they live in the wire_*.go files, by family.
var operations = mergeOperations(topicOperations, subscriptionOperations, publishOperations,
	platformOperations, smsOperations)

// operationNames lists the actions of the wire table, sorted: the operation
// list that InjectFault, Calls and the served test use.
var operationNames = slices.Sorted(maps.Keys(operations))

func mergeOperations(families ...map[string]operation) map[string]operation {
	all := map[string]operation{}
	for _, family := range families {
		maps.Copy(all, family)
	}
	return all
}

// ServeHTTP serves SNS's awsQuery protocol, the unsigned GETs of the
// SubscribeURL and UnsubscribeURL SNS hands out, and the signing
// certificate at /_awsfake/sns/SimpleNotificationService-<id>.pem.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, certPathPrefix) {
		s.serveCertificate(w, r)
		return
	}
	values, err := protocol.ParseForm(r, protocol.DefaultBodyLimit)
	if err != nil {
		query.WriteError(w, r, err)
		return
	}
	form := protocol.NewForm(values, formErrors)
	action := form.Get("Action")
	op := operations[action]
	if op == nil {
		query.WriteError(w, r, invalidAction(action))
		return
	}
	result, err := op(s, r, form)
	if err != nil {
		query.WriteError(w, r, err)
		return
	}
	query.Write(w, r, action, result)
}

func (s *Service) serveCertificate(w http.ResponseWriter, r *http.Request) {
	pem, ok := s.signer.cert(r.URL.Path)
	if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/x-x509-ca-cert")
	w.Header().Set("Content-Length", strconv.Itoa(len(pem)))
	if r.Method == http.MethodGet {
		_, _ = w.Write(pem)
	}
}

// formErrors are SNS's errors for members that do not parse: a number is
// refused by AWS's front end as a ValidationError naming the member in
// camelCase, a binary attribute value that is not base64 by SNS.
var formErrors = protocol.FormErrors{
	Number: func(name, value string) error {
		return validationError("'"+value+"'", strings.ToLower(name[:1])+name[1:], "Member must be a number")
	},
	Binary: func(attr, _, _ string) error {
		return invalidParameterValue("The message attribute '%s' has an invalid binary value.", attr)
	},
}

// emptyResult is the result of the actions whose output shape has no
// members (TagResource, SetSMSAttributes, ...): AWS sends an empty
// <ActionResult/>, and the SDK requires it. Actions without an output shape
// (DeleteTopic, ...) have no result element at all.
var emptyResult = struct{}{}

// signed reports whether the request carries a SigV4 credential.
func signed(r *http.Request) bool {
	_, ok := protocol.CredentialScope(r)
	return ok
}

// xmlEntry and xmlMap render a query map: <entry><key/><value/></entry>.
type xmlEntry struct {
	Key   string `xml:"key"`
	Value string `xml:"value"`
}

type xmlMap struct {
	Entries []xmlEntry `xml:"entry"`
}

func toXMLMap(m map[string]string) xmlMap {
	out := xmlMap{Entries: make([]xmlEntry, 0, len(m))}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out.Entries = append(out.Entries, xmlEntry{Key: k, Value: m[k]})
	}
	return out
}

// attributesXML is the result of the Get*Attributes actions.
type attributesXML struct {
	Attributes xmlMap
}

// members renders a query list of strings: <member>…</member>.
type members struct {
	Member []string `xml:"member"`
}
