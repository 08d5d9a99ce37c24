// Package protocol holds the wire codecs every service binding shares: the
// AWS JSON 1.0/1.1, awsQuery, restJson1, restXml and rpcv2Cbor encodings, the
// rendering of an *awserr.Error in each of them, body limits and request ids.
//
// A binding decodes a request into its Go input with the helpers here, calls
// its engine, and encodes the output or the error back; it never shapes error
// bodies by hand.
package protocol
