package lambda

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// lastModifiedLayout is how Lambda writes LastModified:
// 2024-01-02T03:04:05.000+0000.
const lastModifiedLayout = "2006-01-02T15:04:05.000-0700"

func lastModified(t time.Time) string { return t.UTC().Format(lastModifiedLayout) }

// function is everything the engine holds about one function.
type function struct {
	name     string
	latest   *version
	versions map[string]*version // published versions by number
	// lastVersion is the number of the last version published; numbers are
	// never reused, even after a version is deleted.
	lastVersion int
	// publishedRevision is the RevisionId $LATEST had when it was last
	// published: publishing an unchanged $LATEST returns that version.
	publishedRevision string
	aliases           map[string]*alias
	policy            []statement
	policyRevision    string
	tags              map[string]string
	reserved          *int32
	invokeConfigs     map[string]*FunctionEventInvokeConfig // by qualifier; $LATEST when unqualified
	provisioned       map[string]*provisionedConfig         // by qualifier
	urls              map[string]*FunctionUrlConfig         // by qualifier; "" when unqualified
	pools             map[string]*pool                      // execution environments by version
	running           int                                   // executions in progress
	faults            invocationFaults
	logs              []LogEvent
}

// version is one version of a function: $LATEST or a published one.
type version struct {
	cfg   FunctionConfiguration
	zip   []byte // the inline deployment package, served by GetFunction's Code.Location
	image string // the image URI of an Image package
}

func (f *function) versionNumbers() []string {
	out := make([]string, 0, len(f.versions))
	for v := range f.versions {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return atoi(out[i]) < atoi(out[j]) })
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// lookupLocked returns the function r names.
func (s *Service) lookupLocked(r ref) (*function, error) {
	f := s.functions[r.name]
	if f == nil {
		return nil, errFunctionNotFound(s.refARN(r))
	}
	return f, nil
}

// functionNamedLocked returns the function an unqualified FunctionName
// names, read as parseUnqualified reads it.
func (s *Service) functionNamedLocked(name string) (*function, error) {
	r, err := s.parseUnqualified("functionName", name)
	if err != nil {
		return nil, err
	}
	return s.lookupLocked(r)
}

// resolveNamedLocked is resolveLocked for a FunctionName and the Qualifier
// beside it, read as parseRef reads them.
func (s *Service) resolveNamedLocked(name, qualifier string) (*function, *version, error) {
	r, err := s.parseRef("functionName", name, qualifier)
	if err != nil {
		return nil, nil, err
	}
	return s.resolveLocked(r)
}

// latestLocked returns the function r names for a change to its $LATEST:
// a RevisionId given must be $LATEST's current one.
func (s *Service) latestLocked(r ref, revisionID string) (*function, error) {
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, err
	}
	if revisionID != "" && revisionID != f.latest.cfg.RevisionId {
		return nil, errRevision("GetFunction/GetAlias")
	}
	return f, nil
}

// resolveLocked returns the function and the version r addresses: $LATEST
// when unqualified, the version itself, or the primary version of an alias.
func (s *Service) resolveLocked(r ref) (*function, *version, error) {
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, nil, err
	}
	v, err := s.versionLocked(f, r)
	return f, v, err
}

func (s *Service) versionLocked(f *function, r ref) (*version, error) {
	switch q := r.qualifier; {
	case q == "" || q == latest:
		return f.latest, nil
	case isVersionNumber(q):
		if v := f.versions[q]; v != nil {
			return v, nil
		}
	default:
		if a := f.aliases[q]; a != nil {
			return s.versionLocked(f, ref{name: f.name, qualifier: a.cfg.FunctionVersion})
		}
	}
	return nil, errFunctionNotFound(s.refARN(r))
}

// codeInfo is what Lambda computes from a deployment package.
type codeInfo struct {
	sha   string
	size  int64
	zip   []byte
	image string
}

// codeOf checks a deployment package as CreateFunction and UpdateFunctionCode
// do and computes its CodeSha256 (base64 of the SHA-256 of the package) and
// CodeSize. The fake cannot read S3 objects or images: their hash is taken
// over their location and their size is 0.
func codeOf(c FunctionCode, packageType string) (codeInfo, error) {
	if packageType == "Image" {
		if c.ImageUri == "" {
			return codeInfo{}, errInvalid("Please provide ImageUri when updating a function with packageType Image.")
		}
		return codeInfo{sha: sha256b64([]byte(c.ImageUri)), image: c.ImageUri}, nil
	}
	switch {
	case len(c.ZipFile) > 0:
		if len(c.ZipFile) > maxZipSize {
			return codeInfo{}, userError("RequestEntityTooLargeException", 413,
				"Request must be smaller than %d bytes for the CreateFunction operation", maxZipSize)
		}
		return codeInfo{sha: sha256b64(c.ZipFile), size: int64(len(c.ZipFile)), zip: c.ZipFile}, nil
	case c.S3Bucket != "" && c.S3Key != "":
		return codeInfo{sha: sha256b64([]byte("s3://" + c.S3Bucket + "/" + c.S3Key + "?" + c.S3ObjectVersion))}, nil
	case c.ImageUri != "":
		return codeInfo{}, errInvalid("Please don't provide ImageUri when updating a function with packageType Zip.")
	}
	return codeInfo{}, errInvalid("Please provide a source for function code.")
}

// maxZipSize is the quota on a .zip uploaded directly: 50 MB.
const maxZipSize = 50 << 20

func sha256b64(b []byte) string {
	h := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(h[:])
}

// Runtimes Lambda's model knows, and those AWS no longer lets a function be
// created or updated with ("Block function create" has passed in the
// runtime deprecation table).
var (
	runtimes = []string{"nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x",
		"nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x", "nodejs26.x",
		"java8", "java8.al2", "java11", "java17", "java21", "java25", "java8.al2023", "java11.al2023", "java17.al2023",
		"python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12",
		"python3.13", "python3.14", "python3.15", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1",
		"dotnet6", "dotnet8", "dotnet10", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3",
		"ruby3.4", "ruby4.0", "provided", "provided.al2", "provided.al2023"}
	blockedRuntimes = []string{"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x",
		"nodejs12.x", "nodejs14.x", "python2.7", "python3.6", "python3.7", "dotnetcore1.0", "dotnetcore2.0",
		"dotnetcore2.1", "dotnetcore3.1", "ruby2.5", "ruby2.7", "go1.x"}
)

// reservedEnvKeys are the environment variables Lambda sets itself and
// refuses to let a function override.
var reservedEnvKeys = []string{"_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
	"AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
	"AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
	"AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
	"AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"}

// settings are the configuration members CreateFunction and
// UpdateFunctionConfiguration share; nil means "not given".
type settings struct {
	role, handler, description, runtime, kmsKeyArn *string
	timeout, memorySize                            *int32
	environment                                    *Environment
	deadLetter                                     *DeadLetterConfig
	tracing                                        *TracingConfig
	vpc                                            *VpcConfig
	layers                                         []string
	ephemeral                                      *EphemeralStorage
	logging                                        *LoggingConfig
	fileSystems                                    []FileSystemConfig
	snapStart                                      *SnapStart
}

// check validates the members that are given, with AWS's ranges: memory
// 128-10240 MB, timeout 1-900 s, ephemeral storage 512-10240 MB,
// environment variables within 4 KB and no reserved keys, at most five
// layers that exist.
func (s *Service) checkSettingsLocked(in settings) error {
	if in.role != nil && !roleARN.MatchString(*in.role) {
		return errValidation("role", *in.role, `Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`)
	}
	if in.runtime != nil && *in.runtime != "" {
		if !slices.Contains(runtimes, *in.runtime) {
			return errValidation("runtime", *in.runtime, "Member must satisfy enum value set: ["+strings.Join(runtimes, ", ")+"]")
		}
		if slices.Contains(blockedRuntimes, *in.runtime) {
			return errInvalid("The runtime parameter of %s is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.", *in.runtime)
		}
	}
	if in.handler != nil && len(*in.handler) > 128 {
		return errValidation("handler", *in.handler, "Member must have length less than or equal to 128")
	}
	if in.description != nil && len(*in.description) > 256 {
		return errValidation("description", *in.description, "Member must have length less than or equal to 256")
	}
	if in.timeout != nil && (*in.timeout < 1 || *in.timeout > 900) {
		return errRange("timeout", int64(*in.timeout), 1, 900)
	}
	if in.memorySize != nil && (*in.memorySize < 128 || *in.memorySize > 10240) {
		return errRange("memorySize", int64(*in.memorySize), 128, 10240)
	}
	if in.ephemeral != nil && (in.ephemeral.Size < 512 || in.ephemeral.Size > 10240) {
		return errRange("ephemeralStorage.size", int64(in.ephemeral.Size), 512, 10240)
	}
	if err := checkEnvironment(in.environment); err != nil {
		return err
	}
	if in.deadLetter != nil && in.deadLetter.TargetArn != "" {
		a, err := arn.Parse(in.deadLetter.TargetArn)
		if err != nil || (a.Service != "sqs" && a.Service != "sns") {
			return errInvalid("The provided target arn %s is invalid. It must be an SQS queue or SNS topic ARN.", in.deadLetter.TargetArn)
		}
	}
	if in.tracing != nil && in.tracing.Mode != "" && in.tracing.Mode != "Active" && in.tracing.Mode != "PassThrough" {
		return errValidation("tracingConfig.mode", in.tracing.Mode, "Member must satisfy enum value set: [Active, PassThrough]")
	}
	if in.logging != nil && in.logging.LogFormat != "" && in.logging.LogFormat != "Text" && in.logging.LogFormat != "JSON" {
		return errValidation("loggingConfig.logFormat", in.logging.LogFormat, "Member must satisfy enum value set: [JSON, Text]")
	}
	if len(in.layers) > 5 {
		return errInvalid("Cannot reference more than 5 layers.")
	}
	for _, l := range in.layers {
		if _, err := s.layerVersionLocked(l); err != nil {
			return err
		}
	}
	return nil
}

// checkEnvironment applies AWS's rules for environment variables: keys match
// [a-zA-Z]([a-zA-Z0-9_])+, none is reserved, and the whole set stays within
// 4 KB.
func checkEnvironment(e *Environment) error {
	if e == nil {
		return nil
	}
	size := 0
	var reserved []string
	for k, v := range e.Variables {
		if !envKey.MatchString(k) {
			return errValidation("environment.variables", k, "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+")
		}
		if slices.Contains(reservedEnvKeys, k) {
			reserved = append(reserved, k)
		}
		size += len(k) + len(v)
	}
	if len(reserved) > 0 {
		sort.Strings(reserved)
		return errInvalid("Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: %s", strings.Join(reserved, ", "))
	}
	if size > 4096 {
		return errInvalid("Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: %d bytes", size)
	}
	return nil
}

// apply writes the given members into cfg.
func (s *Service) applyLocked(cfg *FunctionConfiguration, in settings) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&cfg.Role, in.role)
	set(&cfg.Handler, in.handler)
	set(&cfg.Description, in.description)
	set(&cfg.Runtime, in.runtime)
	set(&cfg.KMSKeyArn, in.kmsKeyArn)
	if in.timeout != nil {
		cfg.Timeout = *in.timeout
	}
	if in.memorySize != nil {
		cfg.MemorySize = *in.memorySize
	}
	if in.environment != nil {
		cfg.Environment = &Environment{Variables: in.environment.Variables}
	}
	if in.deadLetter != nil {
		cfg.DeadLetterConfig = nil
		if in.deadLetter.TargetArn != "" {
			cfg.DeadLetterConfig = &DeadLetterConfig{TargetArn: in.deadLetter.TargetArn}
		}
	}
	if in.tracing != nil && in.tracing.Mode != "" {
		cfg.TracingConfig = &TracingConfig{Mode: in.tracing.Mode}
	}
	if in.vpc != nil {
		cfg.VpcConfig = &VpcConfig{SubnetIds: in.vpc.SubnetIds, SecurityGroupIds: in.vpc.SecurityGroupIds}
		if len(in.vpc.SubnetIds) > 0 {
			cfg.VpcConfig.VpcId = "vpc-" + s.env.IDs.Hex(9)[:17]
		}
	}
	if in.layers != nil {
		cfg.Layers = cfg.Layers[:0]
		for _, l := range in.layers {
			lv, _ := s.layerVersionLocked(l)
			cfg.Layers = append(cfg.Layers, Layer{Arn: l, CodeSize: lv.codeSize})
		}
	}
	if in.ephemeral != nil {
		cfg.EphemeralStorage = &EphemeralStorage{Size: in.ephemeral.Size}
	}
	if in.logging != nil {
		l := *in.logging
		if l.LogFormat == "" {
			l.LogFormat = "Text"
		}
		if l.LogGroup == "" {
			l.LogGroup = "/aws/lambda/" + cfg.FunctionName
		}
		cfg.LoggingConfig = &l
	}
	if in.fileSystems != nil {
		cfg.FileSystemConfigs = in.fileSystems
	}
	if in.snapStart != nil {
		cfg.SnapStart = &SnapStart{ApplyOn: in.snapStart.ApplyOn, OptimizationStatus: "Off"}
	}
}

// touchLocked marks cfg as changed now: a new LastModified and RevisionId.
func (s *Service) touchLocked(cfg *FunctionConfiguration) {
	cfg.LastModified = lastModified(s.now())
	cfg.RevisionId = s.env.IDs.UUID()
}

var envKey = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9_])+$`)

// logGroup returns the log group of a function's configuration.
func logGroup(cfg *FunctionConfiguration) string {
	if cfg.LoggingConfig != nil && cfg.LoggingConfig.LogGroup != "" {
		return cfg.LoggingConfig.LogGroup
	}
	return "/aws/lambda/" + cfg.FunctionName
}

func itoa(n int) string { return strconv.Itoa(n) }
