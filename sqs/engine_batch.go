package sqs

import (
	"regexp"

	"github.com/awsfake/awsfake/internal/awserr"
)

// maxBatchEntries is the most entries a batch request may carry.
const maxBatchEntries = 10

// batchEntryID is the alphabet of batch entry ids: "up to 80 characters ...
// alphanumeric characters, hyphens(-), and underscores (_)".
var batchEntryID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// batchEntry is an entry of a batch request: it carries an Id unique in the
// batch.
type batchEntry interface{ entryID() string }

func (en SendMessageBatchRequestEntry) entryID() string             { return en.Id }
func (en DeleteMessageBatchRequestEntry) entryID() string           { return en.Id }
func (en ChangeMessageVisibilityBatchRequestEntry) entryID() string { return en.Id }

// checkBatch applies the rules every batch request shares: 1 to 10 entries
// (EmptyBatchRequest, TooManyEntriesInBatchRequest), well-formed ids
// (InvalidBatchEntryId) that are distinct (BatchEntryIdsNotDistinct).
// entry names the entry type in the messages, as AWS does.
func checkBatch[E batchEntry](entry string, entries []E) error {
	switch {
	case len(entries) == 0:
		return newError(codeEmptyBatchRequest, "There should be at least one %s in the request.", entry)
	case len(entries) > maxBatchEntries:
		return newError(codeTooManyEntriesInBatchRequest, "Maximum number of entries per request are %d. You have sent %d.",
			maxBatchEntries, len(entries))
	}
	for i, en := range entries {
		id := en.entryID()
		if !batchEntryID.MatchString(id) {
			return newError(codeInvalidBatchEntryID, "A batch entry id can only contain alphanumeric characters, "+
				"hyphens and underscores. It can be at most 80 letters long.")
		}
		for _, prev := range entries[:i] {
			if prev.entryID() == id {
				return newError(codeBatchEntryIdsNotDistinct, "Id %s repeated.", id)
			}
		}
	}
	return nil
}

// eachEntry runs each entry of a batch on its own, in order: what run
// returns becomes the entry's success, its error the entry's failure.
// Neither list is nil, as AWS answers.
func eachEntry[E batchEntry, R any](entries []E, run func(E) (R, error)) (successful []R, failed []BatchResultErrorEntry) {
	successful, failed = []R{}, []BatchResultErrorEntry{}
	for _, en := range entries {
		r, err := run(en)
		if err != nil {
			failed = append(failed, batchError(en.entryID(), err))
			continue
		}
		successful = append(successful, r)
	}
	return successful, failed
}

// batchError reports a failed batch entry with the error's awsQuery code.
func batchError(id string, err error) BatchResultErrorEntry {
	ae := awserr.As(err)
	return BatchResultErrorEntry{Id: id, Code: ae.LegacyCode(), Message: ae.Message, SenderFault: !ae.Receiver}
}
