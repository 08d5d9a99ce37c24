package lambda

import "maps"

// The configuration types below are shared by several operations. They carry
// the member names of Lambda's JSON API, so the wire binding encodes them as
// they are.

// FunctionCode is a function's deployment package: a .zip file (inline or
// in S3) or a container image. The fake never runs it: the Go handler
// registered under the function's Handler runs instead.
type FunctionCode struct {
	ZipFile         []byte `json:",omitempty"`
	S3Bucket        string `json:",omitempty"`
	S3Key           string `json:",omitempty"`
	S3ObjectVersion string `json:",omitempty"`
	ImageUri        string `json:",omitempty"`
}

// Environment holds a function's environment variables.
type Environment struct {
	Variables map[string]string `json:",omitempty"`
}

// DeadLetterConfig names the SQS queue or SNS topic that receives the events
// of asynchronous invocations that failed every attempt.
type DeadLetterConfig struct {
	TargetArn string `json:",omitempty"`
}

// TracingConfig is the X-Ray tracing mode: Active or PassThrough.
type TracingConfig struct {
	Mode string `json:",omitempty"`
}

// EphemeralStorage is the size of /tmp in MB (512 to 10240).
type EphemeralStorage struct {
	Size int32
}

// LoggingConfig says where and how the function's logs go.
type LoggingConfig struct {
	LogFormat           string `json:",omitempty"`
	ApplicationLogLevel string `json:",omitempty"`
	SystemLogLevel      string `json:",omitempty"`
	LogGroup            string `json:",omitempty"`
}

// VpcConfig attaches a function to a VPC; it is stored and reported only.
type VpcConfig struct {
	SubnetIds        []string `json:",omitempty"`
	SecurityGroupIds []string `json:",omitempty"`
	VpcId            string   `json:",omitempty"`
}

// FileSystemConfig mounts an EFS access point; it is stored and reported only.
type FileSystemConfig struct {
	Arn            string
	LocalMountPath string
}

// SnapStart is the SnapStart setting; it is stored and reported only.
type SnapStart struct {
	ApplyOn            string `json:",omitempty"`
	OptimizationStatus string `json:",omitempty"`
}

// Layer is a layer version attached to a function.
type Layer struct {
	Arn      string
	CodeSize int64
}

// FunctionConfiguration describes one version of a function ($LATEST or a
// published version).
type FunctionConfiguration struct {
	FunctionName      string
	FunctionArn       string
	Runtime           string `json:",omitempty"`
	Role              string
	Handler           string `json:",omitempty"`
	CodeSize          int64
	Description       string
	Timeout           int32
	MemorySize        int32
	LastModified      string
	CodeSha256        string
	Version           string
	VpcConfig         *VpcConfig         `json:",omitempty"`
	DeadLetterConfig  *DeadLetterConfig  `json:",omitempty"`
	Environment       *Environment       `json:",omitempty"`
	KMSKeyArn         string             `json:",omitempty"`
	TracingConfig     *TracingConfig     `json:",omitempty"`
	RevisionId        string             `json:",omitempty"`
	Layers            []Layer            `json:",omitempty"`
	State             string             `json:",omitempty"`
	LastUpdateStatus  string             `json:",omitempty"`
	PackageType       string             `json:",omitempty"`
	Architectures     []string           `json:",omitempty"`
	EphemeralStorage  *EphemeralStorage  `json:",omitempty"`
	SnapStart         *SnapStart         `json:",omitempty"`
	LoggingConfig     *LoggingConfig     `json:",omitempty"`
	FileSystemConfigs []FileSystemConfig `json:",omitempty"`
}

// clone returns a deep copy of c, so that snapshots never share state with
// the engine.
func (c *FunctionConfiguration) clone() FunctionConfiguration {
	out := *c
	if c.VpcConfig != nil {
		v := *c.VpcConfig
		v.SubnetIds = append([]string(nil), v.SubnetIds...)
		v.SecurityGroupIds = append([]string(nil), v.SecurityGroupIds...)
		out.VpcConfig = &v
	}
	if c.DeadLetterConfig != nil {
		d := *c.DeadLetterConfig
		out.DeadLetterConfig = &d
	}
	if c.Environment != nil {
		out.Environment = &Environment{Variables: maps.Clone(c.Environment.Variables)}
	}
	if c.TracingConfig != nil {
		t := *c.TracingConfig
		out.TracingConfig = &t
	}
	out.Layers = append([]Layer(nil), c.Layers...)
	out.Architectures = append([]string(nil), c.Architectures...)
	if c.EphemeralStorage != nil {
		e := *c.EphemeralStorage
		out.EphemeralStorage = &e
	}
	if c.SnapStart != nil {
		ss := *c.SnapStart
		out.SnapStart = &ss
	}
	if c.LoggingConfig != nil {
		l := *c.LoggingConfig
		out.LoggingConfig = &l
	}
	out.FileSystemConfigs = append([]FileSystemConfig(nil), c.FileSystemConfigs...)
	return out
}
