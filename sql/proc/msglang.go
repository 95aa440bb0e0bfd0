package proc

import (
	"regexp"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Messages are built in English where they are raised (msgs.New); a session
// whose language is Français gets them re-rendered from the catalogue's
// French text. The arguments are recovered by matching the English text
// against its template, so the call sites need not know the language.

// printfSpec matches one printf-style specification of a message template.
var printfSpec = regexp.MustCompile(`%%|%[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:I64|ll|l|h)?[diouxXsScpeEfgG]`)

// enMatchers caches, per message number, the regexp recovering the
// arguments from the English text (nil when the template has none).
var enMatchers sync.Map // int32 → *regexp.Regexp

func enMatcher(number int32, tmpl string) *regexp.Regexp {
	if r, ok := enMatchers.Load(number); ok {
		return r.(*regexp.Regexp)
	}
	var b strings.Builder
	b.WriteString(`(?s)^`)
	last := 0
	for _, loc := range printfSpec.FindAllStringIndex(tmpl, -1) {
		b.WriteString(regexp.QuoteMeta(tmpl[last:loc[0]]))
		if tmpl[loc[0]:loc[1]] == "%%" {
			b.WriteString("%")
		} else {
			b.WriteString(`(.*?)`)
		}
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(tmpl[last:]))
	b.WriteString(`$`)
	r, err := regexp.Compile(b.String())
	if err != nil {
		r = nil
	}
	enMatchers.Store(number, r)
	return r
}

// localize rewrites e's text in the session language when the catalogue
// holds a translation and e's text is the catalogue's English rendering.
func (s *Session) localize(e *msgs.Error) {
	if msgs.ParseLangDefault(s.opts.Language) != msgs.French || e.Number == 0 || e.Number >= 50000 {
		return
	}
	if fr := translate(e.Number, e.Text); fr != "" {
		e.Text = fr
	}
}

// translate returns the French text of message number whose English
// rendering is text, or "".
func translate(number int32, text string) string {
	ent, ok := msgs.Lookup(number)
	if !ok || ent.French == "" {
		return ""
	}
	r := enMatcher(number, ent.English)
	if r == nil {
		return ""
	}
	m := r.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	args := m[1:]
	i := 0
	return printfSpec.ReplaceAllStringFunc(ent.French, func(spec string) string {
		if spec == "%%" {
			return "%"
		}
		if i >= len(args) {
			return ""
		}
		i++
		return args[i-1]
	})
}
