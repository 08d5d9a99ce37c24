package lambda

import "time"

// Lambda's model gives a few members the timestamp type, which its JSON
// carries as epoch seconds; the Go API holds them as time.Time.

type eventSourceMappingJSON struct {
	EventSourceMappingConfiguration
	LastModified float64 `json:"LastModified,omitempty"`
}

func esmJSON(c EventSourceMappingConfiguration) eventSourceMappingJSON {
	return eventSourceMappingJSON{EventSourceMappingConfiguration: c, LastModified: epoch(c.LastModified)}
}

type listEventSourceMappingsJSON struct {
	EventSourceMappings []eventSourceMappingJSON
	NextMarker          string `json:",omitempty"`
}

type eventInvokeConfigJSON struct {
	FunctionEventInvokeConfig
	LastModified float64 `json:"LastModified,omitempty"`
}

func eicJSON(c FunctionEventInvokeConfig) eventInvokeConfigJSON {
	return eventInvokeConfigJSON{FunctionEventInvokeConfig: c, LastModified: epoch(c.LastModified)}
}

type listEventInvokeConfigsJSON struct {
	FunctionEventInvokeConfigs []eventInvokeConfigJSON
	NextMarker                 string `json:",omitempty"`
}

// epoch is t in seconds since 1970, with milliseconds.
func epoch(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixMilli()) / 1000
}
