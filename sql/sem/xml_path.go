package sem

import "strings"

// FuncXMLPathText is xml.value('(/a/b)[1]', type) for an absolute path of
// element names: the text of the first element at that path (NULL when
// none). Its second argument holds the steps joined by '/'. It serves the
// EVENTDATA() idiom of DDL triggers; general XQuery is not implemented.
const FuncXMLPathText = "XML_PATH_TEXT"

// xmlElementPath recognises (/a/b)[1], (/a/b/text())[1], /a[1]/b[1] (spaces
// removed) and returns "a/b".
func xmlElementPath(p string) (string, bool) {
	if strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")[1]") {
		p = p[1 : len(p)-4]
	}
	p = strings.TrimSuffix(p, "/text()")
	p = strings.ReplaceAll(p, "[1]", "")
	if !strings.HasPrefix(p, "/") || len(p) < 2 {
		return "", false
	}
	steps := strings.Split(p[1:], "/")
	for _, st := range steps {
		if st == "" {
			return "", false
		}
		for i, r := range st {
			if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '-' || r == '.')) {
				return "", false
			}
		}
	}
	return strings.Join(steps, "/"), true
}
