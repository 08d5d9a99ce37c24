package apigw

import (
	"context"
	"slices"
	"strings"
)

// SdkType is an SDK type GetSdkTypes lists.
type SdkType struct {
	ID                      string                     `json:"id"`
	FriendlyName            string                     `json:"friendlyName"`
	Description             string                     `json:"description"`
	ConfigurationProperties []SdkConfigurationProperty `json:"configurationProperties"`
}

// SdkConfigurationProperty is a parameter of an SDK type.
type SdkConfigurationProperty struct {
	Name         string `json:"name"`
	FriendlyName string `json:"friendlyName"`
	Required     bool   `json:"required"`
}

// SdkTypeRef names an SDK type by id.
type SdkTypeRef struct{ ID string }

// GetSdkTypesInput is GetSdkTypes' input.
type GetSdkTypesInput struct{ PageInput }

func props(required ...string) []SdkConfigurationProperty {
	out := make([]SdkConfigurationProperty, len(required))
	for i, n := range required {
		out[i] = SdkConfigurationProperty{Name: n, FriendlyName: n, Required: true}
	}
	return out
}

// sdkTypes are the SDK types AWS documents, with the parameters GetSdk
// requires for each: "Currently java, javascript, android, objectivec
// (for iOS), swift (for iOS), and ruby are supported" (api_op_GetSdk.go)
// and "android ... groupId, invokerPackage, artifactId, artifactVersion;
// objectivec and swift ... classPrefix; ruby ... service.name,
// ruby.gem-name" (how-to-generate-sdk-cli.html).
var sdkTypes = []SdkType{
	{ID: "android", FriendlyName: "Android", Description: "Android SDK", ConfigurationProperties: props("groupId", "invokerPackage", "artifactId", "artifactVersion")},
	{ID: "java", FriendlyName: "Java SDK", Description: "Java SDK", ConfigurationProperties: props("service.name", "java.package-name")},
	{ID: "javascript", FriendlyName: "JavaScript", Description: "JavaScript SDK", ConfigurationProperties: props()},
	{ID: "objectivec", FriendlyName: "iOS (Objective-C)", Description: "iOS SDK (Objective-C)", ConfigurationProperties: props("classPrefix")},
	{ID: "ruby", FriendlyName: "Ruby", Description: "Ruby SDK", ConfigurationProperties: props("service.name", "ruby.gem-name")},
	{ID: "swift", FriendlyName: "iOS (Swift)", Description: "iOS SDK (Swift)", ConfigurationProperties: props("classPrefix")},
}

func cloneSdkType(t SdkType) SdkType {
	t.ConfigurationProperties = slices.Clone(t.ConfigurationProperties)
	return t
}

// GetSdkType returns one of AWS's SDK types.
func (s *Service) GetSdkType(ctx context.Context, in SdkTypeRef) (SdkType, error) {
	if _, err := s.enter(ctx, "GetSdkType"); err != nil {
		return SdkType{}, err
	}
	for _, t := range sdkTypes {
		if t.ID == in.ID {
			return cloneSdkType(t), nil
		}
	}
	return SdkType{}, notFound("Invalid SDK type identifier specified")
}

// GetSdkTypes lists AWS's SDK types by id.
func (s *Service) GetSdkTypes(ctx context.Context, in GetSdkTypesInput) (Page[SdkType], error) {
	if _, err := s.enter(ctx, "GetSdkTypes"); err != nil {
		return Page[SdkType]{}, err
	}
	all := make([]SdkType, 0, len(sdkTypes))
	for _, t := range sdkTypes {
		all = append(all, cloneSdkType(t))
	}
	slices.SortFunc(all, func(x, y SdkType) int { return strings.Compare(x.ID, y.ID) })
	return page(all, func(t SdkType) string { return t.ID }, in.PageInput)
}
