package lambda

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
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

// checkSettingsLocked validates the members that are given, with AWS's ranges: memory
// 128-10240 MB, timeout 1-900 s, ephemeral storage 512-10240 MB,
// environment variables within 4 KB and no reserved keys, at most five
// layers that exist.
func (s *Service) checkSettingsLocked(sc faults.Scope, in settings) error {
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
		if _, err := s.layerVersionLocked(sc, l); err != nil {
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
	// In key order, so that the same input always gives the same error.
	for _, k := range slices.Sorted(maps.Keys(e.Variables)) {
		v := e.Variables[k]
		if !envKey.MatchString(k) {
			return errValidation("environment.variables", k, "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+")
		}
		if slices.Contains(reservedEnvKeys, k) {
			reserved = append(reserved, k)
		}
		size += len(k) + len(v)
	}
	if len(reserved) > 0 {
		return errInvalid("Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: %s", strings.Join(reserved, ", "))
	}
	if size > 4096 {
		return errInvalid("Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: %d bytes", size)
	}
	return nil
}

// applyLocked writes the given members into cfg.
func (s *Service) applyLocked(sc faults.Scope, cfg *FunctionConfiguration, in settings) {
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
		cfg.Environment = &Environment{Variables: maps.Clone(in.environment.Variables)}
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
			lv, _ := s.layerVersionLocked(sc, l)
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

var envKey = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9_])+$`)

// logGroup returns the log group of a function's configuration.
func logGroup(cfg *FunctionConfiguration) string {
	if cfg.LoggingConfig != nil && cfg.LoggingConfig.LogGroup != "" {
		return cfg.LoggingConfig.LogGroup
	}
	return "/aws/lambda/" + cfg.FunctionName
}
