package iam

import (
	"context"
	"strings"
)

// serviceLinkedNames are the role names AWS gives the service-linked
// roles of the services users create them for most; any other service
// gets AWSServiceRoleFor<Service>, its name's first label capitalised.
var serviceLinkedNames = map[string]string{
	"elasticloadbalancing.amazonaws.com":             "AWSServiceRoleForElasticLoadBalancing",
	"autoscaling.amazonaws.com":                      "AWSServiceRoleForAutoScaling",
	"ecs.amazonaws.com":                              "AWSServiceRoleForECS",
	"lambda.amazonaws.com":                           "AWSServiceRoleForLambda",
	"rds.amazonaws.com":                              "AWSServiceRoleForRDS",
	"es.amazonaws.com":                               "AWSServiceRoleForAmazonOpenSearchService",
	"opensearchservice.amazonaws.com":                "AWSServiceRoleForAmazonOpenSearchService",
	"dynamodb.application-autoscaling.amazonaws.com": "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable",
	"spot.amazonaws.com":                             "AWSServiceRoleForEC2Spot",
	"eks.amazonaws.com":                              "AWSServiceRoleForAmazonEKS",
}

// CreateServiceLinkedRoleInput names the service the role is for.
type CreateServiceLinkedRoleInput struct{ AWSServiceName, Description, CustomSuffix string }

// CreateServiceLinkedRoleOutput is the new role.
type CreateServiceLinkedRoleOutput struct{ Role Role }

// CreateServiceLinkedRole creates the service-linked role of a service:
// path /aws-service-role/<service>/, name AWSServiceRoleFor..., a trust
// policy letting the service assume it. The name with a CustomSuffix is
// <name>_<suffix>.
func (s *Service) CreateServiceLinkedRole(ctx context.Context, in CreateServiceLinkedRoleInput) (CreateServiceLinkedRoleOutput, error) {
	sc, err := s.enter(ctx, "CreateServiceLinkedRole")
	if err != nil {
		return CreateServiceLinkedRoleOutput{}, err
	}
	svc := in.AWSServiceName
	if !strings.HasSuffix(svc, ".amazonaws.com") || strings.IndexByte(svc, '.') < 1 {
		return CreateServiceLinkedRoleOutput{}, invalid("Invalid AWSServiceName: %s", svc)
	}
	name := serviceLinkedNames[svc]
	if name == "" {
		first := svc[:strings.IndexByte(svc, '.')]
		name = "AWSServiceRoleFor" + strings.ToUpper(first[:1]) + first[1:]
	}
	if in.CustomSuffix != "" {
		name += "_" + in.CustomSuffix
	}
	if err := checkName("customSuffix", name, maxRoleName); err != nil {
		return CreateServiceLinkedRoleOutput{}, err
	}
	if err := checkDescription(in.Description); err != nil {
		return CreateServiceLinkedRoleOutput{}, err
	}
	var out Role
	err = s.locked(sc, func(a *account) error {
		if a.roles[key(name)] != nil {
			return invalid("Service role name %s has been taken in this account, please try a different suffix.", name)
		}
		path := serviceRolePath + svc + "/"
		r := &role{entity: newEntity(a, "role", name, path, "AROA"+s.env.IDs.Upper(17), s.now()),
			trust:       `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["` + svc + `"]},"Action":["sts:AssumeRole"]}]}`,
			description: in.Description, maxSession: minSession}
		a.roles[key(name)] = r
		out = r.out(false)
		return nil
	})
	return CreateServiceLinkedRoleOutput{Role: out}, err
}

// DeleteServiceLinkedRoleInput names a service-linked role.
type DeleteServiceLinkedRoleInput struct{ RoleName string }

// DeleteServiceLinkedRoleOutput is the deletion task's id.
type DeleteServiceLinkedRoleOutput struct{ DeletionTaskId string }

// DeleteServiceLinkedRole deletes a service-linked role at once (AWS runs
// a task; the fake's task has succeeded when it answers).
func (s *Service) DeleteServiceLinkedRole(ctx context.Context, in DeleteServiceLinkedRoleInput) (DeleteServiceLinkedRoleOutput, error) {
	sc, err := s.enter(ctx, "DeleteServiceLinkedRole")
	if err != nil {
		return DeleteServiceLinkedRoleOutput{}, err
	}
	var out DeleteServiceLinkedRoleOutput
	err = s.onRole(sc, in.RoleName, func(a *account, r *role) error {
		if !isServiceLinked(r) {
			return invalid("Role %s is not a service-linked role.", r.name)
		}
		delete(a.roles, key(r.name))
		out.DeletionTaskId = "task" + r.path + r.name + "/" + s.env.IDs.UUID()
		return nil
	})
	return out, err
}

// GetServiceLinkedRoleDeletionStatusInput names a deletion task.
type GetServiceLinkedRoleDeletionStatusInput struct{ DeletionTaskId string }

// GetServiceLinkedRoleDeletionStatusOutput is the task's status.
type GetServiceLinkedRoleDeletionStatusOutput struct{ Status string }

// GetServiceLinkedRoleDeletionStatus answers SUCCEEDED for a task
// DeleteServiceLinkedRole returned: deletion is immediate.
func (s *Service) GetServiceLinkedRoleDeletionStatus(ctx context.Context, in GetServiceLinkedRoleDeletionStatusInput) (GetServiceLinkedRoleDeletionStatusOutput, error) {
	_, err := s.enter(ctx, "GetServiceLinkedRoleDeletionStatus")
	if err != nil {
		return GetServiceLinkedRoleDeletionStatusOutput{}, err
	}
	if !strings.HasPrefix(in.DeletionTaskId, "task"+serviceRolePath) {
		return GetServiceLinkedRoleDeletionStatusOutput{}, invalid("Invalid deletion task id: %s", in.DeletionTaskId)
	}
	return GetServiceLinkedRoleDeletionStatusOutput{Status: "SUCCEEDED"}, nil
}
