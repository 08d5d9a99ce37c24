package route53

import "net/http"

func wireChangeTags(s *Service, c *call) error {
	var in ChangeTagsForResourceInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.ResourceType, in.ResourceId = c.label("ResourceType"), c.label("ResourceId")
	if err := s.ChangeTagsForResource(c.ctx(), in); err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ChangeTagsForResourceResponse", struct{}{})
}

func wireListTags(s *Service, c *call) error {
	out, err := s.ListTagsForResource(c.ctx(), ListTagsForResourceInput{ResourceType: c.label("ResourceType"), ResourceId: c.label("ResourceId")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListTagsForResourceResponse", out)
}

func wireListTagsForResources(s *Service, c *call) error {
	var in ListTagsForResourcesInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.ResourceType = c.label("ResourceType")
	out, err := s.ListTagsForResources(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListTagsForResourcesResponse", out)
}
