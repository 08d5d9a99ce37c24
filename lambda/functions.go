package lambda

import (
	"context"
	"maps"
	"slices"
	"sort"

	"github.com/awsfake/awsfake/internal/faults"
)

// CreateFunctionInput describes a new function. FunctionName, Role and Code
// are required; Runtime and Handler too for a .zip package. Handler names the
// Go handler registered with RegisterHandler that runs the function.
type CreateFunctionInput struct {
	FunctionName      string
	Runtime           string
	Role              string
	Handler           string
	Code              *FunctionCode
	Description       string
	Timeout           *int32 // seconds, 1-900; default 3
	MemorySize        *int32 // MB, 128-10240; default 128
	Publish           bool
	PackageType       string // Zip (default) or Image
	Environment       *Environment
	DeadLetterConfig  *DeadLetterConfig
	TracingConfig     *TracingConfig
	KMSKeyArn         string
	VpcConfig         *VpcConfig
	Tags              map[string]string
	Layers            []string
	Architectures     []string
	EphemeralStorage  *EphemeralStorage
	LoggingConfig     *LoggingConfig
	FileSystemConfigs []FileSystemConfig
	SnapStart         *SnapStart
}

// CreateFunction creates a function from a deployment package, as AWS does:
// its members are validated with AWS's ranges, CodeSha256 and CodeSize are
// computed from the package, and Publish also publishes version 1. The
// function is Active at once.
func (s *Service) CreateFunction(ctx context.Context, in CreateFunctionInput) (FunctionConfiguration, error) {
	sc, err := s.enter(ctx, "CreateFunction")
	if err != nil {
		return FunctionConfiguration{}, err
	}
	r, pkg, err := s.checkCreate(sc, in)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	arch, err := checkArchitectures(in.Architectures)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	if err := checkTags(in.Tags); err != nil {
		return FunctionConfiguration{}, err
	}
	code, err := codeOf("CreateFunction", *in.Code, pkg)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	set := createSettings(&in)

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSettingsLocked(sc, set); err != nil {
		return FunctionConfiguration{}, err
	}
	p := s.writableLocked(r.at)
	if p.functions[r.name] != nil {
		return FunctionConfiguration{}, errConflict("Function already exist: %s", r.name)
	}
	cfg := FunctionConfiguration{
		FunctionName: r.name, FunctionArn: r.at.functionARN(r.name),
		Timeout: 3, MemorySize: 128, Version: latest, PackageType: pkg, Architectures: arch,
		CodeSha256: code.sha, CodeSize: code.size, State: "Active", LastUpdateStatus: "Successful",
	}
	s.applyLocked(sc, &cfg, set)
	s.touchLocked(&cfg)
	f := &function{
		name: r.name, p: p, latest: &version{cfg: cfg, zip: code.zip, image: code.image}, versions: map[string]*version{},
		aliases: map[string]*alias{}, tags: map[string]string{},
		invokeConfigs: map[string]*FunctionEventInvokeConfig{}, provisioned: map[string]*provisionedConfig{},
		urls: map[string]*FunctionUrlConfig{}, pools: map[string]*pool{},
		// One generator per function, not per name: a function created
		// again under a deleted one's name does not repeat its ids.
		ids: s.env.IDs.Derive(cfg.FunctionArn + " " + cfg.RevisionId),
	}
	f.bindRecords(s.env.Records)
	for k, v := range in.Tags {
		f.tags[k] = v
	}
	p.functions[r.name] = f
	if in.Publish {
		// Version 1's configuration under the function's unqualified ARN
		// (recorded: lambda TestLambdaVersions::test_publish_version_on_create).
		out := s.publishLocked(f, "").cfg.clone()
		out.FunctionArn = cfg.FunctionArn
		return out, nil
	}
	return f.latest.cfg.clone(), nil
}

// checkCreate applies AWS's rules to CreateFunction's name, role, code and
// package type, and returns the function named and its package type.
func (s *Service) checkCreate(sc faults.Scope, in CreateFunctionInput) (ref, string, error) {
	r, err := s.parseRef(sc, "functionName", in.FunctionName, "")
	if err != nil {
		return ref{}, "", err
	}
	if r.qualifier != "" || !functionName.MatchString(r.name) {
		return ref{}, "", errValidation("functionName", in.FunctionName,
			"Member must satisfy regular expression pattern: "+functionRefPattern)
	}
	if in.Role == "" {
		return ref{}, "", errValidation("role", "null", "Member must not be null")
	}
	if in.Code == nil {
		return ref{}, "", errValidation("code", "null", "Member must not be null")
	}
	pkg := in.PackageType
	switch pkg {
	case "":
		pkg = "Zip"
	case "Zip", "Image":
	default:
		return ref{}, "", errValidation("packageType", pkg, "Member must satisfy enum value set: [Image, Zip]")
	}
	if pkg == "Zip" && (in.Runtime == "" || in.Handler == "") {
		return ref{}, "", errInvalid("Runtime and Handler are mandatory parameters for functions created with deployment packages.")
	}
	if pkg == "Image" && (in.Runtime != "" || in.Handler != "" || len(in.Layers) > 0) {
		return ref{}, "", errInvalid("Please don't provide Handler, Runtime or Layers when the intended function PackageType is Image.")
	}
	return r, pkg, nil
}

// createSettings are the settings of a new function, with AWS's defaults
// for those not given.
func createSettings(in *CreateFunctionInput) settings {
	set := settings{
		role: &in.Role, handler: &in.Handler, description: &in.Description, runtime: &in.Runtime,
		kmsKeyArn: &in.KMSKeyArn, timeout: in.Timeout, memorySize: in.MemorySize,
		environment: in.Environment, deadLetter: in.DeadLetterConfig, tracing: in.TracingConfig,
		vpc: in.VpcConfig, layers: in.Layers, ephemeral: in.EphemeralStorage, logging: in.LoggingConfig,
		fileSystems: in.FileSystemConfigs, snapStart: in.SnapStart,
	}
	if set.logging == nil {
		set.logging = &LoggingConfig{}
	}
	if set.ephemeral == nil {
		set.ephemeral = &EphemeralStorage{Size: 512}
	}
	if set.tracing == nil || set.tracing.Mode == "" {
		set.tracing = &TracingConfig{Mode: "PassThrough"}
	}
	if set.snapStart == nil {
		set.snapStart = &SnapStart{ApplyOn: "None"}
	}
	return set
}

// checkArchitectures applies AWS's rule: exactly one of x86_64 (the default)
// and arm64.
func checkArchitectures(a []string) ([]string, error) {
	switch {
	case a == nil:
		return []string{"x86_64"}, nil
	case len(a) != 1:
		return nil, errValidation("architectures", a, "Member must have length less than or equal to 1")
	case a[0] != "x86_64" && a[0] != "arm64":
		return nil, errValidation("architectures", a, "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]")
	}
	return slices.Clone(a), nil
}

// GetFunctionInput names a function, version or alias.
type GetFunctionInput struct {
	FunctionName string
	Qualifier    string
}

// FunctionCodeLocation says where the deployment package can be downloaded.
type FunctionCodeLocation struct {
	RepositoryType string `json:",omitempty"`
	Location       string `json:",omitempty"`
	ImageUri       string `json:",omitempty"`
}

// Concurrency is a function's reserved concurrency.
type Concurrency struct {
	ReservedConcurrentExecutions *int32 `json:",omitempty"`
}

// GetFunctionOutput is a function's configuration, code location, tags and
// reserved concurrency.
type GetFunctionOutput struct {
	Configuration FunctionConfiguration
	Code          FunctionCodeLocation
	Tags          map[string]string `json:",omitempty"`
	Concurrency   *Concurrency      `json:",omitempty"`
}

// GetFunction returns the function, version or alias named. The code
// location is a URL on the cloud's endpoint that serves the .zip uploaded.
func (s *Service) GetFunction(ctx context.Context, in GetFunctionInput) (GetFunctionOutput, error) {
	sc, err := s.enter(ctx, "GetFunction")
	if err != nil {
		return GetFunctionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return GetFunctionOutput{}, err
	}
	f, v, err := s.resolveLocked(r)
	if err != nil {
		return GetFunctionOutput{}, err
	}
	out := GetFunctionOutput{Configuration: v.cfg.clone(), Tags: maps.Clone(f.tags)}
	if r.qualifier == latest {
		// $LATEST asked for by name is answered under its qualified ARN
		// (recorded: lambda TestLambdaVersions::test_publish_version_on_create).
		out.Configuration.FunctionArn = f.qualifiedARN(latest)
	}
	if v.cfg.PackageType == "Image" {
		out.Code = FunctionCodeLocation{RepositoryType: "ECR", ImageUri: v.image}
	} else {
		out.Code = FunctionCodeLocation{RepositoryType: "S3",
			Location: s.env.URL + "/_awsfake/lambda/code/" + s.codeName(f) + "/" + v.cfg.Version}
	}
	if f.reserved != nil {
		n := *f.reserved
		out.Concurrency = &Concurrency{ReservedConcurrentExecutions: &n}
	}
	return out, nil
}

// codeName is how a code download URL names f: its name in the cloud's
// default account and region, its ARN elsewhere.
func (s *Service) codeName(f *function) string {
	if sc := s.env.Scope(); f.p.at == placeOf(sc) {
		return f.name
	}
	return f.qualifiedARN("")
}

// Code returns the deployment package uploaded for a version of a function
// ("" or $LATEST for the latest), as GetFunction's Code.Location serves it.
// The function is named by name in the cloud's default account and region,
// or by its ARN in any.
// ok is false when there is no such version or its code came from S3 or an
// image.
func (s *Service) Code(name, qualifier string) (zip []byte, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.parseRef(s.goAPIScope(name), "functionName", name, "")
	if err != nil {
		return nil, false
	}
	r.qualifier = qualifier
	f, v, err := s.resolveLocked(r)
	if err != nil || f == nil || v.zip == nil {
		return nil, false
	}
	return slices.Clone(v.zip), true
}

// GetFunctionConfiguration returns the configuration of the function, version
// or alias named.
func (s *Service) GetFunctionConfiguration(ctx context.Context, in GetFunctionInput) (FunctionConfiguration, error) {
	sc, err := s.enter(ctx, "GetFunctionConfiguration")
	if err != nil {
		return FunctionConfiguration{}, err
	}
	return s.functionConfiguration(sc, in)
}

// functionConfiguration is GetFunctionConfiguration without the call
// record, for the wire's answers that derive from a function's
// configuration.
func (s *Service) functionConfiguration(sc faults.Scope, in GetFunctionInput) (FunctionConfiguration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, v, err := s.resolveNamedLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	return v.cfg.clone(), nil
}

// ListFunctionsInput pages through the account's functions.
type ListFunctionsInput struct {
	// FunctionVersion ALL lists every published version too; otherwise only
	// $LATEST is listed.
	FunctionVersion string
	Marker          string
	MaxItems        int32 // 1-10000, 0 for the default; a page holds at most 50
}

// ListFunctionsOutput is one page of functions.
type ListFunctionsOutput struct {
	Functions  []FunctionConfiguration
	NextMarker string `json:",omitempty"`
}

// ListFunctions lists functions in name order, with each one's published
// versions after its $LATEST when FunctionVersion is ALL.
func (s *Service) ListFunctions(ctx context.Context, in ListFunctionsInput) (ListFunctionsOutput, error) {
	sc, err := s.enter(ctx, "ListFunctions")
	if err != nil {
		return ListFunctionsOutput{}, err
	}
	if in.FunctionVersion != "" && in.FunctionVersion != "ALL" {
		return ListFunctionsOutput{}, errValidation("functionVersion", in.FunctionVersion, "Member must satisfy enum value set: [ALL]")
	}
	s.mu.Lock()
	var functions map[string]*function
	if p := s.partitionLocked(placeOf(sc)); p != nil {
		functions = p.functions
	}
	names := make([]string, 0, len(functions))
	for n := range functions {
		names = append(names, n)
	}
	sort.Strings(names)
	var all []FunctionConfiguration
	for _, n := range names {
		f := functions[n]
		c := f.latest.cfg.clone()
		if in.FunctionVersion == "ALL" {
			c.FunctionArn = f.qualifiedARN(latest)
		}
		all = append(all, c)
		if in.FunctionVersion == "ALL" {
			for _, v := range f.versionNumbers() {
				all = append(all, f.versions[v].cfg.clone())
			}
		}
	}
	s.mu.Unlock()
	items, next, err := page(all, listKey, in.Marker, in.MaxItems, pageFunctions)
	if err != nil {
		return ListFunctionsOutput{}, err
	}
	return ListFunctionsOutput{Functions: nonNil(items), NextMarker: next}, nil
}

// listKey orders function versions: by name, then $LATEST before the
// published versions in numeric order.
func listKey(c FunctionConfiguration) string {
	v := "0000000000"
	if c.Version != latest {
		v = pad10(c.Version)
	}
	return c.FunctionName + "\x00" + v
}

func pad10(n string) string {
	for len(n) < 10 {
		n = "0" + n
	}
	return n
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// UpdateFunctionCodeInput replaces the deployment package of $LATEST.
type UpdateFunctionCodeInput struct {
	FunctionName    string
	ZipFile         []byte
	S3Bucket        string
	S3Key           string
	S3ObjectVersion string
	ImageUri        string
	Architectures   []string
	Publish         bool
	DryRun          bool
	RevisionId      string
}

// UpdateFunctionCode replaces the code of $LATEST (new CodeSha256 and
// CodeSize, RevisionId and LastModified), and publishes a version when asked.
// Warm environments of $LATEST are retired: the next invocation runs the new
// code after a cold start. DryRun validates without changing anything.
func (s *Service) UpdateFunctionCode(ctx context.Context, in UpdateFunctionCodeInput) (FunctionConfiguration, error) {
	sc, err := s.enter(ctx, "UpdateFunctionCode")
	if err != nil {
		return FunctionConfiguration{}, err
	}
	r, err := s.parseUnqualified(sc, "functionName", in.FunctionName)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	var arch []string
	if in.Architectures != nil {
		if arch, err = checkArchitectures(in.Architectures); err != nil {
			return FunctionConfiguration{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.latestLocked(r, in.RevisionId)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	code, err := codeOf("UpdateFunctionCode", FunctionCode{ZipFile: in.ZipFile, S3Bucket: in.S3Bucket, S3Key: in.S3Key,
		S3ObjectVersion: in.S3ObjectVersion, ImageUri: in.ImageUri}, f.latest.cfg.PackageType)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	if in.DryRun {
		c := f.latest.cfg.clone()
		c.CodeSha256, c.CodeSize = code.sha, code.size
		return c, nil
	}
	cfg := &f.latest.cfg
	cfg.CodeSha256, cfg.CodeSize = code.sha, code.size
	if arch != nil {
		cfg.Architectures = arch
	}
	f.latest.zip, f.latest.image = code.zip, code.image
	s.touchLocked(cfg)
	f.pool(latest).retire()
	if in.Publish {
		return s.publishLocked(f, "").cfg.clone(), nil
	}
	return cfg.clone(), nil
}

// UpdateFunctionConfigurationInput changes the settings of $LATEST; nil
// members are left as they are.
type UpdateFunctionConfigurationInput struct {
	FunctionName      string
	Role              *string
	Handler           *string
	Description       *string
	Timeout           *int32
	MemorySize        *int32
	VpcConfig         *VpcConfig
	Environment       *Environment
	Runtime           *string
	DeadLetterConfig  *DeadLetterConfig
	KMSKeyArn         *string
	TracingConfig     *TracingConfig
	RevisionId        string
	Layers            []string
	EphemeralStorage  *EphemeralStorage
	LoggingConfig     *LoggingConfig
	FileSystemConfigs []FileSystemConfig
	SnapStart         *SnapStart
}

// UpdateFunctionConfiguration changes the settings of $LATEST with the
// validation of CreateFunction. A RevisionId that is not the current one
// fails with PreconditionFailedException. Warm environments of $LATEST are
// retired.
func (s *Service) UpdateFunctionConfiguration(ctx context.Context, in UpdateFunctionConfigurationInput) (FunctionConfiguration, error) {
	sc, err := s.enter(ctx, "UpdateFunctionConfiguration")
	if err != nil {
		return FunctionConfiguration{}, err
	}
	r, err := s.parseUnqualified(sc, "functionName", in.FunctionName)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	set := settings{
		role: in.Role, handler: in.Handler, description: in.Description, runtime: in.Runtime,
		kmsKeyArn: in.KMSKeyArn, timeout: in.Timeout, memorySize: in.MemorySize,
		environment: in.Environment, deadLetter: in.DeadLetterConfig, tracing: in.TracingConfig,
		vpc: in.VpcConfig, layers: in.Layers, ephemeral: in.EphemeralStorage, logging: in.LoggingConfig,
		fileSystems: in.FileSystemConfigs, snapStart: in.SnapStart,
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.latestLocked(r, in.RevisionId)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	if err := s.checkSettingsLocked(sc, set); err != nil {
		return FunctionConfiguration{}, err
	}
	if f.latest.cfg.PackageType == "Image" && (in.Runtime != nil || in.Handler != nil || in.Layers != nil) {
		return FunctionConfiguration{}, errInvalid("Please don't provide Handler, Runtime or Layers when the intended function PackageType is Image.")
	}
	cfg := &f.latest.cfg
	s.applyLocked(sc, cfg, set)
	s.touchLocked(cfg)
	f.pool(latest).retire()
	return cfg.clone(), nil
}

// DeleteFunctionInput names a function, or one published version of it.
type DeleteFunctionInput struct {
	FunctionName string
	Qualifier    string
}

// DeleteFunction deletes a function with all its versions and aliases, or,
// with a version number as qualifier, only that version. $LATEST and aliases
// cannot be deleted this way, nor a version an alias points to. Event source
// mappings stay, as in AWS: they fail to invoke until deleted.
func (s *Service) DeleteFunction(ctx context.Context, in DeleteFunctionInput) error {
	sc, err := s.enter(ctx, "DeleteFunction")
	if err != nil {
		return err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(r)
	if err != nil {
		return err
	}
	switch q := r.qualifier; {
	case q == "":
		f.p.reserved -= int(deref(f.reserved))
		delete(f.p.functions, r.name)
		f.dropRecords()
		return nil
	case q == latest:
		return errInvalid("$LATEST version cannot be deleted without deleting the function.")
	case !isVersionNumber(q):
		return errInvalid("Deletion of aliases is not supported.")
	}
	if f.versions[r.qualifier] == nil {
		return errFunctionNotFound(r.arn())
	}
	var users []string
	for name, a := range f.aliases {
		if a.cfg.FunctionVersion == r.qualifier || a.weights[r.qualifier] > 0 {
			users = append(users, name)
		}
	}
	if len(users) > 0 {
		sort.Strings(users)
		return errConflict("Unable to delete version because the following aliases reference it: %v", users)
	}
	delete(f.versions, r.qualifier)
	delete(f.pools, r.qualifier)
	delete(f.provisioned, r.qualifier)
	delete(f.invokeConfigs, r.qualifier)
	return nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
