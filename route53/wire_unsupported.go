package route53

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The operations of features the fake does not model yet (traffic
// policies, CIDR collections, DNSSEC signing, VPC
// association authorizations, record set protections, zone features) are
// bound to the answer AWS gives an account that has none of them: an empty
// list or a zero count, the NoSuch... error for one named, and, for one
// that would create one, the error AWS gives when the account may create
// no more (the fake's quota of those resources is zero) or when what it
// needs (a KMS key, a log group) does not exist. They are not operations of
// the Go API: they record no call and take no injected fault.

// empty answers a list or count with the document <name>body</name>.
func empty(root, body string) handlerFunc {
	return func(_ *Service, c *call) error {
		c.w.Header().Set("Content-Type", "text/xml")
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<" + root + ` xmlns="` + xmlns + `">` + body + "</" + root + ">"))
		return nil
	}
}

// refuse answers with the error code and message.
func refuse(code, msg string) handlerFunc {
	return func(*Service, *call) error { return newError(code, "%s", msg) }
}

const (
	notTruncated      = "<IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>"
	noTrafficPolicy   = "No traffic policy exists with the specified ID."
	noTrafficInstance = "No traffic policy instance exists with the specified ID."
	noCidrCollection  = "The CIDR collection you specified doesn't exist."
)

func unsupportedRoutes() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{
		route(g, "/checkeripranges", "GetCheckerIpRanges", empty("GetCheckerIpRangesResponse", "<CheckerIpRanges></CheckerIpRanges>")),

		route(p, "/trafficpolicy", "CreateTrafficPolicy", refuse(codeTooManyTrafficPolicies, "This traffic policy can't be created because the current account has reached the limit on the number of traffic policies.")),
		route(p, "/trafficpolicy/{Id}", "CreateTrafficPolicyVersion", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(g, "/trafficpolicy/{Id}/{Version}", "GetTrafficPolicy", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(p, "/trafficpolicy/{Id}/{Version}", "UpdateTrafficPolicyComment", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(d, "/trafficpolicy/{Id}/{Version}", "DeleteTrafficPolicy", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(g, "/trafficpolicies", "ListTrafficPolicies", empty("ListTrafficPoliciesResponse", "<TrafficPolicySummaries></TrafficPolicySummaries><TrafficPolicyIdMarker></TrafficPolicyIdMarker>"+notTruncated)),
		route(g, "/trafficpolicies/{Id}/versions", "ListTrafficPolicyVersions", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(p, "/trafficpolicyinstance", "CreateTrafficPolicyInstance", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(g, "/trafficpolicyinstance/{Id}", "GetTrafficPolicyInstance", refuse(codeNoSuchTrafficInstance, noTrafficInstance)),
		route(p, "/trafficpolicyinstance/{Id}", "UpdateTrafficPolicyInstance", refuse(codeNoSuchTrafficInstance, noTrafficInstance)),
		route(d, "/trafficpolicyinstance/{Id}", "DeleteTrafficPolicyInstance", refuse(codeNoSuchTrafficInstance, noTrafficInstance)),
		route(g, "/trafficpolicyinstances", "ListTrafficPolicyInstances", empty("ListTrafficPolicyInstancesResponse", "<TrafficPolicyInstances></TrafficPolicyInstances>"+notTruncated)),
		route(g, "/trafficpolicyinstances/hostedzone", "ListTrafficPolicyInstancesByHostedZone", empty("ListTrafficPolicyInstancesByHostedZoneResponse", "<TrafficPolicyInstances></TrafficPolicyInstances>"+notTruncated)),
		route(g, "/trafficpolicyinstances/trafficpolicy", "ListTrafficPolicyInstancesByPolicy", refuse(codeNoSuchTrafficPolicy, noTrafficPolicy)),
		route(g, "/trafficpolicyinstancecount", "GetTrafficPolicyInstanceCount", empty("GetTrafficPolicyInstanceCountResponse", "<TrafficPolicyInstanceCount>0</TrafficPolicyInstanceCount>")),

		route(p, "/cidrcollection", "CreateCidrCollection", refuse(codeLimitsExceeded, "This operation can't be completed because the current account has reached the limit on the resource you are trying to create.")),
		route(p, "/cidrcollection/{CidrCollectionId}", "ChangeCidrCollection", refuse(codeNoSuchCidrCollection, noCidrCollection)),
		route(d, "/cidrcollection/{CidrCollectionId}", "DeleteCidrCollection", refuse(codeNoSuchCidrCollection, noCidrCollection)),
		route(g, "/cidrcollection", "ListCidrCollections", empty("ListCidrCollectionsResponse", "<CidrCollections></CidrCollections>")),
		route(g, "/cidrcollection/{CidrCollectionId}", "ListCidrLocations", refuse(codeNoSuchCidrCollection, noCidrCollection)),
		route(g, "/cidrcollection/{CidrCollectionId}/cidrblocks", "ListCidrBlocks", refuse(codeNoSuchCidrCollection, noCidrCollection)),

		route(p, "/hostedzone/{Id}/authorizevpcassociation", "CreateVPCAssociationAuthorization", refuse(codeTooManyVPCAuthorizations, "You've created the maximum number of authorizations that can be created for the specified hosted zone.")),
		route(p, "/hostedzone/{Id}/deauthorizevpcassociation", "DeleteVPCAssociationAuthorization", refuse(codeVPCAuthNotFound, "The VPC that you specified is not authorized to be associated with the hosted zone.")),
		route(g, "/hostedzone/{Id}/authorizevpcassociation", "ListVPCAssociationAuthorizations", empty("ListVPCAssociationAuthorizationsResponse", "<VPCs></VPCs>")),

		route(p, "/hostedzone/{HostedZoneId}/rrsetprotection", "CreateResourceRecordSetProtections", refuse("InvalidResourceRecordSetProtectionBatch", "Resource record set protections are not available to this account.")),
		route(p, "/hostedzone/{HostedZoneId}/rrsetprotection/delete", "DeleteResourceRecordSetProtections", refuse("InvalidResourceRecordSetProtectionBatch", "No protection exists for the specified name and type.")),
		route(g, "/hostedzone/{HostedZoneId}/rrsetprotection", "ListResourceRecordSetProtections", empty("ListResourceRecordSetProtectionsResponse", "<ResourceRecordSetProtections></ResourceRecordSetProtections>")),
		route(p, "/hostedzone/{Id}/features", "UpdateHostedZoneFeatures", refuse(codeInvalidInput, "Hosted zone features are not available to this account.")),

		route(g, "/geolocations", "ListGeoLocations", empty("ListGeoLocationsResponse", "<GeoLocationDetailsList></GeoLocationDetailsList>"+notTruncated)),
		route(g, "/geolocation", "GetGeoLocation", refuse(codeNoSuchGeoLocation, "The specified geographic location doesn't exist.")),
	}
}
