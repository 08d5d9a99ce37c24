package lambda_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateFunction_ComputesCodeHashAndAppliesDefaults(t *testing.T) {
	e := newEnv(t)
	zip := []byte("PK\x03\x04 not really a zip")
	out := e.createFunction(t, "fn", "main", func(in *sdk.CreateFunctionInput) { in.Code.ZipFile = zip })
	sum := sha256.Sum256(zip)
	assert.Equal(t, base64.StdEncoding.EncodeToString(sum[:]), aws.ToString(out.CodeSha256))
	assert.Equal(t, int64(len(zip)), out.CodeSize)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:fn", aws.ToString(out.FunctionArn))
	assert.Equal(t, int32(3), aws.ToInt32(out.Timeout), "AWS's default timeout")
	assert.Equal(t, int32(128), aws.ToInt32(out.MemorySize), "AWS's default memory")
	assert.Equal(t, int32(512), aws.ToInt32(out.EphemeralStorage.Size))
	assert.Equal(t, "$LATEST", aws.ToString(out.Version))
	assert.Equal(t, types.StateActive, out.State)
	assert.Equal(t, types.PackageTypeZip, out.PackageType)
	assert.Equal(t, []types.Architecture{types.ArchitectureX8664}, out.Architectures)
	assert.Equal(t, "2030-01-02T03:04:05.000+0000", aws.ToString(out.LastModified))
	assert.Equal(t, "/aws/lambda/fn", aws.ToString(out.LoggingConfig.LogGroup))
	assert.NotEmpty(t, aws.ToString(out.RevisionId))

	got, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(out.CodeSha256), aws.ToString(got.Configuration.CodeSha256))
	assert.Equal(t, "S3", aws.ToString(got.Code.RepositoryType))

	// The code location serves the package uploaded.
	resp, err := e.cloud.HTTPClient().Get(aws.ToString(got.Code.Location))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, zip, body)
}

func TestCreateFunction_RejectsBadInputWithAWSErrorsAndCreatesNothing(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "taken", "h")
	for name, tc := range map[string]struct {
		edit func(*sdk.CreateFunctionInput)
		code string
		msg  string
	}{
		"memory below 128":    {func(in *sdk.CreateFunctionInput) { in.MemorySize = aws.Int32(127) }, "ValidationException", "Member must have value greater than or equal to 128"},
		"memory above 10240":  {func(in *sdk.CreateFunctionInput) { in.MemorySize = aws.Int32(10241) }, "ValidationException", "less than or equal to 10240"},
		"timeout 0":           {func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(0) }, "ValidationException", "greater than or equal to 1"},
		"timeout above 900":   {func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(901) }, "ValidationException", "less than or equal to 900"},
		"ephemeral below 512": {func(in *sdk.CreateFunctionInput) { in.EphemeralStorage = &types.EphemeralStorage{Size: aws.Int32(511)} }, "ValidationException", "ephemeralStorage.size"},
		"ephemeral above 10240": {func(in *sdk.CreateFunctionInput) {
			in.EphemeralStorage = &types.EphemeralStorage{Size: aws.Int32(10241)}
		}, "ValidationException", "ephemeralStorage.size"},
		"bad name":           {func(in *sdk.CreateFunctionInput) { in.FunctionName = aws.String("bad name") }, "ValidationException", "functionName"},
		"name too long":      {func(in *sdk.CreateFunctionInput) { in.FunctionName = aws.String(strings.Repeat("a", 65)) }, "ValidationException", "length"},
		"bad role":           {func(in *sdk.CreateFunctionInput) { in.Role = aws.String("not-a-role") }, "ValidationException", "role"},
		"no code source":     {func(in *sdk.CreateFunctionInput) { in.Code = &types.FunctionCode{} }, "InvalidParameterValueException", "Please provide a source for function code."},
		"no runtime":         {func(in *sdk.CreateFunctionInput) { in.Runtime = "" }, "InvalidParameterValueException", "Runtime and Handler are mandatory"},
		"deprecated runtime": {func(in *sdk.CreateFunctionInput) { in.Runtime = types.RuntimeGo1x }, "InvalidParameterValueException", "go1.x is no longer supported"},
		"unknown runtime":    {func(in *sdk.CreateFunctionInput) { in.Runtime = "cobol85" }, "ValidationException", "runtime"},
		"env over 4 KB": {func(in *sdk.CreateFunctionInput) {
			in.Environment = &types.Environment{Variables: map[string]string{"BIG": strings.Repeat("x", 4094)}}
		}, "InvalidParameterValueException", "exceeded the 4KB limit"},
		"reserved env key": {func(in *sdk.CreateFunctionInput) {
			in.Environment = &types.Environment{Variables: map[string]string{"AWS_REGION": "x"}}
		}, "InvalidParameterValueException", "reserved keys"},
		"missing layer": {func(in *sdk.CreateFunctionInput) {
			in.Layers = []string{"arn:aws:lambda:us-east-1:000000000000:layer:nope:1"}
		}, "InvalidParameterValueException", "does not exist"},
		"two architectures": {func(in *sdk.CreateFunctionInput) { in.Architectures = []types.Architecture{"x86_64", "arm64"} }, "ValidationException", "architectures"},
		"dead letter not a queue": {func(in *sdk.CreateFunctionInput) {
			in.DeadLetterConfig = &types.DeadLetterConfig{TargetArn: aws.String("arn:aws:s3:::bucket")}
		}, "InvalidParameterValueException", "target arn"},
		"duplicate name": {func(in *sdk.CreateFunctionInput) { in.FunctionName = aws.String("taken") }, "ResourceConflictException", "Function already exist: taken"},
		// AWS answers 403 (recorded: lambda_/test_lambda_api.py::TestLambdaFunction::test_function_arns,
		// function_arn_other_account_exc) and 404 for another region (function_arn_other_region_exc).
		"other account's ARN": {func(in *sdk.CreateFunctionInput) {
			in.FunctionName = aws.String("arn:aws:lambda:us-east-1:111111111111:function:x")
		}, "AccessDeniedException", ""},
		"other region's ARN": {func(in *sdk.CreateFunctionInput) {
			in.FunctionName = aws.String("arn:aws:lambda:ap-southeast-1:000000000000:function:x")
		}, "ResourceNotFoundException", "Functions from 'ap-southeast-1' are not reachable in this region ('us-east-1')"},
	} {
		t.Run(name, func(t *testing.T) {
			in := &sdk.CreateFunctionInput{FunctionName: aws.String("fresh"), Role: aws.String(role), Runtime: types.RuntimeProvidedal2023,
				Handler: aws.String("h"), Code: &types.FunctionCode{ZipFile: []byte("zip")}}
			tc.edit(in)
			_, err := e.client.CreateFunction(e.ctx, in)
			ae := requireCode(t, err, tc.code)
			assert.Contains(t, ae.ErrorMessage(), tc.msg)
		})
	}
	list, err := e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{})
	require.NoError(t, err)
	require.Len(t, list.Functions, 1, "no failed create left a function behind")
}

func TestGetFunction_AcceptsNamesPartialARNsAndQualifiers(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	for _, name := range []string{
		"fn", "fn:1", "fn:$LATEST",
		"000000000000:function:fn", "000000000000:function:fn:1",
		"arn:aws:lambda:us-east-1:000000000000:function:fn", "arn:aws:lambda:us-east-1:000000000000:function:fn:1",
	} {
		_, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String(name)})
		assert.NoError(t, err, name)
	}
	_, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn:1"), Qualifier: aws.String("2")})
	requireCode(t, err, "InvalidParameterValueException")
	_, err = e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn:7")})
	ae := requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "Function not found: arn:aws:lambda:us-east-1:000000000000:function:fn:7", ae.ErrorMessage())
	_, err = e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("arn:aws:lambda:eu-west-1:000000000000:function:fn")})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestUpdateFunctionConfiguration_ChangesOnlyWhatIsGivenAndChecksRevision(t *testing.T) {
	e := newEnv(t)
	created := e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) {
		in.Description = aws.String("first")
		in.Environment = &types.Environment{Variables: map[string]string{"AB": "1"}}
	})
	e.clk.Advance(1500 * 1e6)
	out, err := e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{
		FunctionName: aws.String("fn"), Timeout: aws.Int32(60), RevisionId: created.RevisionId})
	require.NoError(t, err)
	assert.Equal(t, int32(60), aws.ToInt32(out.Timeout))
	assert.Equal(t, "first", aws.ToString(out.Description))
	assert.Equal(t, "1", out.Environment.Variables["AB"])
	assert.Equal(t, "2030-01-02T03:04:06.500+0000", aws.ToString(out.LastModified))
	assert.NotEqual(t, aws.ToString(created.RevisionId), aws.ToString(out.RevisionId))

	_, err = e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{
		FunctionName: aws.String("fn"), Timeout: aws.Int32(10), RevisionId: created.RevisionId})
	requireCode(t, err, "PreconditionFailedException")
	_, err = e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{
		FunctionName: aws.String("fn"), MemorySize: aws.Int32(64)})
	requireCode(t, err, "ValidationException")
	got, err := e.client.GetFunctionConfiguration(e.ctx, &sdk.GetFunctionConfigurationInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, int32(60), aws.ToInt32(got.Timeout), "failed updates changed nothing")
	assert.Equal(t, int32(128), aws.ToInt32(got.MemorySize))
}

func TestUpdateFunctionCode_NewHashAndColdStartOnNewCode(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() (string, error) { return "ok", nil })
	created := e.createFunction(t, "fn", "h")
	invoke := func() {
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		require.NoError(t, err)
	}
	invoke()
	invoke()
	assert.Equal(t, 1, e.cloud.Lambda().ColdStarts("fn"), "the second invocation reused the warm environment")

	out, err := e.client.UpdateFunctionCode(e.ctx, &sdk.UpdateFunctionCodeInput{FunctionName: aws.String("fn"), ZipFile: []byte("v2")})
	require.NoError(t, err)
	assert.NotEqual(t, aws.ToString(created.CodeSha256), aws.ToString(out.CodeSha256))
	assert.Equal(t, int64(2), out.CodeSize)
	invoke()
	assert.Equal(t, 2, e.cloud.Lambda().ColdStarts("fn"), "new code starts a new environment")

	_, err = e.client.UpdateFunctionCode(e.ctx, &sdk.UpdateFunctionCodeInput{FunctionName: aws.String("fn")})
	requireCode(t, err, "InvalidParameterValueException")
	_, err = e.client.UpdateFunctionCode(e.ctx, &sdk.UpdateFunctionCodeInput{FunctionName: aws.String("nope"), ZipFile: []byte("x")})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestListFunctions_PagesInNameOrderWithVersionsOnRequest(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"c", "a", "b"} {
		e.createFunction(t, n, "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	}
	var names []string
	p := sdk.NewListFunctionsPaginator(e.client, &sdk.ListFunctionsInput{MaxItems: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(e.ctx)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(page.Functions), 2)
		for _, f := range page.Functions {
			names = append(names, aws.ToString(f.FunctionName)+":"+aws.ToString(f.Version))
		}
	}
	assert.Equal(t, []string{"a:$LATEST", "b:$LATEST", "c:$LATEST"}, names)

	all, err := e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{FunctionVersion: types.FunctionVersionAll})
	require.NoError(t, err)
	require.Len(t, all.Functions, 6)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:a:$LATEST", aws.ToString(all.Functions[0].FunctionArn))
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:a:1", aws.ToString(all.Functions[1].FunctionArn))

	_, err = e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{MaxItems: aws.Int32(10001)})
	requireCode(t, err, "ValidationException")
}

func TestDeleteFunction_VersionsAndWholeFunction(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	_, err := e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"), FunctionVersion: aws.String("1")})
	require.NoError(t, err)

	_, err = e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	ae := requireCode(t, err, "ResourceConflictException")
	assert.Contains(t, ae.ErrorMessage(), "live")
	_, err = e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn"), Qualifier: aws.String("$LATEST")})
	requireCode(t, err, "InvalidParameterValueException")

	_, err = e.client.DeleteAlias(e.ctx, &sdk.DeleteAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live")})
	require.NoError(t, err)
	_, err = e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	require.NoError(t, err)
	_, err = e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn:1")})
	requireCode(t, err, "ResourceNotFoundException")

	_, err = e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	_, err = e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	requireCode(t, err, "ResourceNotFoundException")
	_, err = e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn")})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestGoAPI_CreateAndInvokeWithoutTheWire(t *testing.T) {
	e := newEnv(t)
	svc := e.cloud.Lambda()
	require.NoError(t, svc.RegisterHandler("echo", func(ctx context.Context, in map[string]any) (map[string]any, error) { return in, nil }))
	_, err := svc.CreateFunction(e.ctx, lambdaCreate("echo", "echo"))
	require.NoError(t, err)
	out, err := svc.Invoke(e.ctx, lambdaInvoke("echo", `{"a":1}`))
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":1}`, string(out.Payload))
}

// MaxItems has the model's range, 1 to 10,000 for ListFunctions: 0, -1
// and 10,001 are ValidationExceptions worded as AWS words a constraint,
// and a page holds at most 50 functions "even if you set the number
// higher" (the SDK's ListFunctionsInput.MaxItems doc). The list
// operations of 1 to 50 refuse 51.
func TestListFunctions_MaxItemsOutside1To10000IsAValidationError(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		n    int32
		want string
	}{
		{0, "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{-1, "1 validation error detected: Value '-1' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{10001, "1 validation error detected: Value '10001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000"},
	} {
		_, err := e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{MaxItems: aws.Int32(c.n)})
		assert.Equal(t, c.want, requireCode(t, err, "ValidationException").ErrorMessage())
	}
	for i := range 51 {
		e.createFunction(t, fmt.Sprintf("fn%02d", i), "h")
	}
	for _, n := range []int32{1, 10000} {
		out, err := e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{MaxItems: aws.Int32(n)})
		require.NoError(t, err)
		assert.Len(t, out.Functions, int(min(n, 50)), "MaxItems %d", n)
		assert.NotEmpty(t, aws.ToString(out.NextMarker))
	}
	_, err := e.client.ListLayers(e.ctx, &sdk.ListLayersInput{MaxItems: aws.Int32(51)})
	ae := requireCode(t, err, "ValidationException")
	assert.Equal(t, "1 validation error detected: Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50", ae.ErrorMessage())
}
