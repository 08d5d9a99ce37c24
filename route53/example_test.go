package route53_test

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsfake/awsfake"
)

// A zone created with the real SDK client, a record changed in it, and Go's
// resolver answered by the fake's name servers in memory.
func Example() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())

	zone, err := client.CreateHostedZone(ctx, &sdk.CreateHostedZoneInput{Name: aws.String("example.com"), CallerReference: aws.String("1")})
	if err != nil {
		panic(err)
	}
	_, err = client.ChangeResourceRecordSets(ctx, &sdk.ChangeResourceRecordSetsInput{HostedZoneId: zone.HostedZone.Id,
		ChangeBatch: &types.ChangeBatch{Changes: []types.Change{{Action: types.ChangeActionCreate, ResourceRecordSet: &types.ResourceRecordSet{
			Name: aws.String("www.example.com"), Type: types.RRTypeA, TTL: aws.Int64(60),
			ResourceRecords: []types.ResourceRecord{{Value: aws.String("192.0.2.1")}}}}}}})
	if err != nil {
		panic(err)
	}
	addrs, err := cloud.Route53().Resolver(netip.MustParseAddr("192.0.2.53")).LookupHost(ctx, "www.example.com.")
	fmt.Println(addrs, err)
	// Output: [192.0.2.1] <nil>
}
