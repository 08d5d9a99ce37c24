package apigw

type domainName struct{}

// DomainNameAccessAssociation is a placeholder.
type DomainNameAccessAssociation struct{}
