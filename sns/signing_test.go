package sns

import (
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/ids"
)

// newSigner is a signer for a cloud in region whose clock starts at start
// and whose ids come from seed.
func newSigner(region string, start time.Time, seed uint64) *signer {
	clk := clock.NewFake(start)
	return &signer{env: &cloudenv.Env{Clock: clk, Bus: bus.New(clk), IDs: ids.New(seed), Region: region,
		AccountID: "123456789012", URL: "http://awsfake.localhost"}}
}

// The certificate depends on the region alone: neither on the clock, nor on
// the seed, nor on the run (CreateCertificate with PKCS #1 v1.5 draws no
// randomness), so that SigningCertURL and every signature are reproducible.
func TestSigner_TheCertificateIsTheSameForEveryCloudOfARegion(t *testing.T) {
	a := newSigner("us-east-1", testStart, 1)
	b := newSigner("us-east-1", testStart.Add(1000*time.Hour), 2)
	assert.Equal(t, a.certURL(), b.certURL())
	pa, okA := a.cert(a.path)
	pb, okB := b.cert(b.path)
	require.True(t, okA)
	require.True(t, okB)
	assert.Equal(t, pa, pb)
	assert.Regexp(t, `^http://awsfake\.localhost/_awsfake/sns/SimpleNotificationService-[0-9a-f]{32}\.pem$`, a.certURL())

	other := newSigner("eu-west-1", testStart, 1)
	assert.NotEqual(t, a.certURL(), other.certURL(), "the certificate names the region's SNS host")
}

// The certificate is valid "whatever the clock says" (RFC 5280's notAfter of
// 99991231235959Z for no well-defined expiration) and carries the key that
// verifies the signatures, which are deterministic.
func TestSigner_SignaturesVerifyWithTheCertificateAndAreDeterministic(t *testing.T) {
	g := newSigner("us-east-1", testStart, 1)
	p, _ := g.cert("")
	block, _ := pem.Decode(p)
	require.NotNil(t, block)
	cert, err := x509.ParseCertificate(block.Bytes)
	require.NoError(t, err)
	assert.Equal(t, certNotBefore, cert.NotBefore)
	assert.Equal(t, certNotAfter, cert.NotAfter)
	assert.Contains(t, cert.DNSNames, "sns.us-east-1.amazonaws.com")
	require.NoError(t, cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature), "self-signed")
	pub := cert.PublicKey.(*rsa.PublicKey)
	// 1,024 bits: the smallest RSA key crypto/x509 accepts, a third of
	// RSA-2048's signing cost (issue 15); AWS's own key is larger.
	assert.Equal(t, 1024, pub.N.BitLen())
	assert.Equal(t, x509.SHA256WithRSA, cert.SignatureAlgorithm, "crypto/x509 rejects SHA-1 certificate signatures")

	const s = "Message\nhello\n"
	for version, hash := range map[string]crypto.Hash{"1": crypto.SHA1, "2": crypto.SHA256} {
		sig := g.sign(version, s)
		assert.Equal(t, sig, newSigner("us-east-1", testStart, 9).sign(version, s), "version %s", version)
		raw, err := base64.StdEncoding.DecodeString(sig)
		require.NoError(t, err)
		h := hash.New()
		h.Write([]byte(s))
		require.NoError(t, rsa.VerifyPKCS1v15(pub, hash, h.Sum(nil), raw), "version %s", version)
	}
}

// BenchmarkSigner_FirstSignatureOfACloud is what a cloud's first signed
// message costs: making its certificate, and one signature. The key is fixed
// and parsed once per process: no cloud makes one.
func BenchmarkSigner_FirstSignatureOfACloud(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g := newSigner("us-east-1", testStart, 1)
		_ = g.certURL()
		_ = g.sign("1", "Message\nhello\n")
	}
}
