package apigw_test

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"
)

func TestClientCertificate_GeneratesAPEMValidFor365Days(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.GenerateClientCertificate(f.ctx, &sdk.GenerateClientCertificateInput{Description: aws.String("backend")})
	require.NoError(t, err)
	require.Equal(t, t0, out.CreatedDate.UTC())
	require.Equal(t, t0.Add(365*24*time.Hour), out.ExpirationDate.UTC())
	block, _ := pem.Decode([]byte(*out.PemEncodedCertificate))
	require.NotNil(t, block)
	cert, err := x509.ParseCertificate(block.Bytes)
	require.NoError(t, err)
	require.Equal(t, t0, cert.NotBefore.UTC())
	require.Equal(t, t0.Add(365*24*time.Hour), cert.NotAfter.UTC())
	require.NoError(t, cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature))

	got, err := f.client.GetClientCertificate(f.ctx, &sdk.GetClientCertificateInput{ClientCertificateId: out.ClientCertificateId})
	require.NoError(t, err)
	require.Equal(t, *out.PemEncodedCertificate, *got.PemEncodedCertificate)
	require.Equal(t, "backend", *got.Description)
}

func TestClientCertificate_UpdateListPageAndDelete(t *testing.T) {
	f := newFixture(t)
	ids := map[string]bool{}
	for range 3 {
		out, err := f.client.GenerateClientCertificate(f.ctx, &sdk.GenerateClientCertificateInput{})
		require.NoError(t, err)
		ids[*out.ClientCertificateId] = true
	}
	seen := map[string]bool{}
	p := sdk.NewGetClientCertificatesPaginator(f.client, &sdk.GetClientCertificatesInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(f.ctx)
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.Items), 2)
		for _, c := range page.Items {
			seen[*c.ClientCertificateId] = true
		}
	}
	require.Equal(t, ids, seen)

	var id string
	for k := range ids {
		id = k
	}
	up, err := f.client.UpdateClientCertificate(f.ctx, &sdk.UpdateClientCertificateInput{ClientCertificateId: &id,
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/description"), Value: aws.String("d")}}})
	require.NoError(t, err)
	require.Equal(t, "d", *up.Description)

	_, err = f.client.UpdateClientCertificate(f.ctx, &sdk.UpdateClientCertificateInput{ClientCertificateId: &id,
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/pem"), Value: aws.String("x")}}})
	var br *types.BadRequestException
	require.True(t, errors.As(err, &br), "%v", err)

	_, err = f.client.DeleteClientCertificate(f.ctx, &sdk.DeleteClientCertificateInput{ClientCertificateId: &id})
	require.NoError(t, err)
	_, err = f.client.GetClientCertificate(f.ctx, &sdk.GetClientCertificateInput{ClientCertificateId: &id})
	var nf *types.NotFoundException
	require.True(t, errors.As(err, &nf), "%v", err)
	require.Equal(t, "Invalid Client Certificate identifier specified", *nf.Message)
}
