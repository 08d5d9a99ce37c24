package route53

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// maxKeySigningKeys is how many key-signing keys a zone holds (Route 53
// quota: "Key-signing keys (KSKs) per hosted zone: 2").
const maxKeySigningKeys = 2

// KeySigningKey is a zone's DNSSEC key-signing key. Its key material is
// drawn from the seeded source, not from KMS: the fake does not sign.
type KeySigningKey struct {
	Name                     string    `xml:"Name"`
	KmsArn                   string    `xml:"KmsArn"`
	Flag                     int       `xml:"Flag"`
	SigningAlgorithmMnemonic string    `xml:"SigningAlgorithmMnemonic"`
	SigningAlgorithmType     int       `xml:"SigningAlgorithmType"`
	DigestAlgorithmMnemonic  string    `xml:"DigestAlgorithmMnemonic"`
	DigestAlgorithmType      int       `xml:"DigestAlgorithmType"`
	KeyTag                   int       `xml:"KeyTag"`
	DigestValue              string    `xml:"DigestValue"`
	PublicKey                string    `xml:"PublicKey"`
	DSRecord                 string    `xml:"DSRecord"`
	DNSKEYRecord             string    `xml:"DNSKEYRecord"`
	Status                   string    `xml:"Status"`
	CreatedDate              time.Time `xml:"CreatedDate"`
	LastModifiedDate         time.Time `xml:"LastModifiedDate"`
}

// dnssec is a zone's DNSSEC state.
type dnssec struct {
	signing bool
	keys    []*KeySigningKey
	refs    map[string]bool
}

// CreateKeySigningKeyInput is CreateKeySigningKey's input.
type CreateKeySigningKeyInput struct {
	CallerReference         string `xml:"CallerReference"`
	HostedZoneId            string `xml:"HostedZoneId"`
	KeyManagementServiceArn string `xml:"KeyManagementServiceArn"`
	Name                    string `xml:"Name"`
	Status                  string `xml:"Status"`
}

// CreateKeySigningKeyOutput is CreateKeySigningKey's output.
type CreateKeySigningKeyOutput struct {
	ChangeInfo    ChangeInfo    `xml:"ChangeInfo"`
	KeySigningKey KeySigningKey `xml:"KeySigningKey"`
	Location      string        `xml:"-"`
}

var kskName = regexp.MustCompile(`^[a-zA-Z0-9_]{3,128}$`)

// CreateKeySigningKey stores a key-signing key of a zone, ACTIVE or
// INACTIVE, backed by a KMS key in us-east-1 (as AWS requires).
func (s *Service) CreateKeySigningKey(ctx context.Context, in CreateKeySigningKeyInput) (CreateKeySigningKeyOutput, error) {
	sc, err := s.enter(ctx, "CreateKeySigningKey")
	if err != nil {
		return CreateKeySigningKeyOutput{}, err
	}
	p := strings.SplitN(in.KeyManagementServiceArn, ":", 6)
	switch {
	case len(p) != 6 || p[0] != "arn" || p[2] != "kms" || p[3] != "us-east-1" || !strings.HasPrefix(p[5], "key/"):
		return CreateKeySigningKeyOutput{}, newError("InvalidKMSArn", "The KeyManagementServiceArn that you specified isn't valid to use with DNSSEC signing.")
	case !kskName.MatchString(in.Name):
		return CreateKeySigningKeyOutput{}, newError("InvalidKeySigningKeyName", "The key-signing key (KSK) name that you specified isn't a valid name.")
	case in.Status != "ACTIVE" && in.Status != "INACTIVE":
		return CreateKeySigningKeyOutput{}, newError("InvalidKeySigningKeyStatus", "The key-signing key (KSK) status isn't valid or another KSK has the status INTERNAL_FAILURE.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return CreateKeySigningKeyOutput{}, err
	}
	d := z.dnssecState()
	if d.refs[in.CallerReference] || slices.ContainsFunc(d.keys, func(k *KeySigningKey) bool { return k.Name == in.Name }) {
		return CreateKeySigningKeyOutput{}, newError("KeySigningKeyAlreadyExists", "You've already created a key-signing key (KSK) with this name or with the same customer managed key ARN.")
	}
	if len(d.keys) >= maxKeySigningKeys {
		return CreateKeySigningKeyOutput{}, newError(codeTooManyKeySigningKeys, "You've reached the limit for the number of key-signing keys (KSKs). Remove at least one KSK, and then try again.")
	}
	k := s.newKeyLocked(in)
	d.keys, d.refs[in.CallerReference] = append(d.keys, k), true
	return CreateKeySigningKeyOutput{ChangeInfo: s.submitLocked(sc, s.accountLocked(sc.Account, true), ""), KeySigningKey: *k,
		Location: "https://route53.amazonaws.com/2013-04-01/keysigningkey/" + z.id + "/" + k.Name}, nil
}

// newKeyLocked builds a key's public material (ECDSAP256SHA256, SHA-256
// digest, as Route 53's KSKs are) from the seeded source.
func (s *Service) newKeyLocked(in CreateKeySigningKeyInput) *KeySigningKey {
	pub := make([]byte, 64)
	s.env.IDs.Read(pub)
	digest := strings.ToUpper(s.env.IDs.Hex(32))
	tag := s.env.IDs.IntN(65536)
	pk := base64.StdEncoding.EncodeToString(pub)
	now := s.now()
	return &KeySigningKey{Name: in.Name, KmsArn: in.KeyManagementServiceArn, Flag: 257,
		SigningAlgorithmMnemonic: "ECDSAP256SHA256", SigningAlgorithmType: 13, DigestAlgorithmMnemonic: "SHA-256", DigestAlgorithmType: 2,
		KeyTag: tag, DigestValue: digest, PublicKey: pk, DSRecord: fmt.Sprintf("%d 13 2 %s", tag, digest),
		DNSKEYRecord: "257 3 13 " + pk, Status: in.Status, CreatedDate: now, LastModifiedDate: now}
}

func (z *zone) dnssecState() *dnssec {
	if z.dnssec == nil {
		z.dnssec = &dnssec{refs: map[string]bool{}}
	}
	return z.dnssec
}

// keyLocked returns a zone's key by name.
func (s *Service) keyLocked(account, zoneID, name string) (*zone, *KeySigningKey, error) {
	z, err := s.zoneLocked(account, zoneID)
	if err != nil {
		return nil, nil, err
	}
	for _, k := range z.dnssecState().keys {
		if k.Name == name {
			return z, k, nil
		}
	}
	return nil, nil, newError(codeNoSuchKeySigningKey, "The specified key-signing key (KSK) doesn't exist.")
}

// ActivateKeySigningKey sets a key ACTIVE.
func (s *Service) ActivateKeySigningKey(ctx context.Context, zoneID, name string) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "ActivateKeySigningKey")
	if err != nil {
		return ChangeInfo{}, err
	}
	return s.setKeyStatus(sc, zoneID, name, "ACTIVE")
}

// DeactivateKeySigningKey sets a key INACTIVE; the last ACTIVE key of a
// signing zone is KeySigningKeyInUse.
func (s *Service) DeactivateKeySigningKey(ctx context.Context, zoneID, name string) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "DeactivateKeySigningKey")
	if err != nil {
		return ChangeInfo{}, err
	}
	return s.setKeyStatus(sc, zoneID, name, "INACTIVE")
}

func (s *Service) setKeyStatus(sc faults.Scope, zoneID, name, status string) (ChangeInfo, error) {
	account := sc.Account
	s.mu.Lock()
	defer s.mu.Unlock()
	z, k, err := s.keyLocked(account, zoneID, name)
	if err != nil {
		return ChangeInfo{}, err
	}
	if status == "INACTIVE" && z.dnssec.signing && z.dnssec.active() == 1 && k.Status == "ACTIVE" {
		return ChangeInfo{}, newError("KeySigningKeyInUse", "The key-signing key (KSK) that you specified can't be deactivated because it's the only KSK for a currently-enabled DNSSEC. Disable DNSSEC signing, or add or enable another KSK.")
	}
	k.Status, k.LastModifiedDate = status, s.now()
	return s.submitLocked(sc, s.accountLocked(account, true), ""), nil
}

func (d *dnssec) active() int {
	n := 0
	for _, k := range d.keys {
		if k.Status == "ACTIVE" {
			n++
		}
	}
	return n
}

// DeleteKeySigningKey deletes an INACTIVE key.
func (s *Service) DeleteKeySigningKey(ctx context.Context, zoneID, name string) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "DeleteKeySigningKey")
	if err != nil {
		return ChangeInfo{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, k, err := s.keyLocked(sc.Account, zoneID, name)
	if err != nil {
		return ChangeInfo{}, err
	}
	if k.Status != "INACTIVE" {
		return ChangeInfo{}, newError("InvalidKeySigningKeyStatus", "The key-signing key (KSK) status isn't valid or another KSK has the status INTERNAL_FAILURE.")
	}
	z.dnssec.keys = slices.DeleteFunc(z.dnssec.keys, func(o *KeySigningKey) bool { return o == k })
	return s.submitLocked(sc, s.accountLocked(sc.Account, true), ""), nil
}

// EnableHostedZoneDNSSEC starts signing a zone with an ACTIVE key.
func (s *Service) EnableHostedZoneDNSSEC(ctx context.Context, zoneID string) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "EnableHostedZoneDNSSEC")
	if err != nil {
		return ChangeInfo{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, zoneID)
	if err != nil {
		return ChangeInfo{}, err
	}
	if z.dnssecState().active() == 0 {
		return ChangeInfo{}, newError("KeySigningKeyWithActiveStatusNotFound", "A key-signing key (KSK) with ACTIVE status wasn't found.")
	}
	z.dnssec.signing = true
	return s.submitLocked(sc, s.accountLocked(sc.Account, true), ""), nil
}

// DisableHostedZoneDNSSEC stops signing a zone.
func (s *Service) DisableHostedZoneDNSSEC(ctx context.Context, zoneID string) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "DisableHostedZoneDNSSEC")
	if err != nil {
		return ChangeInfo{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, zoneID)
	if err != nil {
		return ChangeInfo{}, err
	}
	if !z.dnssecState().signing {
		return ChangeInfo{}, newError(codeDNSSECNotFound, "The hosted zone doesn't have any DNSSEC resources.")
	}
	z.dnssec.signing = false
	return s.submitLocked(sc, s.accountLocked(sc.Account, true), ""), nil
}

// GetDNSSECOutput is GetDNSSEC's output.
type GetDNSSECOutput struct {
	ServeSignature string          `xml:"Status>ServeSignature"`
	KeySigningKeys []KeySigningKey `xml:"KeySigningKeys>member"`
}

// GetDNSSEC returns whether a zone is signed (SIGNING, NOT_SIGNING) and
// its keys.
func (s *Service) GetDNSSEC(ctx context.Context, zoneID string) (GetDNSSECOutput, error) {
	sc, err := s.enter(ctx, "GetDNSSEC")
	if err != nil {
		return GetDNSSECOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, zoneID)
	if err != nil {
		return GetDNSSECOutput{}, err
	}
	d := z.dnssecState()
	out := GetDNSSECOutput{ServeSignature: "NOT_SIGNING", KeySigningKeys: []KeySigningKey{}}
	if d.signing {
		out.ServeSignature = "SIGNING"
	}
	for _, k := range d.keys {
		out.KeySigningKeys = append(out.KeySigningKeys, *k)
	}
	return out, nil
}
