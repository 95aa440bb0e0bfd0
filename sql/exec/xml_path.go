package exec

import (
	"encoding/xml"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

func init() {
	registerEval(evalXMLPathText, sem.FuncXMLPathText)
}

// evalXMLPathText returns the text content of the first element at the
// absolute path args[1] ("a/b") of the xml args[0], NULL when absent.
func evalXMLPathText(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	want := strings.Split(args[1].S, "/")
	d := xml.NewDecoder(strings.NewReader(args[0].S))
	d.Strict = false
	depth, matched := 0, 0 // matched: how many leading steps the open elements match
	var text strings.Builder
	inside := -1 // depth of the element whose text is being read
	for {
		tok, err := d.Token()
		if err != nil {
			if inside >= 0 {
				return types.StringValue(text.String()), nil
			}
			return types.Null, nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if inside < 0 && matched == depth && depth < len(want) && t.Name.Local == want[depth] {
				matched++
				if matched == len(want) {
					inside = depth + 1
				}
			}
			depth++
		case xml.EndElement:
			if inside == depth {
				return types.StringValue(text.String()), nil
			}
			depth--
			if matched > depth {
				matched = depth
			}
		case xml.CharData:
			if inside >= 0 {
				text.Write(t)
			}
		}
	}
}
