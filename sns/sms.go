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
func (s *Service) publishSMS(number string, e entry) (PublishOutput, error) {
	if !phoneNumber.MatchString(number) {
		return PublishOutput{}, invalidParameter("Invalid parameter: PhoneNumber Reason: %s is not valid to publish to", number)
	}
	m, err := prepare("", topicSettings{maxSize: maxMessageSizeDefault}, e, 0)
	if err != nil {
		return PublishOutput{}, err
	}
	id := s.env.IDs.UUID()
	if !s.optedOut(number) {
		s.send(OutboxMessage{Protocol: "sms", Endpoint: number, Type: "Notification", MessageID: id,
			Subject: e.subject, Body: m.textFor("sms"), At: s.env.Clock.Now()})
	}
	return PublishOutput{MessageId: id}, nil
}

func (s *Service) optedOut(number string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sms.optedOut.contains(number)
}

// SMSAttributesInput names SMS attributes to read; none means all.
type SMSAttributesInput struct {
	Attributes []string
}

// GetSMSAttributes returns the account's SMS settings.
func (s *Service) GetSMSAttributes(ctx context.Context, in SMSAttributesInput) (AttributesOutput, error) {
	if _, err := s.enter(ctx, "GetSMSAttributes"); err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := map[string]string{"MonthlySpendLimit": "1"}
	maps.Copy(all, s.sms.attrs)
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
	if _, err := s.enter(ctx, "SetSMSAttributes"); err != nil {
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
	defer s.mu.Unlock()
	if s.sms.attrs == nil {
		s.sms.attrs = map[string]string{}
	}
	maps.Copy(s.sms.attrs, in.Attributes)
	return nil
}

// PhoneNumberInput names a phone number.
type PhoneNumberInput struct {
	PhoneNumber string
}

// CheckIfPhoneNumberIsOptedOut reports whether a number opted out of SMS.
func (s *Service) CheckIfPhoneNumberIsOptedOut(ctx context.Context, in PhoneNumberInput) (bool, error) {
	if _, err := s.enter(ctx, "CheckIfPhoneNumberIsOptedOut"); err != nil {
		return false, err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sms.optedOut.contains(in.PhoneNumber), nil
}

// OptOutPhoneNumber opts a number out of SMS, as replying STOP does: a test
// helper, AWS has no such operation.
func (s *Service) OptOutPhoneNumber(number string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sms.optedOut.add(number)
}

// OptInPhoneNumber opts a number back in.
func (s *Service) OptInPhoneNumber(ctx context.Context, in PhoneNumberInput) error {
	if _, err := s.enter(ctx, "OptInPhoneNumber"); err != nil {
		return err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sms.optedOut.remove(in.PhoneNumber)
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
	if _, err := s.enter(ctx, "ListPhoneNumbersOptedOut"); err != nil {
		return PhoneNumbersOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	page, next, err := s.sms.optedOut.page(in.NextToken, pageSize)
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
	if _, err := s.enter(ctx, "CreateSMSSandboxPhoneNumber"); err != nil {
		return err
	}
	if err := checkPhoneNumber(in.PhoneNumber); err != nil {
		return err
	}
	otp := fmt.Sprintf("%06d", s.env.IDs.IntN(1000000))
	s.mu.Lock()
	if s.sms.sandbox == nil {
		s.sms.sandbox = map[string]*sandboxNumber{}
	}
	s.sms.sandbox[in.PhoneNumber] = &sandboxNumber{status: "Pending", otp: otp}
	s.sms.sandboxSet.add(in.PhoneNumber)
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
	if _, err := s.enter(ctx, "VerifySMSSandboxPhoneNumber"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.sms.sandbox[in.PhoneNumber]
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
	if _, err := s.enter(ctx, "DeleteSMSSandboxPhoneNumber"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sms.sandbox[in.PhoneNumber] == nil {
		return sandboxNotFound()
	}
	delete(s.sms.sandbox, in.PhoneNumber)
	s.sms.sandboxSet.remove(in.PhoneNumber)
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
	if _, err := s.enter(ctx, "ListSMSSandboxPhoneNumbers"); err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	size, err := pageSizeOf(in.MaxResults, 100)
	if err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	page, next, err := s.sms.sandboxSet.page(in.NextToken, size)
	if err != nil {
		return ListSMSSandboxPhoneNumbersOutput{}, err
	}
	out := ListSMSSandboxPhoneNumbersOutput{PhoneNumbers: make([]SMSSandboxPhoneNumber, len(page)), NextToken: next}
	for i, n := range page {
		out.PhoneNumbers[i] = SMSSandboxPhoneNumber{PhoneNumber: n, Status: s.sms.sandbox[n].status}
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
