package s3

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// xsiNS is the XML Schema instance namespace S3's grantees type
// themselves with (xsi:type="CanonicalUser").
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// xmlNode is an XML element of a configuration S3 stores and returns as
// it was sent: its name, attributes, text and children, namespaces
// dropped (S3's documents are all in one).
type xmlNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []xmlNode  `xml:",any"`
}

// parseDocument reads an XML document whose root is named root into a tree,
// or MalformedXML.
func parseDocument(data []byte, root string) (xmlNode, error) {
	var n xmlNode
	if err := xml.Unmarshal(data, &n); err != nil || n.XMLName.Local != root {
		return xmlNode{}, malformedXML()
	}
	n.normalize()
	return n, nil
}

// normalize drops namespaces, keeps xsi:type as written, and drops the
// blanks between child elements.
func (n *xmlNode) normalize() {
	n.XMLName.Space = ""
	attrs := n.Attrs[:0]
	typed := false
	for _, a := range n.Attrs {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Local == "xmlns":
			continue
		case a.Name.Space == xsiNS:
			a.Name = xml.Name{Local: "xsi:" + a.Name.Local}
			typed = true
		}
		attrs = append(attrs, a)
	}
	if typed {
		attrs = append(attrs, xml.Attr{Name: xml.Name{Local: "xmlns:xsi"}, Value: xsiNS})
	}
	n.Attrs = attrs
	if len(n.Nodes) > 0 {
		n.Text = ""
	}
	for i := range n.Nodes {
		n.Nodes[i].normalize()
	}
}

// child returns the text of the first child named name, "" if none.
func (n xmlNode) child(name string) string {
	if c := n.find(name); c != nil {
		return strings.TrimSpace(c.Text)
	}
	return ""
}

// find returns the first child named name.
func (n *xmlNode) find(name string) *xmlNode {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == name {
			return &n.Nodes[i]
		}
	}
	return nil
}

// count counts the children named name.
func (n xmlNode) count(name string) int {
	c := 0
	for _, x := range n.Nodes {
		if x.XMLName.Local == name {
			c++
		}
	}
	return c
}

// encode writes the tree back as XML, S3's namespace on its root when
// top.
func (n xmlNode) encode(top bool) string {
	if top {
		n.Attrs = append([]xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: xmlns}}, n.Attrs...)
	}
	var buf bytes.Buffer
	_ = xml.NewEncoder(&buf).Encode(n) // a parsed tree always encodes
	return buf.String()
}
