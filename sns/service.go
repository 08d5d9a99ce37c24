package sns

import (
	"context"
	"sync"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
)

// Service is the SNS engine of one cloud. It is safe for concurrent use.
type Service struct {
	env *cloudenv.Env
	// ctx ends when the service closes; outbound HTTP deliveries run under
	// it.
	ctx    context.Context
	cancel context.CancelFunc

	mu sync.Mutex
	// topics, subs and the platform's applications and endpoints are keyed
	// by ARN, which names their account and region: a lookup by ARN is one
	// map access in the ARN's own partition. What a partition lists or
	// holds by name (its topics, subscriptions, applications, SMS
	// settings) is in parts.
	topics   map[string]*topic
	subs     map[string]*subscription
	tokens   map[string]*subscription // confirmation token -> subscription
	platform platformState
	parts    map[partKey]*partition

	signer signer
	http   httpDeliverer
	rec    recorder
	faults *faults.Injector[struct{}]
}

// New returns the SNS service of the cloud whose environment is env; the
// cloud registers its bus endpoint (Describe) as the owner of "sns" ARNs, so
// that other services can publish to its topics. It starts no goroutine.
func New(env *cloudenv.Env) *Service {
	ctx, cancel := context.WithCancel(env.Bus.Context())
	s := &Service{
		env: env, ctx: ctx, cancel: cancel,
		topics: map[string]*topic{}, subs: map[string]*subscription{}, tokens: map[string]*subscription{},
		parts:  map[partKey]*partition{},
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope()),
	}
	s.rec.outbox.Bind(env.Records, outboxBytes)
	s.signer.env = env
	s.http.svc = s
	return s
}

// Close stops HTTP/S deliveries in progress and pending retries, and waits
// for their workers to return. Deliveries queued afterwards are dropped.
func (s *Service) Close() {
	s.cancel()
	s.http.close()
}

// arnService is the service name in SNS's ARNs.
const arnService = "sns"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "sns", SigningNames: []string{"sns"}, ARNService: arnService, Handler: s, Endpoint: s.deliver, Close: s.Close}
}
