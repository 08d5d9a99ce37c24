package sns

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
)

// Message signing ("Verifying the signatures of Amazon SNS messages"): SNS
// signs every notification and confirmation it sends to HTTP/S, email-json,
// SQS and Lambda subscribers of a standard topic with an RSA key whose X.509
// certificate it serves at SigningCertURL. SignatureVersion 1 is a
// SHA1withRSA signature, 2 a SHA256withRSA one, of the string to sign (see
// stringToSign), base64-encoded.
//
// The fake signs with a fixed RSA-1024 test key (signingKeyPEM) and a
// self-signed certificate derived from it and the cloud's region alone, and
// serves the certificate at <cloud URL>/_awsfake/sns/
// SimpleNotificationService-<hash>.pem. Key, certificate, its URL and every
// signature (PKCS #1 v1.5, which draws no randomness) are the same on every
// run, so a seeded scenario sends byte-identical signed messages.

// certPathPrefix is where the signing certificate is served; the cloud's
// dispatcher routes /_awsfake/sns/ to this service.
const certPathPrefix = "/_awsfake/sns/"

// The certificate is valid from certNotBefore to 9999-12-31T23:59:59Z, the
// notAfter RFC 5280 (4.1.2.5) gives a certificate "that has no well-defined
// expiration date", so that it verifies whatever the cloud's clock says.
var (
	certNotBefore = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	certNotAfter  = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// signingKey is signingKeyPEM parsed, once per process: parsing validates
// and precomputes the key, which takes a few milliseconds. The key is never
// modified.
var signingKey = sync.OnceValue(func() *rsa.PrivateKey {
	block, _ := pem.Decode([]byte(signingKeyPEM))
	if block == nil {
		panic("sns: the signing key is not PEM")
	}
	key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		panic("sns: parsing the signing key: " + err.Error())
	}
	return key
})

type signer struct {
	env  *cloudenv.Env
	once sync.Once
	pem  []byte
	path string // certPathPrefix + file name
}

// init makes the certificate on first need (one RSA signature), so that New
// costs nothing.
func (g *signer) init() {
	g.once.Do(func() {
		key := signingKey()
		tmpl := &x509.Certificate{
			SerialNumber:          big.NewInt(1),
			Subject:               pkix.Name{CommonName: "sns.amazonaws.com", Organization: []string{"awsfake"}},
			NotBefore:             certNotBefore,
			NotAfter:              certNotAfter,
			KeyUsage:              x509.KeyUsageDigitalSignature,
			BasicConstraintsValid: true,
			DNSNames:              []string{"sns.amazonaws.com", "sns." + g.env.Region + ".amazonaws.com"},
			// PKCS #1 v1.5: deterministic, unlike PSS.
			SignatureAlgorithm: x509.SHA256WithRSA,
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			panic("sns: making the signing certificate: " + err.Error())
		}
		g.pem = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		// AWS names the file after a hash (32 hex digits): the fake after
		// the certificate's SHA-256.
		sum := sha256.Sum256(der)
		g.path = certPathPrefix + "SimpleNotificationService-" + hex.EncodeToString(sum[:16]) + ".pem"
	})
}

// certURL is the SigningCertURL of every signed message.
func (g *signer) certURL() string {
	g.init()
	return g.env.URL + g.path
}

// sign returns the base64 signature of s for SignatureVersion version ("1"
// or "2").
func (g *signer) sign(version, s string) string {
	var digest []byte
	hash := crypto.SHA1
	if version == "2" {
		sum := sha256.Sum256([]byte(s))
		digest, hash = sum[:], crypto.SHA256
	} else {
		sum := sha1.Sum([]byte(s))
		digest = sum[:]
	}
	sig, err := rsa.SignPKCS1v15(nil, signingKey(), hash, digest)
	if err != nil {
		panic("sns: signing: " + err.Error())
	}
	return base64.StdEncoding.EncodeToString(sig)
}

// cert returns the PEM certificate and whether path is where it is served.
func (g *signer) cert(path string) ([]byte, bool) {
	g.init()
	return g.pem, path == g.path
}
