package sqs

import (
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// msgState is where a message is in its life.
type msgState uint8

const (
	stVisible  msgState = iota // receivable now
	stDelayed                  // sent with a delay that has not ended
	stInFlight                 // received, invisible until its visibility timeout ends
)

// message is one stored message. Times are Unix nanoseconds on the cloud's
// clock. Fields are only touched under the service lock.
type message struct {
	seq  uint64 // arrival order in its queue, and its identity in receipt handles
	id   string // MessageId
	body string
	// attrs are the message attributes, nil when there are none. The map is
	// never changed after the send.
	attrs map[string]MessageAttributeValue
	// extra holds what only some messages carry; nil for a standard
	// message without a trace header that was never dead-lettered.
	extra     *messageExtra
	sender    string // SenderId; "" for the queue's owner (a delivery through the bus)
	seqNumber uint64 // FIFO SequenceNumber

	sentAt          int64 // SentTimestamp
	enqueuedAt      int64 // start of the retention period
	availableAt     int64 // delayed: end of the delay; in flight: end of the visibility timeout
	receivedAt      int64 // start of the current in-flight period
	firstReceivedAt int64
	receives        int32 // ApproximateReceiveCount
	handleTag       uint64

	idx     int32 // position in its state index
	retIdx  int32 // position in its queue's retention index
	state   msgState
	fresh   bool   // visible in arrival order: in the queue's fresh ring, not its visible heap
	retLate bool   // in the late retention heap, not the retention ring
	group   *group // FIFO queues only
}

// messageExtra is the part of a message that FIFO queues, traced sends and
// dead-letter moves add. Kept apart so that a plain message at rest costs
// 160 bytes of struct, not 240 (issue 15: at most 300 bytes per 64-byte
// message at rest, its id and body included). Its MD5 is not kept either:
// receives hash the body again, which costs less than storing it.
type messageExtra struct {
	traceHeader string // AWSTraceHeader system attribute
	groupID     string
	dedupID     string
	dlqSource   string // DeadLetterQueueSourceArn, once moved to a dead-letter queue
}

// more returns m's extra part, adding it first if m has none.
func (m *message) more() *messageExtra {
	if m.extra == nil {
		m.extra = &messageExtra{}
	}
	return m.extra
}

func (m *message) traceHeader() string {
	if m.extra == nil {
		return ""
	}
	return m.extra.traceHeader
}

func (m *message) groupID() string {
	if m.extra == nil {
		return ""
	}
	return m.extra.groupID
}

func (m *message) dedupID() string {
	if m.extra == nil {
		return ""
	}
	return m.extra.dedupID
}

func (m *message) dlqSource() string {
	if m.extra == nil {
		return ""
	}
	return m.extra.dlqSource
}

// Limits on message content (SendMessage and MessageAttributeValue docs).
const (
	maxMessageAttributes = 10
	maxAttrNameLen       = 256
	maxAttrTypeLen       = 256
	maxFifoIDLen         = 128
)

// validBody checks a message body: at least one character, and only the
// characters AWS allows: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD |
// #x10000 to #x10FFFF (SendMessage docs); anything else is
// InvalidMessageContents.
func validBody(body string) error {
	if body == "" {
		return missingParameter("MessageBody")
	}
	if !validChars(body) {
		return invalidContents()
	}
	return nil
}

// validChars reports whether s is valid UTF-8 made only of the characters SQS
// accepts in bodies and string attribute values.
func validChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		switch {
		case r == 0x9 || r == 0xA || r == 0xD:
		case r >= 0x20 && r <= 0xD7FF:
		case r >= 0xE000 && r <= 0xFFFD:
		case r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
		i += n
	}
	return true
}

var (
	attrNameChars = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	attrDataType  = regexp.MustCompile(`^(String|Number|Binary)(\..+)?$`)
	// numberValue is a decimal number as SQS's Number type takes it.
	numberValue = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
)

// validAttributes checks message attributes against the rules of the
// MessageAttributeValue and SendMessage docs: at most 10; names of up to 256
// characters from [A-Za-z0-9_.-], not starting with AWS. or Amazon., not
// starting or ending with a period nor holding two in a row; a DataType of
// String, Number or Binary with an optional custom suffix; a non-empty value of
// that type.
func validAttributes(attrs map[string]MessageAttributeValue) error {
	if len(attrs) > maxMessageAttributes {
		return newError(codeInvalidParameterValue, "Number of message attributes [%d] exceeds the allowed maximum [%d].",
			len(attrs), maxMessageAttributes)
	}
	for _, name := range sortedKeys(attrs) {
		if err := validAttrName(name); err != nil {
			return err
		}
		if err := validAttrValue(name, attrs[name]); err != nil {
			return err
		}
	}
	return nil
}

func validAttrName(name string) error {
	lower := strings.ToLower(name)
	switch {
	case name == "":
		return newError(codeInvalidParameterValue, "The request must contain non-empty message attribute names.")
	case len(name) > maxAttrNameLen:
		return newError(codeInvalidParameterValue, "Message (user) attribute names must be shorter than %d Bytes.", maxAttrNameLen+1)
	case !attrNameChars.MatchString(name):
		return newError(codeInvalidParameterValue, "Message (user) attribute name '%s' is invalid: names can only contain "+
			"alphanumeric characters, periods, hyphens and underscores.", name)
	case strings.HasPrefix(lower, "aws.") || strings.HasPrefix(lower, "amazon.") ||
		strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") || strings.Contains(name, ".."):
		return newError(codeInvalidParameterValue, "You can't use message attribute names beginning with 'AWS.' or "+
			"'Amazon.'. These strings are reserved for internal use. Additionally, they cannot start or end with '.' "+
			"or contain '..' (attribute '%s').", name)
	}
	return nil
}

func validAttrValue(name string, v MessageAttributeValue) error {
	if v.DataType == "" {
		return newError(codeInvalidParameterValue, "The message attribute '%s' must contain non-empty message attribute type.", name)
	}
	if len(v.DataType) > maxAttrTypeLen {
		return newError(codeInvalidParameterValue, "Message (user) attribute types must be shorter than %d Bytes.", maxAttrTypeLen+1)
	}
	if !attrDataType.MatchString(v.DataType) {
		return newError(codeInvalidParameterValue, "The type of message (user) attribute '%s' is invalid. You must use "+
			"only the following supported type prefixes: Binary, Number, String.", name)
	}
	switch baseType(v.DataType) {
	case "Binary":
		if len(v.BinaryValue) == 0 {
			return newError(codeInvalidParameterValue, "The message attribute '%s' with type 'Binary' must use field 'Binary'.", name)
		}
	case "Number":
		if v.StringValue == "" {
			return newError(codeInvalidParameterValue, "The message attribute '%s' with type 'Number' must use field 'String'.", name)
		}
		if !numberValue.MatchString(v.StringValue) {
			return newError(codeInvalidParameterValue, "Can't cast the value of message (user) attribute '%s' to a number.", name)
		}
	default:
		if v.StringValue == "" {
			return newError(codeInvalidParameterValue, "The message attribute '%s' with type 'String' must use field 'String'.", name)
		}
		if !validChars(v.StringValue) {
			return newError(codeInvalidParameterValue, "Invalid characters found in the message attribute '%s'. Valid "+
				"unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF", name)
		}
	}
	return nil
}

// validSystemAttributes checks MessageSystemAttributes: AWSTraceHeader, of
// type String, is the only one (SendMessage docs).
func validSystemAttributes(attrs map[string]MessageAttributeValue) error {
	for _, name := range sortedKeys(attrs) {
		v := attrs[name]
		if name != "AWSTraceHeader" {
			return newError(codeInvalidParameterValue, "Message system attribute name '%s' is invalid.", name)
		}
		if v.DataType != "String" || v.StringValue == "" {
			return newError(codeInvalidParameterValue, "Message system attribute '%s' must be of type String "+
				"and have a non-empty value.", name)
		}
	}
	return nil
}

// baseType is String, Number or Binary: a DataType without its custom suffix.
func baseType(dataType string) string {
	if i := strings.IndexByte(dataType, '.'); i >= 0 {
		return dataType[:i]
	}
	return dataType
}

// messageSize is what counts against MaximumMessageSize: the body plus every
// attribute's name, type and value (MessageAttributeValue docs: "All parts of
// the message attribute, including Name, Type, and Value, are part of the
// message size restriction"). System attributes do not count.
func messageSize(body string, attrs map[string]MessageAttributeValue) int {
	n := len(body)
	for name, v := range attrs {
		n += len(name) + len(v.DataType) + len(v.StringValue) + len(v.BinaryValue)
	}
	return n
}

// validFifoID checks a MessageGroupId or MessageDeduplicationId: 1 to 128
// alphanumeric and punctuation characters (SendMessage docs).
func validFifoID(param, v string) error {
	ok := len(v) >= 1 && len(v) <= maxFifoIDLen
	for i := 0; ok && i < len(v); i++ {
		ok = v[i] >= 0x21 && v[i] <= 0x7E
	}
	if !ok {
		return invalidParameter(v, param, param+" can only include alphanumeric and punctuation characters. 1 to 128 in length.")
	}
	return nil
}

// attributesMD5 is MD5OfMessageAttributes (and MD5OfMessageSystemAttributes)
// as AWS computes it: for each attribute in ascending name order, the
// length-prefixed (big-endian uint32) name, the length-prefixed DataType, a
// transport byte (1 for String and Number, 2 for Binary) and the
// length-prefixed value; the hex MD5 of the lot. It is "" for no attributes.
func attributesMD5(attrs map[string]MessageAttributeValue) string {
	if len(attrs) == 0 {
		return ""
	}
	h := md5.New()
	var n [4]byte
	put := func(b []byte) {
		binary.BigEndian.PutUint32(n[:], uint32(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	for _, name := range sortedKeys(attrs) {
		v := attrs[name]
		put([]byte(name))
		put([]byte(v.DataType))
		if baseType(v.DataType) == "Binary" {
			h.Write([]byte{2})
			put(v.BinaryValue)
		} else {
			h.Write([]byte{1})
			put([]byte(v.StringValue))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// traceAttributes is the system attribute map whose MD5 SendMessage returns
// as MD5OfMessageSystemAttributes.
func traceAttributes(trace string) map[string]MessageAttributeValue {
	if trace == "" {
		return nil
	}
	return map[string]MessageAttributeValue{"AWSTraceHeader": {DataType: "String", StringValue: trace}}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// md5Hex is the hex MD5 of s (MD5OfMessageBody, MD5OfBody), hashed in
// place: md5.Sum only reads its argument, so s's bytes need no copy.
func md5Hex(s string) string {
	sum := md5.Sum(unsafe.Slice(unsafe.StringData(s), len(s)))
	return hex.EncodeToString(sum[:])
}
