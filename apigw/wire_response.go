package apigw

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
)

// response is an answer of a deployed stage.
type response struct {
	status int
	header http.Header
	body   []byte
	// integ is the backend's answer and note what went wrong, for the
	// invocation's record.
	integ []byte
	note  string
	// gwType and message name the gateway response this is, for a
	// deployment's customised gateway responses.
	gwType, message string
}

// noted returns res with the backend's answer and a note for the record.
func (res response) noted(integ []byte, note string) response {
	res.integ, res.note = integ, note
	return res
}

// gatewayError is one of API Gateway's default gateway responses: the
// status, {"message": ...} and the x-amzn-ErrorType header.
func gatewayError(gwType string, status int, errorType, message string) response {
	b, _ := json.Marshal(map[string]string{"message": message})
	return response{status: status, body: b, gwType: gwType, message: message, header: http.Header{
		"Content-Type": {"application/json"}, "X-Amzn-Errortype": {errorType}}}
}

// missingToken is MISSING_AUTHENTICATION_TOKEN's default: what AWS answers
// for a path or method the deployment does not have.
func missingToken() response {
	return gatewayError("MISSING_AUTHENTICATION_TOKEN", http.StatusForbidden, "MissingAuthenticationTokenException", "Missing Authentication Token")
}

// internalError is DEFAULT_5XX for a configuration error of the API.
func internalError() response {
	return gatewayError("DEFAULT_5XX", http.StatusInternalServerError, "InternalServerErrorException", "Internal server error")
}

// badGateway is DEFAULT_5XX for a malformed Lambda proxy response, as
// recorded (test_aws_proxy_response_payload_format_validation).
func badGateway() response {
	return gatewayError("DEFAULT_5XX", http.StatusBadGateway, "InternalServerErrorException", "Internal server error")
}

// write sends the response with API Gateway's request headers.
func (res response) write(w http.ResponseWriter, requestID, apigwID string) {
	h := w.Header()
	for k, vs := range res.header {
		h.Del(k)
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	h.Set("x-amzn-RequestId", requestID)
	h.Set("x-amz-apigw-id", apigwID)
	h.Set("Content-Length", strconv.Itoa(len(res.body)))
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body)
}

// compileSelection compiles an integration response's selection pattern,
// which must match the whole selector (Java's matches(), whose . does not
// match a line terminator: AWS's guide matches a multi-line errorMessage
// with (\n|.)+).
func compileSelection(p string) (*regexp.Regexp, error) {
	return regexp.Compile(`^(?:` + p + `)$`)
}

func atoiStatus(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return http.StatusInternalServerError
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
