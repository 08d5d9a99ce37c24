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
// The fake makes one RSA-2048 key and self-signed certificate per cloud, on
// first need (a key takes about 100 ms to make, so New never makes one), and
// serves the certificate at <cloud URL>/_awsfake/sns/
// SimpleNotificationService-<id>.pem. crypto/rsa draws its keys from the
// operating system whatever the seed, so signatures, unlike ids, differ from
// run to run.

// certPathPrefix is where the signing certificate is served; the cloud's
// dispatcher routes /_awsfake/sns/ to this service.
const certPathPrefix = "/_awsfake/sns/"

type signer struct {
	env  *cloudenv.Env
	once sync.Once
	key  *rsa.PrivateKey
	pem  []byte
	path string // certPathPrefix + file name
}

func (g *signer) init() {
	g.once.Do(func() {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("sns: generating the signing key: " + err.Error())
		}
		now := g.env.Clock.Now()
		tmpl := &x509.Certificate{
			SerialNumber:          new(big.Int).SetUint64(g.env.IDs.Uint64()),
			Subject:               pkix.Name{CommonName: "sns.amazonaws.com", Organization: []string{"awsfake"}},
			NotBefore:             now.Add(-24 * time.Hour),
			NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
			KeyUsage:              x509.KeyUsageDigitalSignature,
			BasicConstraintsValid: true,
			DNSNames:              []string{"sns.amazonaws.com", "sns." + g.env.Region + ".amazonaws.com"},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			panic("sns: making the signing certificate: " + err.Error())
		}
		g.key = key
		g.pem = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		// AWS names the file after a hash; the fake draws the name from the
		// cloud's ids, so that SigningCertURL is the same on every run of a
		// seeded scenario even though the key is not.
		g.path = certPathPrefix + "SimpleNotificationService-" + g.env.IDs.Hex(16) + ".pem"
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
	g.init()
	var digest []byte
	hash := crypto.SHA1
	if version == "2" {
		sum := sha256.Sum256([]byte(s))
		digest, hash = sum[:], crypto.SHA256
	} else {
		sum := sha1.Sum([]byte(s))
		digest = sum[:]
	}
	sig, err := rsa.SignPKCS1v15(nil, g.key, hash, digest)
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
