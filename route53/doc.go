// Package route53 is the fake Amazon Route 53: hosted zones, record sets
// and changes over Route 53's restXml API (/2013-04-01/...) for the real
// aws-sdk-go-v2 route53 client, and name servers that answer DNS
// questions by the records and routing policies stored, in memory for Go's
// net.Resolver or on a UDP/TCP listener.
//
// # Quick start
//
//	cloud := awsfake.NewT(t)
//	client := route53.NewFromConfig(cloud.AWSConfig()) // the SDK's package
//	zone, _ := client.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{...})
//	client.ChangeResourceRecordSets(ctx, ...)
//	r := cloud.Route53().Resolver(netip.MustParseAddr("192.0.2.53"))
//	addrs, _ := r.LookupHost(ctx, "www.example.com.")
//
// Route 53 is global: state is keyed by account alone.
//
// # What is implemented
//
//   - Hosted zones, public and private (VPC associations, ListHostedZonesByVPC):
//     CreateHostedZone with the NS record (four ns-N.awsdns-NN.{com,net,org,co.uk}
//     servers, TTL 172800) and SOA record ("<first NS>
//     awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400", TTL 900) AWS
//     creates; a reused CallerReference is HostedZoneAlreadyExists;
//     GetHostedZone, DeleteHostedZone (HostedZoneNotEmpty), ListHostedZones
//     (creation order), ListHostedZonesByName (labels reversed, escaped
//     form), GetHostedZoneCount, UpdateHostedZoneComment; reusable delegation
//     sets; tags; query logging configurations (one per public zone, to a
//     log group ARN in us-east-1; stored, no logs written); DNSSEC
//     key-signing keys (a KMS key ARN in us-east-1, ACTIVE or INACTIVE, two
//     per zone, public material drawn from the seeded source; signing needs
//     an ACTIVE key; answers are not signed); GetAccountLimit, GetHostedZoneLimit,
//     GetReusableDelegationSetLimit with AWS's default quotas.
//   - ChangeResourceRecordSets: CREATE, DELETE, UPSERT applied in order and
//     atomically (one refused change refuses the batch); AWS's
//     InvalidChangeBatch texts (one problem as "[...]" in the message, several
//     in Messages); InvalidInput for a malformed change; value rules per type
//     (A, AAAA, CAA, CNAME, DS, HTTPS, MX, NAPTR, NS, PTR, SOA, SPF, SRV,
//     SSHFP, SVCB, TLSA, TXT); CNAME at the apex or beside other types; the
//     apex NS and SOA kept; routing policies never mixed in a name and type;
//     aliases into the account's zones checked; batch limits (1,000 records,
//     32,000 value characters, UPSERT counted twice); the zone's quota of
//     record sets (SetMaxRecordSets).
//   - GetChange: PENDING for ChangePropagation (60 s) on the cloud's clock,
//     INSYNC from that instant, computed when read (no timer).
//   - ListResourceRecordSets in AWS's order: names by labels reversed with
//     the trailing dot, compared as ASCII of the escaped form ("*" is \052),
//     then type, then set identifier; the Next triple pages.
//   - Answers by routing policy, for TestDNSAnswer and the name servers:
//     simple (values in an order drawn from the cloud's seeded source),
//     weighted (seeded draws; all-zero weights equally likely), latency
//     (nearest region to the client's), geolocation (subdivision, country,
//     continent, then "*"), geoproximity (coordinates or region, with AWS's
//     bias formula), failover, multivalue (up to eight healthy), alias
//     (with EvaluateTargetHealth), wildcards (RFC 4592), empty non-terminals
//     (NODATA). Health: a record follows its health check (below); one
//     without a health check, or naming an unknown id, is healthy, and when
//     every record of a weighted, latency, geoproximity or multivalue group
//     is unhealthy, all answer.
//   - Health checks: CreateHealthCheck (defaults RequestInterval 30,
//     FailureThreshold 3, Port 80/443, EnableSNI for HTTPS; CallerReference
//     idempotent with the same settings, HealthCheckAlreadyExists otherwise
//     or once deleted; 200 per account, TooManyHealthChecks), Get, Update
//     (HealthCheckVersion, ResetElements), Delete, List (oldest first,
//     Marker), Count, tags. HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH and
//     TCP probes are real, through SetHealthCheckProber's http.Client and
//     dialer (by default the fake's own; certificates are not validated, as
//     in AWS; redirects not followed), one job on the cloud's scheduler at
//     the next due probe: the first RequestInterval after creation, then
//     every RequestInterval. 2xx and 3xx are healthy; a string match reads
//     the first 5,120 bytes of the body; HTTP(S) must connect within 4 s
//     and get a status within 2 s of connecting, TCP connect within 10 s,
//     deadlines on the cloud's clock that cancel the real dial or read. A
//     check is healthy until FailureThreshold consecutive failures and
//     healthy again after as many successes; Inverted turns it over;
//     Disabled is healthy and not probed. CALCULATED is healthy while at
//     least HealthThreshold children are. GetHealthCheckStatus and
//     GetHealthCheckLastFailureReason give the checker's observations in
//     AWS's status texts ("Success: HTTP Status Code 200, OK", "Failure:
//     Connection timed out. ..."). cloud.Settle waits for probes in flight.
//     SetHealthCheckStatus marks an id healthy or failing over what its
//     checker sees (ClearHealthCheckStatus removes the mark).
//   - Route 53 Domains (the route53domains client): CheckDomainAvailability
//     (UNAVAILABLE for a name registered in the cloud by any account,
//     UnsupportedTLD outside the fake's TLDs), CheckDomainTransferability,
//     ListPrices, GetDomainSuggestions, RegisterDomain (contacts validated:
//     required fields, +CC.NUMBER phone, email, country, a company's
//     organization; 1-10 years; a public hosted zone of the name created at
//     once, its name servers the domain's), TransferDomain (stored with its
//     name servers), each a REGISTER_DOMAIN or TRANSFER_IN_DOMAIN operation
//     IN_PROGRESS for DomainOperationTime on the clock, then SUCCESSFUL
//     (GetOperationDetail, ListOperations with its filters); ListDomains and
//     GetDomainDetail once complete; UpdateDomainNameservers,
//     UpdateDomainContact, UpdateDomainContactPrivacy, auto-renew and
//     transfer-lock flags (clientTransferProhibited), RenewDomain
//     (CurrentExpiryYear checked, 10 years ahead at most), DeleteDomain,
//     RetrieveDomainAuthCode, GetContactReachabilityStatus (DONE), tags.
//     Expiry is computed when read: with auto-renew a domain renews for a
//     year at its expiry; without, it is released at that instant and its
//     name is available again.
//   - Where a client is: SetClientLocation places address prefixes (region,
//     continent, country, subdivision, coordinates); a query's EDNS0 client
//     subnet, or TestDNSAnswer's EDNS0ClientSubnetIP/Mask, wins over the
//     resolver's address.
//   - Name servers: Resolver and DialDNS answer Go's net.Resolver in memory
//     with no socket and no goroutine; ServeDNS serves UDP (truncating to
//     the client's buffer) and TCP until Close. Authoritative answers for the
//     cloud's public zones, CNAME chains followed across them, NXDOMAIN and
//     NODATA with the SOA in the authority section, the client subnet echoed
//     with its scope. The DNS codec uses the standard library alone.
//
// # Where it differs from AWS
//
//   - Error texts that AWS does not publish are the fake's own, in AWS's
//     shape: the value problems other than A and AAAA ("FATAL problem:
//     MXRRDATANotTwoFields ..."), the mixed-policy and CNAME-multiple-value
//     messages, the batch-limit messages. The rule followed: the code and
//     status are AWS's, the wording follows AWS's pattern for the same
//     check (ChangeResourceRecordSets' "Invalid Resource Record: 'FATAL
//     problem: ...'").
//   - Zone and change ids are drawn from the seeded source (Z + 20, C + 20
//     characters); name servers are of AWS's form but not AWS's servers.
//   - ListHostedZones lists in creation order; AWS documents no order.
//   - A VPC id is accepted when it has EC2's form: there is no EC2 to ask.
//     Private zones are not answered by the name servers (AWS answers them
//     only inside their VPCs).
//   - Latency between a client and a region is the great-circle distance
//     between them (approximate region coordinates); AWS measures it.
//   - Aliases to AWS service targets (CloudFront, ELB, S3 website, API
//     Gateway zone ids) are stored but answer no data, as the cloud's own
//     targets are not resolvable yet; an alias into the account's zones
//     answers the target's records.
//   - SVCB and HTTPS records with parameters are left out of DNS wire
//     answers (TestDNSAnswer still shows them).
//   - Health checks run one checker, in us-east-1 at 15.177.2.1, standing
//     for AWS's checker regions: "healthy when more than 18% of checkers
//     say so" is "when the checker says so"; Regions is stored and does
//     not multiply it. IPAddress may be a loopback or private address
//     (AWS refuses them) so that a test's httptest.Server can be checked.
//     EnableSNI and MeasureLatency are stored, not acted on. A probe whose
//     endpoint never answers holds cloud.Settle until the clock passes its
//     deadline (as SNS's HTTP deliveries do). The failure texts other
//     than HTTP status codes and timeouts ("Failure: Search string not
//     found in response body.", "Success: TCP connection established.",
//     "Failure: Connection refused. ...") are the fake's own in AWS's form.
//     The messages of InvalidInput for settings are the fake's own; an
//     unknown child of a calculated check is InvalidInput (the SDK's
//     CreateHealthCheck models no NoSuchHealthCheck).
//   - CLOUDWATCH_METRIC and RECOVERY_CONTROL health checks are refused with
//     InvalidInput: CloudWatch answers no alarm state on the bus yet.
//   - Route 53 Domains: the TLDs sold and their prices are the fake's own
//     list (com, net, org, io, co.uk, kr, ... in USD); registrations are
//     not limited to us-east-1; an operation takes DomainOperationTime (AWS
//     documents none); suggestions vary only the TLD. The error texts are
//     the fake's own, the codes AWS's (InvalidInput, UnsupportedTLD,
//     DomainLimitExceeded for a name taken, TLDRulesViolation).
//   - GetCheckerIpRanges answers an empty list; ListGeoLocations an empty one
//     and GetGeoLocation NoSuchGeoLocation.
//
// # Operations answered as for an account without the feature
//
// Traffic policies and instances (TooManyTrafficPolicies,
// NoSuchTrafficPolicy, NoSuchTrafficPolicyInstance; lists empty), CIDR
// collections (CreateCidrCollection LimitsExceeded, the rest
// NoSuchCidrCollectionException; IP-based records are refused the same
// way), VPC association authorizations, record set protections and
// UpdateHostedZoneFeatures. They are bound in wire_unsupported.go and
// record no call.
//
// Of Route 53 Domains, ViewBilling answers no records; transfers between
// AWS accounts (Accept, Reject, Cancel, TransferDomainToAnotherAwsAccount),
// delegation signers, PushDomain and the two Resend operations answer
// InvalidInput, as for a domain with nothing of the kind pending; they
// record no call.
//
// Query logging configurations are stored and write no log. ServeDNS
// serves one service; ListenDNS serves whichever service a function
// returns per query (cmd/awsfake -dns-addr, whose sockets outlive a reset).
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised by the
// action tables in wire_authz.go (Actions: route53:<Operation> on
// arn:aws:route53:::<type>/<id> for the zone, change, health check, ...
// its path, query or body names, else "*"; DomainActions:
// route53domains:<Operation> on "*"). A refusal is AccessDenied (403) in
// Route 53's <ErrorResponse>, AccessDeniedException (400) for Domains. The
// ChangeResourceRecordSets condition keys (route53:ChangeResourceRecordSets*)
// are not set.
//
// # Plumbing for the root package
//
// New and Describe build and wire the service (signing names route53 and
// route53domains); Close cancels the probes' jobs, waits for the probes in
// flight and stops ServeDNS's listeners.
package route53
