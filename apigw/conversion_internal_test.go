package apigw

import "testing"

// payloadConversion walks every row of AWS's table "Content type
// conversions in API Gateway" (developerguide/
// api-gateway-payload-encodings-workflow.html): the request half (target
// = the payload's own type) and the response half (target = the first
// Accept type); binaryMediaTypes "Undefined" is payload and target text.
func TestPayloadConversion_EveryRow(t *testing.T) {
	rows := []struct {
		name            string
		payload, target bool
		handling        string
		want            conversion
	}{
		{"request text, undefined types, unset", false, false, "", passAsIs},
		{"request text, undefined types, CONVERT_TO_BINARY", false, false, "CONVERT_TO_BINARY", decodeBase64},
		{"request text, undefined types, CONVERT_TO_TEXT", false, false, "CONVERT_TO_TEXT", passAsIs},
		{"request binary, matching, unset", true, true, "", passAsIs},
		{"request binary, matching, CONVERT_TO_BINARY", true, true, "CONVERT_TO_BINARY", passAsIs},
		{"request binary, matching, CONVERT_TO_TEXT", true, true, "CONVERT_TO_TEXT", encodeBase64},
		{"response text, text Accept, unset", false, false, "", passAsIs},
		{"response text, text Accept, CONVERT_TO_BINARY", false, false, "CONVERT_TO_BINARY", decodeBase64},
		{"response text, text Accept, CONVERT_TO_TEXT", false, false, "CONVERT_TO_TEXT", passAsIs},
		{"response text, binary Accept, unset", false, true, "", decodeBase64},
		{"response text, binary Accept, CONVERT_TO_BINARY", false, true, "CONVERT_TO_BINARY", decodeBase64},
		{"response text, binary Accept, CONVERT_TO_TEXT", false, true, "CONVERT_TO_TEXT", passAsIs},
		{"response binary, text Accept, unset", true, false, "", encodeBase64},
		{"response binary, text Accept, CONVERT_TO_BINARY", true, false, "CONVERT_TO_BINARY", passAsIs},
		{"response binary, text Accept, CONVERT_TO_TEXT", true, false, "CONVERT_TO_TEXT", encodeBase64},
		{"response binary, binary Accept, unset", true, true, "", passAsIs},
		{"response binary, binary Accept, CONVERT_TO_BINARY", true, true, "CONVERT_TO_BINARY", passAsIs},
		{"response binary, binary Accept, CONVERT_TO_TEXT", true, true, "CONVERT_TO_TEXT", encodeBase64},
	}
	for _, r := range rows {
		if got := payloadConversion(r.payload, r.target, r.handling); got != r.want {
			t.Errorf("%s: got %d, want %d", r.name, got, r.want)
		}
	}
}
