package eventbridge

// ConnectionAuthParameters are a connection's credentials and the HTTP
// parameters it adds to every invocation. Describe answers them without
// the secrets (ApiKeyValue, Password, ClientSecret and secret values).
type ConnectionAuthParameters struct {
	ApiKeyAuthParameters     *APIKeyAuthParameters `json:",omitempty"`
	BasicAuthParameters      *BasicAuthParameters  `json:",omitempty"`
	OAuthParameters          *OAuthParameters      `json:",omitempty"`
	InvocationHttpParameters *HTTPParameters       `json:",omitempty"`
}

// APIKeyAuthParameters send a key as a header.
type APIKeyAuthParameters struct {
	ApiKeyName  string
	ApiKeyValue string `json:",omitempty"`
}

// BasicAuthParameters send a Basic Authorization header.
type BasicAuthParameters struct {
	Username string
	Password string `json:",omitempty"`
}

// OAuthParameters fetch a client-credentials token.
type OAuthParameters struct {
	AuthorizationEndpoint string
	HttpMethod            string
	ClientParameters      *OAuthClientParameters `json:",omitempty"`
	OAuthHttpParameters   *HTTPParameters        `json:",omitempty"`
}

// OAuthClientParameters are the OAuth client's id and secret.
type OAuthClientParameters struct {
	ClientID     string
	ClientSecret string `json:",omitempty"`
}

// HTTPParameters are headers, query string and body parameters.
type HTTPParameters struct {
	HeaderParameters      []HTTPParameter `json:",omitempty"`
	QueryStringParameters []HTTPParameter `json:",omitempty"`
	BodyParameters        []HTTPParameter `json:",omitempty"`
}

// HTTPParameter is one key and value; a secret value is never described.
type HTTPParameter struct {
	Key           string
	Value         string `json:",omitempty"`
	IsValueSecret bool   `json:",omitempty"`
}

// public is p without its secrets. A nil p stays nil.
func (p *ConnectionAuthParameters) public() *ConnectionAuthParameters {
	if p == nil {
		return nil
	}
	out := &ConnectionAuthParameters{InvocationHttpParameters: p.InvocationHttpParameters.public()}
	if k := p.ApiKeyAuthParameters; k != nil {
		out.ApiKeyAuthParameters = &APIKeyAuthParameters{ApiKeyName: k.ApiKeyName}
	}
	if b := p.BasicAuthParameters; b != nil {
		out.BasicAuthParameters = &BasicAuthParameters{Username: b.Username}
	}
	if o := p.OAuthParameters; o != nil {
		oo := &OAuthParameters{AuthorizationEndpoint: o.AuthorizationEndpoint, HttpMethod: o.HttpMethod,
			OAuthHttpParameters: o.OAuthHttpParameters.public()}
		if o.ClientParameters != nil {
			oo.ClientParameters = &OAuthClientParameters{ClientID: o.ClientParameters.ClientID}
		}
		out.OAuthParameters = oo
	}
	return out
}

func (h *HTTPParameters) public() *HTTPParameters {
	if h == nil {
		return nil
	}
	return &HTTPParameters{HeaderParameters: publicParams(h.HeaderParameters),
		QueryStringParameters: publicParams(h.QueryStringParameters), BodyParameters: publicParams(h.BodyParameters)}
}

func publicParams(ps []HTTPParameter) []HTTPParameter {
	var out []HTTPParameter
	for _, p := range ps {
		if p.IsValueSecret {
			p.Value = ""
		}
		out = append(out, p)
	}
	return out
}

// merge is p updated with the members u sets (UpdateConnection): a secret
// left out keeps its value.
func (p ConnectionAuthParameters) merge(u *ConnectionAuthParameters) ConnectionAuthParameters {
	if u == nil {
		return p
	}
	if k := u.ApiKeyAuthParameters; k != nil {
		n := *k
		if n.ApiKeyValue == "" && p.ApiKeyAuthParameters != nil {
			n.ApiKeyValue = p.ApiKeyAuthParameters.ApiKeyValue
		}
		p.ApiKeyAuthParameters = &n
	}
	if b := u.BasicAuthParameters; b != nil {
		n := *b
		if n.Password == "" && p.BasicAuthParameters != nil {
			n.Password = p.BasicAuthParameters.Password
		}
		p.BasicAuthParameters = &n
	}
	if u.OAuthParameters != nil {
		p.OAuthParameters = u.OAuthParameters
	}
	if u.InvocationHttpParameters != nil {
		p.InvocationHttpParameters = u.InvocationHttpParameters
	}
	return p
}
