package lambda

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"

	"github.com/awsfake/awsfake/internal/faults"
)

var (
	layerName       = regexp.MustCompile(`^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:)?([a-zA-Z0-9-_]{1,140})$`)
	layerVersionARN = regexp.MustCompile(`^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]+)$`)
)

// layer holds the versions of one layer, and the number of the last one
// published, which outlives the versions: a layer whose versions are all
// deleted is kept (ListLayers leaves it out) so that a number is never
// published twice.
type layer struct {
	versions map[int64]*layerVersion
	last     int64
}

type layerVersion struct {
	out      LayerVersion
	codeSize int64
}

// LayerVersionContentInput is a layer's archive: a .zip inline or in S3.
type LayerVersionContentInput struct {
	ZipFile         []byte `json:",omitempty"`
	S3Bucket        string `json:",omitempty"`
	S3Key           string `json:",omitempty"`
	S3ObjectVersion string `json:",omitempty"`
}

// LayerVersionContentOutput describes a layer version's archive.
type LayerVersionContentOutput struct {
	Location   string `json:",omitempty"`
	CodeSha256 string
	CodeSize   int64
}

// LayerVersion describes one version of a layer.
type LayerVersion struct {
	Content                 *LayerVersionContentOutput `json:",omitempty"`
	LayerArn                string
	LayerVersionArn         string
	Description             string   `json:",omitempty"`
	CreatedDate             string   `json:",omitempty"`
	Version                 int64    `json:",omitempty"`
	CompatibleRuntimes      []string `json:",omitempty"`
	CompatibleArchitectures []string `json:",omitempty"`
	LicenseInfo             string   `json:",omitempty"`
}

// PublishLayerVersionInput publishes a new version of a layer.
type PublishLayerVersionInput struct {
	LayerName               string
	Description             string
	Content                 *LayerVersionContentInput
	CompatibleRuntimes      []string
	CompatibleArchitectures []string
	LicenseInfo             string
}

// PublishLayerVersion stores a new version of a layer (numbered from 1).
// Layers are stored and reported, and functions may attach them; their
// content is never run.
func (s *Service) PublishLayerVersion(ctx context.Context, in PublishLayerVersionInput) (LayerVersion, error) {
	sc, err := s.enter(ctx, "PublishLayerVersion")
	if err != nil {
		return LayerVersion{}, err
	}
	name, err := s.layerNameOf(in.LayerName)
	if err != nil {
		return LayerVersion{}, err
	}
	if in.Content == nil {
		return LayerVersion{}, errValidation("content", "null", "Member must not be null")
	}
	code, err := codeOf("PublishLayerVersion", FunctionCode{ZipFile: in.Content.ZipFile, S3Bucket: in.Content.S3Bucket,
		S3Key: in.Content.S3Key, S3ObjectVersion: in.Content.S3ObjectVersion}, "Zip")
	if err != nil {
		return LayerVersion{}, err
	}
	if len(in.CompatibleRuntimes) > 15 {
		return LayerVersion{}, errValidation("compatibleRuntimes", in.CompatibleRuntimes, "Member must have length less than or equal to 15")
	}
	for _, rt := range in.CompatibleRuntimes {
		if !slices.Contains(runtimes, rt) {
			return LayerVersion{}, errValidation("compatibleRuntimes", in.CompatibleRuntimes, "Member must satisfy enum value set")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	part := s.writableLocked(placeOf(sc))
	l := part.layers[name]
	if l == nil {
		l = &layer{versions: map[int64]*layerVersion{}}
		part.layers[name] = l
	}
	l.last++
	layerARN := part.at.arn("layer:" + name)
	v := &layerVersion{codeSize: code.size, out: LayerVersion{
		Content:  &LayerVersionContentOutput{CodeSha256: code.sha, CodeSize: code.size},
		LayerArn: layerARN, LayerVersionArn: layerARN + ":" + strconv.FormatInt(l.last, 10),
		Description: in.Description, CreatedDate: lastModified(s.now()), Version: l.last,
		CompatibleRuntimes: slices.Clone(in.CompatibleRuntimes), CompatibleArchitectures: slices.Clone(in.CompatibleArchitectures),
		LicenseInfo: in.LicenseInfo,
	}}
	l.versions[l.last] = v
	return v.snapshot(), nil
}

func (v *layerVersion) snapshot() LayerVersion {
	out := v.out
	c := *v.out.Content
	out.Content = &c
	out.CompatibleRuntimes = slices.Clone(out.CompatibleRuntimes)
	out.CompatibleArchitectures = slices.Clone(out.CompatibleArchitectures)
	return out
}

// listItem is the version as list operations report it: without Content.
func (v *layerVersion) listItem() LayerVersion {
	out := v.snapshot()
	out.Content = nil
	out.LayerArn = ""
	return out
}

// layerNameOf accepts a layer's name or ARN and returns its name.
func (s *Service) layerNameOf(v string) (string, error) {
	m := layerName.FindStringSubmatch(v)
	if m == nil {
		return "", errValidation("layerName", v, `Member must satisfy regular expression pattern: (arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+`)
	}
	return m[2], nil
}

// layerVersionLocked returns the layer version an ARN names. Layers of other
// accounts cannot exist in the fake and are taken as they are.
func (s *Service) layerVersionLocked(sc faults.Scope, a string) (*layerVersion, error) {
	m := layerVersionARN.FindStringSubmatch(a)
	if m == nil {
		return nil, errValidation("layers", a, `Member must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+`)
	}
	if m[2] != sc.Account || m[1] != sc.Region {
		return &layerVersion{}, nil
	}
	n, _ := strconv.ParseInt(m[4], 10, 64)
	if l := s.layersLocked(sc)[m[3]]; l != nil && l.versions[n] != nil {
		return l.versions[n], nil
	}
	return nil, errInvalid("Layer version %s does not exist.", a)
}

// GetLayerVersionInput names a layer version.
type GetLayerVersionInput struct {
	LayerName     string
	VersionNumber int64
}

// GetLayerVersion returns a layer version.
func (s *Service) GetLayerVersion(ctx context.Context, in GetLayerVersionInput) (LayerVersion, error) {
	sc, err := s.enter(ctx, "GetLayerVersion")
	if err != nil {
		return LayerVersion{}, err
	}
	return s.layerVersion(sc, in)
}

func (s *Service) layerVersion(sc faults.Scope, in GetLayerVersionInput) (LayerVersion, error) {
	name, err := s.layerNameOf(in.LayerName)
	if err != nil {
		return LayerVersion{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if l := s.layersLocked(sc)[name]; l != nil && l.versions[in.VersionNumber] != nil {
		return l.versions[in.VersionNumber].snapshot(), nil
	}
	return LayerVersion{}, errNotFound("The resource you requested does not exist.")
}

// GetLayerVersionByArn returns the layer version an ARN names.
func (s *Service) GetLayerVersionByArn(ctx context.Context, layerVersionArn string) (LayerVersion, error) {
	sc, err := s.enter(ctx, "GetLayerVersionByArn")
	if err != nil {
		return LayerVersion{}, err
	}
	m := layerVersionARN.FindStringSubmatch(layerVersionArn)
	if m == nil || m[2] != sc.Account || m[1] != sc.Region {
		if m == nil {
			return LayerVersion{}, errValidation("arn", layerVersionArn, `Member must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+`)
		}
		return LayerVersion{}, errNotFound("The resource you requested does not exist.")
	}
	n, _ := strconv.ParseInt(m[4], 10, 64)
	return s.layerVersion(sc, GetLayerVersionInput{LayerName: m[3], VersionNumber: n})
}

// DeleteLayerVersion deletes a layer version; deleting one that does not
// exist succeeds, as in AWS. Functions that use it keep it.
func (s *Service) DeleteLayerVersion(ctx context.Context, in GetLayerVersionInput) error {
	sc, err := s.enter(ctx, "DeleteLayerVersion")
	if err != nil {
		return err
	}
	name, err := s.layerNameOf(in.LayerName)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if l := s.layersLocked(sc)[name]; l != nil {
		// The layer stays, empty, so that its next version takes the
		// next number: numbers are never reused (recorded: lambda
		// TestLambdaLayer::test_layer_lifecycle, 1 and 2 deleted, then 3).
		delete(l.versions, in.VersionNumber)
	}
	return nil
}

// ListLayerVersionsInput pages through a layer's versions, optionally only
// those compatible with a runtime or architecture.
type ListLayerVersionsInput struct {
	LayerName              string
	CompatibleRuntime      string
	CompatibleArchitecture string
	Marker                 string
	MaxItems               int32
}

// ListLayerVersionsOutput is one page of versions, newest first.
type ListLayerVersionsOutput struct {
	LayerVersions []LayerVersion
	NextMarker    string `json:",omitempty"`
}

// ListLayerVersions lists a layer's versions, newest first.
func (s *Service) ListLayerVersions(ctx context.Context, in ListLayerVersionsInput) (ListLayerVersionsOutput, error) {
	sc, err := s.enter(ctx, "ListLayerVersions")
	if err != nil {
		return ListLayerVersionsOutput{}, err
	}
	name, err := s.layerNameOf(in.LayerName)
	if err != nil {
		return ListLayerVersionsOutput{}, err
	}
	s.mu.Lock()
	var all []LayerVersion
	if l := s.layersLocked(sc)[name]; l != nil {
		for _, v := range l.versions {
			if v.matches(in.CompatibleRuntime, in.CompatibleArchitecture) {
				all = append(all, v.listItem())
			}
		}
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].Version > all[j].Version })
	items, next, err := page(all, func(v LayerVersion) string { return pad10(strconv.FormatInt(1<<40-v.Version, 10)) },
		in.Marker, in.MaxItems, pageTo50)
	if err != nil {
		return ListLayerVersionsOutput{}, err
	}
	return ListLayerVersionsOutput{LayerVersions: nonNil(items), NextMarker: next}, nil
}

func (v *layerVersion) matches(runtime, arch string) bool {
	return (runtime == "" || slices.Contains(v.out.CompatibleRuntimes, runtime)) &&
		(arch == "" || slices.Contains(v.out.CompatibleArchitectures, arch))
}

// LayersListItem is a layer with its newest matching version.
type LayersListItem struct {
	LayerName             string
	LayerArn              string
	LatestMatchingVersion LayerVersion
}

// ListLayersInput pages through the account's layers.
type ListLayersInput struct {
	CompatibleRuntime      string
	CompatibleArchitecture string
	Marker                 string
	MaxItems               int32
}

// ListLayersOutput is one page of layers.
type ListLayersOutput struct {
	Layers     []LayersListItem
	NextMarker string `json:",omitempty"`
}

// ListLayers lists layers in name order, each with its newest version that
// matches the filters (layers without one are left out).
func (s *Service) ListLayers(ctx context.Context, in ListLayersInput) (ListLayersOutput, error) {
	sc, err := s.enter(ctx, "ListLayers")
	if err != nil {
		return ListLayersOutput{}, err
	}
	s.mu.Lock()
	var all []LayersListItem
	for name, l := range s.layersLocked(sc) {
		var best *layerVersion
		for _, v := range l.versions {
			if v.matches(in.CompatibleRuntime, in.CompatibleArchitecture) && (best == nil || v.out.Version > best.out.Version) {
				best = v
			}
		}
		if best != nil {
			all = append(all, LayersListItem{LayerName: name, LayerArn: best.out.LayerArn, LatestMatchingVersion: best.listItem()})
		}
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].LayerName < all[j].LayerName })
	items, next, err := page(all, func(l LayersListItem) string { return l.LayerName }, in.Marker, in.MaxItems, pageTo50)
	if err != nil {
		return ListLayersOutput{}, err
	}
	return ListLayersOutput{Layers: nonNil(items), NextMarker: next}, nil
}

// layersLocked returns the layers of sc's account in sc's region (nil
// before any was published there).
func (s *Service) layersLocked(sc faults.Scope) map[string]*layer {
	if p := s.partitionLocked(placeOf(sc)); p != nil {
		return p.layers
	}
	return nil
}
