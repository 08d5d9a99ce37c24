package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/require"
)

// With several environment variables that break AWS's key pattern, the
// error names the first in key order, the same on every call.
func TestEnvironment_SeveralBadKeysAlwaysGiveTheSameError(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	vars := map[string]string{"9lives": "x", "1st": "x", "_under": "x", "AWS_REGION": "x"}
	for range 20 {
		_, err := e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{FunctionName: aws.String("fn"),
			Environment: &types.Environment{Variables: vars}})
		ae := requireCode(t, err, "ValidationException")
		require.Contains(t, ae.ErrorMessage(), "Value '1st' at 'environment.variables'")
	}
}
