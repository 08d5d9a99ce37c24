package xray

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// InsightsConfiguration turns a group's insights and their notifications
// on or off.
type InsightsConfiguration struct {
	InsightsEnabled      *bool `json:",omitempty"`
	NotificationsEnabled *bool `json:",omitempty"`
}

// Group is a named filter expression.
type Group struct {
	GroupName             string
	GroupARN              string
	FilterExpression      string                 `json:",omitempty"`
	InsightsConfiguration *InsightsConfiguration `json:",omitempty"`
}

// CreateGroupInput is CreateGroup's input.
type CreateGroupInput struct {
	GroupName             string
	FilterExpression      string                 `json:",omitempty"`
	InsightsConfiguration *InsightsConfiguration `json:",omitempty"`
	Tags                  []Tag                  `json:",omitempty"`
}

// GroupOutput is the output of CreateGroup, GetGroup and UpdateGroup.
type GroupOutput struct {
	Group *Group `json:",omitempty"`
}

func insights(c *InsightsConfiguration) (*InsightsConfiguration, error) {
	out := &InsightsConfiguration{InsightsEnabled: ptr(false), NotificationsEnabled: ptr(false)}
	if c != nil {
		if c.InsightsEnabled != nil {
			out.InsightsEnabled = c.InsightsEnabled
		}
		if c.NotificationsEnabled != nil {
			out.NotificationsEnabled = c.NotificationsEnabled
		}
	}
	if *out.NotificationsEnabled && !*out.InsightsEnabled {
		return nil, errInvalid("Notifications can only be enabled on a group with insights enabled")
	}
	return out, nil
}

// CreateGroup creates a group: a name of 1 to 32 characters other than
// Default, and a filter expression that parses.
func (s *Service) CreateGroup(ctx context.Context, in CreateGroupInput) (GroupOutput, error) {
	sc, err := s.enter(ctx, "CreateGroup")
	if err != nil {
		return GroupOutput{}, err
	}
	if in.GroupName == "" || utf8.RuneCountInString(in.GroupName) > 32 {
		return GroupOutput{}, errInvalid("GroupName must be 1 to 32 characters")
	}
	if in.GroupName == defaultGroupName {
		return GroupOutput{}, errInvalid("Default is a reserved group name")
	}
	ic, err := insights(in.InsightsConfiguration)
	if err != nil {
		return GroupOutput{}, err
	}
	if err := checkTags(in.Tags, 0); err != nil {
		return GroupOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GroupOutput, error) {
		if _, dup := p.groups[in.GroupName]; dup {
			return GroupOutput{}, errInvalid("Group %s already exists", in.GroupName)
		}
		if _, err := parseFilter(in.FilterExpression, p.groupLookup()); err != nil {
			return GroupOutput{}, err
		}
		g := &Group{GroupName: in.GroupName, FilterExpression: in.FilterExpression, InsightsConfiguration: ic,
			GroupARN: sc.ARN(arnService, "group/"+in.GroupName+"/"+s.ids.Upper(52))}
		p.groups[g.GroupName] = g
		p.setTags(g.GroupARN, in.Tags)
		return GroupOutput{Group: copyGroup(g)}, nil
	})
}

func copyGroup(g *Group) *Group {
	c := *g
	ic := *g.InsightsConfiguration
	c.InsightsConfiguration = &ic
	return &c
}

// defaultGroupName is the group every account has: every trace, no
// filter expression. It cannot be created, changed or deleted.
const defaultGroupName = "Default"

// defaultGroup is the partition's Default group.
func (p *partition) defaultGroup() *Group {
	return &Group{GroupName: defaultGroupName, GroupARN: p.scope.ARN(arnService, "group/"+defaultGroupName),
		InsightsConfiguration: &InsightsConfiguration{InsightsEnabled: ptr(false), NotificationsEnabled: ptr(false)}}
}

// GroupRef names a group by GroupName or GroupARN.
type GroupRef struct {
	GroupName string `json:",omitempty"`
	GroupARN  string `json:",omitempty"`
}

// groupOf finds a group by name or ARN.
func (p *partition) groupOf(ref GroupRef) (*Group, error) {
	if ref.GroupName == "" && ref.GroupARN == "" {
		return nil, errInvalid("Either GroupName or GroupARN is required")
	}
	if def := p.defaultGroup(); ref.GroupName == def.GroupName || (ref.GroupName == "" && ref.GroupARN == def.GroupARN) {
		return def, nil
	}
	for _, g := range p.groups {
		if (ref.GroupName != "" && g.GroupName == ref.GroupName) || (ref.GroupName == "" && g.GroupARN == ref.GroupARN) {
			return g, nil
		}
	}
	return nil, errInvalid("Group not found")
}

// GetGroup returns a group by name or ARN.
func (s *Service) GetGroup(ctx context.Context, in GroupRef) (GroupOutput, error) {
	sc, err := s.enter(ctx, "GetGroup")
	if err != nil {
		return GroupOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GroupOutput, error) {
		g, err := p.groupOf(in)
		if err != nil {
			return GroupOutput{}, err
		}
		return GroupOutput{Group: copyGroup(g)}, nil
	})
}

// GetGroupsInput is GetGroups's input.
type GetGroupsInput struct {
	NextToken string `json:",omitempty"`
}

// GetGroupsOutput is GetGroups's output.
type GetGroupsOutput struct {
	Groups    []Group
	NextToken string `json:",omitempty"`
}

// GetGroups lists the groups by name, the Default group among them, 100
// a page.
func (s *Service) GetGroups(ctx context.Context, in GetGroupsInput) (GetGroupsOutput, error) {
	sc, err := s.enter(ctx, "GetGroups")
	if err != nil {
		return GetGroupsOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GetGroupsOutput, error) {
		all := make([]*Group, 0, len(p.groups)+1)
		for _, g := range p.groups {
			all = append(all, g)
		}
		all = append(all, p.defaultGroup())
		slices.SortFunc(all, func(a, b *Group) int { return strings.Compare(a.GroupName, b.GroupName) })
		page, next, ok := pagetoken.Page(all, func(g *Group) string { return g.GroupName }, in.NextToken, 100)
		if !ok {
			return GetGroupsOutput{}, errInvalid("Invalid NextToken")
		}
		out := GetGroupsOutput{Groups: []Group{}, NextToken: next}
		for _, g := range page {
			out.Groups = append(out.Groups, *copyGroup(g))
		}
		return out, nil
	})
}

// UpdateGroupInput is UpdateGroup's input.
type UpdateGroupInput struct {
	GroupName             string                 `json:",omitempty"`
	GroupARN              string                 `json:",omitempty"`
	FilterExpression      *string                `json:",omitempty"`
	InsightsConfiguration *InsightsConfiguration `json:",omitempty"`
}

// UpdateGroup changes a group's filter expression or insights
// configuration.
func (s *Service) UpdateGroup(ctx context.Context, in UpdateGroupInput) (GroupOutput, error) {
	sc, err := s.enter(ctx, "UpdateGroup")
	if err != nil {
		return GroupOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GroupOutput, error) {
		g, err := p.groupOf(GroupRef{in.GroupName, in.GroupARN})
		if err != nil {
			return GroupOutput{}, err
		}
		if g.GroupName == defaultGroupName {
			return GroupOutput{}, errInvalid("The Default group cannot be updated")
		}
		next := *copyGroup(g)
		if in.FilterExpression != nil {
			if _, err := parseFilter(*in.FilterExpression, p.groupLookup()); err != nil {
				return GroupOutput{}, err
			}
			next.FilterExpression = *in.FilterExpression
		}
		if in.InsightsConfiguration != nil {
			merged := *next.InsightsConfiguration
			if in.InsightsConfiguration.InsightsEnabled != nil {
				merged.InsightsEnabled = in.InsightsConfiguration.InsightsEnabled
			}
			if in.InsightsConfiguration.NotificationsEnabled != nil {
				merged.NotificationsEnabled = in.InsightsConfiguration.NotificationsEnabled
			}
			if next.InsightsConfiguration, err = insights(&merged); err != nil {
				return GroupOutput{}, err
			}
		}
		*g = next
		return GroupOutput{Group: copyGroup(g)}, nil
	})
}

// DeleteGroup deletes a group by name or ARN.
func (s *Service) DeleteGroup(ctx context.Context, in GroupRef) (struct{}, error) {
	sc, err := s.enter(ctx, "DeleteGroup")
	if err != nil {
		return struct{}{}, err
	}
	return locked(s, sc, func(p *partition) (struct{}, error) {
		g, err := p.groupOf(in)
		if err != nil {
			return struct{}{}, err
		}
		if g.GroupName == defaultGroupName {
			return struct{}{}, errInvalid("The Default group cannot be deleted")
		}
		delete(p.groups, g.GroupName)
		delete(p.tags, g.GroupARN)
		return struct{}{}, nil
	})
}
