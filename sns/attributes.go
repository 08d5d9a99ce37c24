package sns

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MessageAttributeValue is a typed message attribute: DataType String,
// String.Array, Number or Binary, optionally with a custom suffix
// (Number.float, Binary.gif).
type MessageAttributeValue struct {
	DataType    string
	StringValue string
	BinaryValue []byte
}

// Message attribute rules ("Amazon SNS message attributes"): a name holds
// A-Z, a-z, 0-9, underscore, hyphen and period, neither starts nor ends with
// a period nor has two in a row, and is at most 256 bytes; the data type
// starts with String, Number or Binary; the value must be non-empty and in
// the field its type uses; a Number is a number. "All parts of the message
// attribute, including name, type, and value, are included in the message
// size restriction."
var attributeType = regexp.MustCompile(`^(String|Number|Binary)(\..+)?$`)

// checkAttributes validates message attributes. position > 0 names the
// PublishBatch entry, for the ValidationError's member path.
func checkAttributes(attrs map[string]MessageAttributeValue, position int) error {
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		a := attrs[name]
		if err := checkAttributeName(name); err != nil {
			return err
		}
		if a.DataType == "" {
			at := "messageAttributes." + name + ".member.dataType"
			if position > 0 {
				at = fmt.Sprintf("publishBatchRequestEntries.%d.member.messageAttributes.%s.member.dataType", position, name)
			}
			return validationError("null", at, "Member must not be null")
		}
		if !attributeType.MatchString(a.DataType) {
			return invalidParameterValue("The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", name)
		}
		binary := strings.HasPrefix(a.DataType, "Binary")
		switch {
		case binary && len(a.BinaryValue) == 0 && a.StringValue != "":
			return invalidParameterValue("The message attribute '%s' with type 'Binary' must use field 'Binary'.", name)
		case !binary && a.StringValue == "" && len(a.BinaryValue) > 0:
			return invalidParameterValue("The message attribute '%s' with type '%s' must use field 'String'.", name, a.DataType)
		case binary && len(a.BinaryValue) == 0, !binary && a.StringValue == "":
			return invalidParameterValue("The message attribute '%s' must contain non-empty message attribute value for message attribute type '%s'.", name, a.DataType)
		}
		if strings.HasPrefix(a.DataType, "Number") {
			if _, err := strconv.ParseFloat(a.StringValue, 64); err != nil {
				return invalidParameterValue("Could not cast message attribute '%s' value to number.", name)
			}
		}
	}
	return nil
}

func checkAttributeName(name string) error {
	switch {
	case name == "":
		return invalidParameterValue("The message attribute name can not be empty.")
	case len(name) > 256:
		return invalidParameterValue("Length of message attribute name must be less than 256 bytes.")
	case name[0] == '.':
		return invalidParameterValue("Invalid message attribute name starting with character '.' was found.")
	case name[len(name)-1] == '.':
		return invalidParameterValue("Invalid message attribute name ending with character '.' was found.")
	case strings.Contains(name, ".."):
		return invalidParameterValue("Message attribute name can not have successive '.' character.")
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return invalidParameterValue("Invalid non-alphanumeric character '#x%X' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.", r)
		}
	}
	return nil
}

// publishSize is the size SNS checks against MaximumMessageSize: the message
// plus every attribute's name, type and value.
func publishSize(message string, attrs map[string]MessageAttributeValue) int {
	n := len(message)
	for name, a := range attrs {
		n += len(name) + len(a.DataType) + len(a.StringValue) + len(a.BinaryValue)
	}
	return n
}

// parseBool reads a boolean attribute (FifoTopic, ContentBasedDeduplication,
// RawMessageDelivery, a platform endpoint's Enabled) as AWS does: true or
// false in any case, so that "True" and "FALSE" are accepted; ok is false
// for anything else, the empty string included.
func parseBool(value string) (b, ok bool) {
	switch {
	case strings.EqualFold(value, "true"):
		return true, true
	case strings.EqualFold(value, "false"):
		return false, true
	}
	return false, false
}

// invalidBool is the reason AWS gives for a boolean attribute that
// parseBool refuses (recorded: sns
// TestSNSSubscriptionCrud::test_validate_set_sub_attributes).
func invalidBool(name, value string) string {
	return name + ": Invalid value [" + value + "]. Must be true or false."
}
