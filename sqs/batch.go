package sqs

import "regexp"

// maxBatchEntries is the most entries a batch request may carry.
const maxBatchEntries = 10

// batchEntryID is the alphabet of batch entry ids: "up to 80 characters ...
// alphanumeric characters, hyphens(-), and underscores (_)".
var batchEntryID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// checkBatch applies the rules every batch request shares: 1 to 10 entries
// (EmptyBatchRequest, TooManyEntriesInBatchRequest), well-formed ids
// (InvalidBatchEntryId) that are distinct (BatchEntryIdsNotDistinct).
// entry names the entry type in the messages, as AWS does.
func checkBatch(entry string, ids []string) error {
	switch {
	case len(ids) == 0:
		return newError(codeEmptyBatchRequest, "There should be at least one %s in the request.", entry)
	case len(ids) > maxBatchEntries:
		return newError(codeTooManyEntriesInBatchRequest, "Maximum number of entries per request are %d. You have sent %d.",
			maxBatchEntries, len(ids))
	}
	for i, id := range ids {
		if !batchEntryID.MatchString(id) {
			return newError(codeInvalidBatchEntryID, "A batch entry id can only contain alphanumeric characters, "+
				"hyphens and underscores. It can be at most 80 letters long.")
		}
		for _, prev := range ids[:i] {
			if prev == id {
				return newError(codeBatchEntryIdsNotDistinct, "Id %s repeated.", id)
			}
		}
	}
	return nil
}
