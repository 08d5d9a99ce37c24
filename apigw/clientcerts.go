package apigw

import (
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"time"

	"github.com/awsfake/awsfake/internal/tags"
)

// ClientCertificate is a client certificate as GetClientCertificate
// returns it: the PEM of its public certificate, which the backend uses
// to check that a request comes from API Gateway.
type ClientCertificate struct {
	ClientCertificateID   string            `json:"clientCertificateId"`
	Description           string            `json:"description,omitempty"`
	PemEncodedCertificate string            `json:"pemEncodedCertificate"`
	CreatedDate           Timestamp         `json:"createdDate"`
	ExpirationDate        Timestamp         `json:"expirationDate"`
	Tags                  map[string]string `json:"tags,omitempty"`
}

// GenerateClientCertificateInput is GenerateClientCertificate's input.
type GenerateClientCertificateInput struct {
	Description string            `json:"description,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// ClientCertificateRef names a client certificate by id.
type ClientCertificateRef struct{ ClientCertificateID string }

// GetClientCertificatesInput is GetClientCertificates' input.
type GetClientCertificatesInput struct{ PageInput }

// UpdateClientCertificateInput is UpdateClientCertificate's input.
type UpdateClientCertificateInput struct {
	ClientCertificateID string           `json:"-"`
	PatchOperations     []PatchOperation `json:"patchOperations"`
}

// certValidity is how long a generated certificate is valid: API Gateway's
// client certificates "are valid for 365 days"
// (getting-started-client-side-ssl-authentication.html).
const certValidity = 365 * 24 * time.Hour

// selfSigned returns a PEM self-signed certificate valid from now for
// certValidity, its Ed25519 key derived from the cloud's seeded source so
// that a seeded cloud makes the same certificate every run.
func (s *Service) selfSigned(id string, now time.Time) (string, error) {
	seed := make([]byte, ed25519.SeedSize)
	s.env.IDs.Read(seed)
	key := ed25519.NewKeyFromSeed(seed)
	tmpl := &x509.Certificate{
		SerialNumber: new(big.Int).SetUint64(s.env.IDs.Uint64() >> 1),
		Subject:      pkix.Name{CommonName: id, Organization: []string{"API Gateway"}},
		NotBefore:    now, NotAfter: now.Add(certValidity),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})), nil
}

// GenerateClientCertificate makes a self-signed client certificate valid
// for 365 days on the cloud clock.
func (s *Service) GenerateClientCertificate(ctx context.Context, in GenerateClientCertificateInput) (ClientCertificate, error) {
	sc, err := s.enter(ctx, "GenerateClientCertificate")
	if err != nil {
		return ClientCertificate{}, err
	}
	if err := tagRules.Check(tags.FromMap(in.Tags)); err != nil {
		return ClientCertificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.partForWriteLocked(sc).acctLocked()
	c := &ClientCertificate{Description: in.Description, Tags: clone(in.Tags)}
	for c.ClientCertificateID == "" || st.certs[c.ClientCertificateID] != nil {
		c.ClientCertificateID = s.newID(6)
	}
	now := s.env.Clock.Now()
	pemText, err := s.selfSigned(c.ClientCertificateID, now)
	if err != nil {
		return ClientCertificate{}, err
	}
	c.PemEncodedCertificate = pemText
	c.CreatedDate, c.ExpirationDate = Timestamp(now), Timestamp(now.Add(certValidity))
	st.certs[c.ClientCertificateID] = c
	return c.view(), nil
}

func (c *ClientCertificate) view() ClientCertificate {
	v := *c
	v.Tags = clone(c.Tags)
	return v
}

func (st *accountState) certLocked(id string) (*ClientCertificate, error) {
	if c := st.certs[id]; c != nil {
		return c, nil
	}
	return nil, notFound("Invalid Client Certificate identifier specified")
}

// GetClientCertificate returns a client certificate.
func (s *Service) GetClientCertificate(ctx context.Context, in ClientCertificateRef) (ClientCertificate, error) {
	sc, err := s.enter(ctx, "GetClientCertificate")
	if err != nil {
		return ClientCertificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.acctReadLocked(sc).certLocked(in.ClientCertificateID)
	if err != nil {
		return ClientCertificate{}, err
	}
	return c.view(), nil
}

// GetClientCertificates lists the client certificates by id.
func (s *Service) GetClientCertificates(ctx context.Context, in GetClientCertificatesInput) (Page[ClientCertificate], error) {
	sc, err := s.enter(ctx, "GetClientCertificates")
	if err != nil {
		return Page[ClientCertificate]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return pageOf(s.acctReadLocked(sc).certs, (*ClientCertificate).view,
		func(c ClientCertificate) string { return c.ClientCertificateID }, in.PageInput)
}

// UpdateClientCertificate applies patch operations: replace /description.
func (s *Service) UpdateClientCertificate(ctx context.Context, in UpdateClientCertificateInput) (ClientCertificate, error) {
	sc, err := s.enter(ctx, "UpdateClientCertificate")
	if err != nil {
		return ClientCertificate{}, err
	}
	if err := checkPatch("updateClientCertificateInput", in.PatchOperations); err != nil {
		return ClientCertificate{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.acctReadLocked(sc).certLocked(in.ClientCertificateID)
	if err != nil {
		return ClientCertificate{}, err
	}
	desc := c.Description
	for _, op := range in.PatchOperations {
		if op.Op != "replace" || op.Path != "/description" {
			return ClientCertificate{}, errPatchPath(op, "/description")
		}
		desc = op.value()
	}
	c.Description = desc
	return c.view(), nil
}

// DeleteClientCertificate deletes a client certificate.
func (s *Service) DeleteClientCertificate(ctx context.Context, in ClientCertificateRef) error {
	sc, err := s.enter(ctx, "DeleteClientCertificate")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.acctReadLocked(sc)
	if _, err := st.certLocked(in.ClientCertificateID); err != nil {
		return err
	}
	delete(st.certs, in.ClientCertificateID)
	return nil
}
