package cloudwatch

// PutCompositeAlarmInput is the input of PutCompositeAlarm.
type PutCompositeAlarmInput struct {
	AlarmName                        string   `json:",omitempty"`
	AlarmRule                        string   `json:",omitempty"`
	AlarmDescription                 *string  `json:",omitempty"`
	ActionsEnabled                   *bool    `json:",omitempty"`
	AlarmActions                     []string `json:",omitempty"`
	OKActions                        []string `json:",omitempty"`
	InsufficientDataActions          []string `json:",omitempty"`
	ActionsSuppressor                string   `json:",omitempty"`
	ActionsSuppressorWaitPeriod      *int32   `json:",omitempty"`
	ActionsSuppressorExtensionPeriod *int32   `json:",omitempty"`
	Tags                             []Tag    `json:",omitempty"`
}
