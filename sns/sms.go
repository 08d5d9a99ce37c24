package sns

import (
	"context"
	"fmt"
	"maps"
	"slices"
)

// SMS: messages to phone numbers (published with PhoneNumber, or to a topic
// with sms subscriptions) land in the outbox; opted-out numbers receive
// nothing. The account is out of the SMS sandbox (GetSMSSandboxAccountStatus
// says so), as a production account is; the sandbox's destination numbers
// can still be added and verified, with the one-time password sent to the
// outbox.

// smsAttributeNames are the attributes SetSMSAttributes accepts.
var smsAttributeNames = map[string]bool{
	"MonthlySpendLimit": true, "DeliveryStatusIAMRole": true, "DeliveryStatusSuccessSamplingRate": true,
	"DefaultSenderID": true, "DefaultSMSType": true, "UsageReportS3Bucket": true,
}

type smsState struct {
	attrs      map[string]string
	optedOut   sortedSet
	sandbox    map[string]*sandboxNumber
	sandboxSet sortedSet
}

type sandboxNumber struct {
	status, otp string
}

// checkPhoneNumber applies E.164 to a PhoneNumber parameter.
func checkPhoneNumber(n string) error {
	if !phoneNumber.MatchString(n) {
		return invalidParameter("Invalid parameter: PhoneNumber Reason: input incorrectly formatted")
	}
	return nil
}

// publishSMS sends a message to one phone number.
// The opt-outs of partition k (the caller's) apply.
func (s *Service) publishSMS(k partKey, number string, e entry) (PublishOutput, error) {
	if !phoneNumber.MatchString(number) {
		return PublishOutput{}, invalidParameter("Invalid parameter: PhoneNumber Reason: %s is not valid to publish to", number)
	}
	m, err := prepare("", topicSettings{maxSize: maxMessageSizeDefault}, e, 0)
	if err != nil {
		return PublishOutput{}, err
	}
	id := s.env.IDs.UUID()
	s.mu.Lock()
	sms := &s.viewLocked(k).sms
	s.mu.Unlock()
	if !s.optedOut(sms, number) {
		s.send(OutboxMessage{Protocol: "sms", Endpoint: number, Type: "Notification", MessageID: id,
			Subject: e.subject, Body: m.textFor("sms"), At: s.env.Clock.Now()})
	}
	return PublishOutput{MessageId: id}, nil
}

// optedOut reports whether number opted out of the SMS of sms's partition.
func (s *Service) optedOut(sms *smsState, number string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sms.optedOut.contains(number)
}

// SMSAttributesInput names SMS attributes to read; none means all.
type SMSAttributesInput struct {
	Attributes []string
}

// GetSMSAttributes returns the account's SMS settings.
func (s *Service) GetSMSAttributes(ctx context.Context, in SMSAttributesInput) (AttributesOutput, error) {
	sc, err := s.enter(ctx, "GetSMSAttributes")
	if err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	all := map[string]string{"MonthlySpendLimit": "1"}
	maps.Copy(all, sms.attrs)
	if len(in.Attributes) == 0 {
		return AttributesOutput{Attributes: all}, nil
	}
	out := map[string]string{}
	for _, k := range in.Attributes {
		if v, ok := all[k]; ok {
			out[k] = v
		}
	}
	return AttributesOutput{Attributes: out}, nil
}

// SetSMSAttributesInput changes the account's SMS settings.
type SetSMSAttributesInput struct {
	Attributes map[string]string
}

// SetSMSAttributes changes the account's SMS settings.
func (s *Service) SetSMSAttributes(ctx context.Context, in SetSMSAttributesInput) error {
	sc, err := s.enter(ctx, "SetSMSAttributes")
	if err != nil {
		return err
	}
	if in.Attributes == nil {
		return validationError("null", "attributes", "Member must not be null")
	}
	for _, k := range slices.Sorted(maps.Keys(in.Attributes)) { // the same error every time
		v := in.Attributes[k]
		switch {
		case !smsAttributeNames[k]:
			return invalidParameter("%s is not a valid attribute", k)
		case k == "DefaultSMSType" && v != "Promotional" && v != "Transactional":
			return invalidParameter("DefaultSMSType is invalid")
		}
	}
	s.mu.Lock()
	sms := &s.partLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	if sms.attrs == nil {
		sms.attrs = map[string]string{}
	}
	maps.Copy(sms.attrs, in.Attributes)
	return nil
}

// PhoneNumberInput names a phone number.
type PhoneNumberInput struct {
	PhoneNumber string
}

// CheckIfPhoneNumberIsOptedOut reports whether a number opted out of SMS.
func (s *Service) CheckIfPhoneNumberIsOptedOut(ctx context.Context, in PhoneNumberInput) (bool, error) {
	sc, err := s.enter(ctx, "CheckIfPhoneNumberIsOptedOut")
	if err != nil {
		return false, err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return false, err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	return sms.optedOut.contains(in.PhoneNumber), nil
}

// OptOutPhoneNumber opts a number out of SMS, as replying STOP does: a test
// helper, AWS has no such operation. It opts out of the cloud's default
// account and region; OptOutPhoneNumberIn names another.
func (s *Service) OptOutPhoneNumber(number string) {
	sc := s.env.Scope()
	s.OptOutPhoneNumberIn(sc.Account, sc.Region, number)
}

// OptOutPhoneNumberIn opts a number out of the SMS of account in region.
func (s *Service) OptOutPhoneNumberIn(account, region, number string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.partLocked(partKey{account, region}).sms.optedOut.add(number)
}

// OptInPhoneNumber opts a number back in.
func (s *Service) OptInPhoneNumber(ctx context.Context, in PhoneNumberInput) error {
	sc, err := s.enter(ctx, "OptInPhoneNumber")
	if err != nil {
		return err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	sms.optedOut.remove(in.PhoneNumber)
	return nil
}

// PhoneNumbersOutput is one page of phone numbers.
type PhoneNumbersOutput struct {
	PhoneNumbers []string
	NextToken    string
}

// ListPhoneNumbersOptedOut returns the opted-out numbers, up to 100 per
// page.
func (s *Service) ListPhoneNumbersOptedOut(ctx context.Context, in ListInput) (PhoneNumbersOutput, error) {
	sc, err := s.enter(ctx, "ListPhoneNumbersOptedOut")
	if err != nil {
		return PhoneNumbersOutput{}, err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	page, next, err := sms.optedOut.page(in.NextToken, pageSize)
	return PhoneNumbersOutput{PhoneNumbers: page, NextToken: next}, err
}

// GetSMSSandboxAccountStatus reports whether the account is in the SMS
// sandbox: it is not.
func (s *Service) GetSMSSandboxAccountStatus(ctx context.Context) (bool, error) {
	_, err := s.enter(ctx, "GetSMSSandboxAccountStatus")
	return false, err
}

// CreateSMSSandboxPhoneNumberInput adds a destination number to the SMS
// sandbox.
type CreateSMSSandboxPhoneNumberInput struct {
	PhoneNumber  string
	LanguageCode string
}

// CreateSMSSandboxPhoneNumber adds a destination number and sends it a
// one-time password (to the outbox); the number is Pending until verified.
func (s *Service) CreateSMSSandboxPhoneNumber(ctx context.Context, in CreateSMSSandboxPhoneNumberInput) error {
	sc, err := s.enter(ctx, "CreateSMSSandboxPhoneNumber")
	if err != nil {
		return err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return err
	}
	otp := fmt.Sprintf("%06d", s.env.IDs.IntN(1000000))
	s.mu.Lock()
	sms := &s.partLocked(keyOf(sc)).sms
	if sms.sandbox == nil {
		sms.sandbox = map[string]*sandboxNumber{}
	}
	sms.sandbox[in.PhoneNumber] = &sandboxNumber{status: "Pending", otp: otp}
	sms.sandboxSet.add(in.PhoneNumber)
	s.mu.Unlock()
	s.send(OutboxMessage{Protocol: "sms", Endpoint: in.PhoneNumber, Type: "Verification", MessageID: s.env.IDs.UUID(),
		Body: "Your verification code is " + otp, At: s.env.Clock.Now()})
	return nil
}

// VerifySMSSandboxPhoneNumberInput verifies a sandbox number.
type VerifySMSSandboxPhoneNumberInput struct {
	PhoneNumber     string
	OneTimePassword string
}

// VerifySMSSandboxPhoneNumber verifies a sandbox number with its one-time
// password.
func (s *Service) VerifySMSSandboxPhoneNumber(ctx context.Context, in VerifySMSSandboxPhoneNumberInput) error {
	sc, err := s.enter(ctx, "VerifySMSSandboxPhoneNumber")
	if err != nil {
		return err
	}
	s.mu.Lock()
	sms := &s.partLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	n := sms.sandbox[in.PhoneNumber]
	switch {
	case n == nil:
		return sandboxNotFound()
	case n.otp != in.OneTimePassword:
		return wrongPassword()
	}
	n.status = "Verified"
	return nil
}

// DeleteSMSSandboxPhoneNumber removes a sandbox number.
func (s *Service) DeleteSMSSandboxPhoneNumber(ctx context.Context, in PhoneNumberInput) error {
	sc, err := s.enter(ctx, "DeleteSMSSandboxPhoneNumber")
	if err != nil {
		return err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	if sms.sandbox[in.PhoneNumber] == nil {
		return sandboxNotFound()
	}
	delete(sms.sandbox, in.PhoneNumber)
	sms.sandboxSet.remove(in.PhoneNumber)
	return nil
}

func sandboxNotFound() error {
	return resourceNotFound("Phone number does not exist in the SMS sandbox")
}

// ListPageInput pages through a list with an optional page size.
type ListPageInput struct {
	NextToken string
	// MaxResults is the page size; 0 means 100.
	MaxResults int
}

// SMSSandboxPhoneNumber is a sandbox destination number.
type SMSSandboxPhoneNumber struct {
	PhoneNumber string
	// Status is Pending or Verified.
	Status string
}

// ListSMSSandboxPhoneNumbersOutput is one page of sandbox numbers.
type ListSMSSandboxPhoneNumbersOutput struct {
	PhoneNumbers []SMSSandboxPhoneNumber
	NextToken    string
}

// ListSMSSandboxPhoneNumbers returns the sandbox numbers.
func (s *Service) ListSMSSandboxPhoneNumbers(ctx context.Context, in ListPageInput) (ListSMSSandboxPhoneNumbersOutput, error) {
	sc, err := s.enter(ctx, "ListSMSSandboxPhoneNumbers")
	if err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	size, err := pageSizeOf(in.MaxResults, 100)
	if err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	s.mu.Lock()
	sms := &s.viewLocked(keyOf(sc)).sms
	defer s.mu.Unlock()
	page, next, err := sms.sandboxSet.page(in.NextToken, size)
	if err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	out := ListSMSSandboxPhoneNumbersOutput{PhoneNumbers: make([]SMSSandboxPhoneNumber, len(page)), NextToken: next}
	for i, n := range page {
		out.PhoneNumbers[i] = SMSSandboxPhoneNumber{PhoneNumber: n, Status: sms.sandbox[n].status}
	}
	return out, nil
}

// ListOriginationNumbers lists the account's origination numbers: the fake
// account has none, so it only validates the request.
func (s *Service) ListOriginationNumbers(ctx context.Context, in ListPageInput) error {
	if _, err := s.enter(ctx, "ListOriginationNumbers"); err != nil {
		return err
	}
	_, err := pageSizeOf(in.MaxResults, 30)
	return err
}

// pageSizeOf checks MaxResults against its documented bounds (1 to max);
// 0 means max.
func pageSizeOf(maxResults, max int) (int, error) {
	switch {
	case maxResults == 0:
		return max, nil
	case maxResults < 1 || maxResults > max:
		return 0, validationError(fmt.Sprint(maxResults), "maxResults",
			fmt.Sprintf("Member must have value less than or equal to %d and greater than or equal to 1", max))
	}
	return maxResults, nil
}
