package msgs

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs/internal/catgen"
)

// TestGeneratedIsCurrent regenerates the catalogue in memory and compares it
// with the committed catalogue_gen.go byte for byte.
func TestGeneratedIsCurrent(t *testing.T) {
	rows, err := catgen.Read("messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := catgen.Render(rows)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("catalogue_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("catalogue_gen.go is stale: run go generate ./sql/msgs")
	}
}

// TestGeneratedMatchesData fails when messages.tsv was edited without
// running `go generate ./sql/msgs`.
func TestGeneratedMatchesData(t *testing.T) {
	f, err := os.Open("messages.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kinds := map[string]Kind{"msg": KindMessage, "os": KindOS, "sni": KindSNI, "provider": KindProvider, "context": KindContext, "conn": KindConn}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	rows := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		cols := strings.Split(line, "\t")
		cols = append(cols[:3], cols[4:]...) // drop the state column
		n, _ := strconv.Atoi(cols[1])
		e, ok := LookupKind(kinds[cols[0]], int32(n))
		if !ok {
			t.Errorf("%s %d in messages.tsv but not generated", cols[0], n)
			continue
		}
		unesc := strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t")
		if e.English != unesc.Replace(cols[5]) || (len(cols) > 6 && e.French != unesc.Replace(cols[6])) {
			t.Errorf("%s %d: generated text differs from messages.tsv; run go generate", cols[0], n)
		}
		if cols[2] != "" && strconv.Itoa(int(e.Severity)) != cols[2] {
			t.Errorf("%s %d: severity %d, data %s", cols[0], n, e.Severity, cols[2])
		}
	}
	if rows != len(catalogue) {
		t.Errorf("messages.tsv has %d rows, catalogue %d; run go generate", rows, len(catalogue))
	}
	for i := 1; i < len(catalogue); i++ {
		a, b := catalogue[i-1], catalogue[i]
		if a.Kind > b.Kind || (a.Kind == b.Kind && a.Number >= b.Number) {
			t.Fatalf("catalogue not sorted at %d", i)
		}
	}
}

// specifiers lists the conversions of a format in order, so the English and
// French texts of one message take the same arguments.
func specifiers(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '%' {
			i = j
			continue
		}
		for j < len(s) && strings.IndexByte("-+0 #*.0123456789hlI6", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] == 'S' {
			for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			out = append(out, s[i:j])
			i = j - 1
			continue
		}
		if j < len(s) {
			out = append(out, s[i:j+1])
		}
		i = j
	}
	return out
}

func TestFrenchTakesSameArguments(t *testing.T) {
	for _, k := range []Kind{KindMessage, KindContext, KindOS, KindSNI} {
		for _, e := range All(k) {
			if e.French == "" {
				continue
			}
			en, fr := specifiers(e.English), specifiers(e.French)
			if strings.Join(en, ",") != strings.Join(fr, ",") {
				t.Errorf("%v %d: English takes %v, French %v", k, e.Number, en, fr)
			}
		}
	}
}

// The messages the engine, server and client need (the team brief's list).
var required = []int32{102, 103, 105, 106, 111, 134, 137, 141, 145, 147, 156, 170, 174, 178, 189,
	195, 201, 206, 207, 208, 209, 213, 220, 229, 230, 232, 241, 242, 245, 257, 262, 266, 273, 295,
	306, 313, 402, 403, 408, 448, 468, 515, 529, 544, 547, 1013, 1205, 1222, 1505, 1801, 1802, 1807,
	1902, 1911, 1913, 2627, 2601, 2628, 2705, 2714, 2745, 2812, 3621, 3701, 3726, 3728, 3902, 3903, 3906,
	3908, 3910, 3930, 3960, 4060, 4064, 4104, 4145, 4901, 5701, 5703, 6401, 8101, 8102, 8114, 8115,
	8116, 8117, 8120, 8134, 8144, 8145, 8152, 8162, 8178, 8179, 15007, 15023, 15025, 15151, 15247,
	17142, 17809, 17810, 18456, 18401, 18461, 18470, 18486, 17187, 17188, 50000, 2786, 2787}

func TestRequiredMessages(t *testing.T) {
	for _, n := range required {
		e, ok := Lookup(n)
		if !ok {
			t.Errorf("message %d missing", n)
			continue
		}
		if e.English == "" || e.French == "" {
			t.Errorf("message %d lacks a text (en %q fr %q)", n, e.English, e.French)
		}
		if e.Severity > 25 {
			t.Errorf("message %d severity %d", n, e.Severity)
		}
	}
	for _, n := range []int32{2, 53, 64, 233, 258, 10053, 10054, 10060, 10061, 11001} {
		if _, ok := LookupKind(KindOS, n); !ok {
			t.Errorf("OS error %d missing", n)
		}
	}
	for _, n := range []int32{26, 28, 31, 40} {
		if _, ok := LookupKind(KindSNI, n); !ok {
			t.Errorf("SNI error %d missing", n)
		}
	}
	for _, n := range []int32{10061, 10060, 10054, 11001, 53, 2, 233, -1, -2} {
		e, ok := LookupKind(KindConn, n)
		if !ok || e.ExplainEN == "" || e.ActionEN == "" || e.ExplainFR == "" || e.ActionFR == "" {
			t.Errorf("connection error %d documentation missing: %+v", n, e)
		}
	}
}

func TestKnownTexts(t *testing.T) {
	cases := []struct {
		n    int32
		sev  uint8
		lang string
		args []any
		want string
	}{
		{207, 16, "us_english", []any{"c"}, "Invalid column name 'c'."},
		{208, 16, "", []any{"dbo.t"}, "Invalid object name 'dbo.t'."},
		{137, 15, "us_english", []any{"@x"}, `Must declare the scalar variable "@x".`},
		{2714, 16, "us_english", []any{"t"}, "There is already an object named 't' in the database."},
		{2812, 16, "us_english", []any{"p"}, "Could not find stored procedure 'p'."},
		{4104, 16, "us_english", []any{"a.b"}, `The multi-part identifier "a.b" could not be bound.`},
		{8134, 16, "us_english", nil, "Divide by zero error encountered."},
		{3621, 0, "us_english", nil, "The statement has been terminated."},
		{18456, 14, "us_english", []any{"sa", "", ""}, "Login failed for user 'sa'."},
		{18456, 14, "Français", []any{"sa", "", ""}, "Échec de l'ouverture de session de l'utilisateur 'sa'."},
		{18456, 14, "French", []any{"sa", "", ""}, "Échec de l'ouverture de session de l'utilisateur 'sa'."},
		{4060, 11, "Français", []any{"BASE_X"}, `Impossible d'ouvrir la base de données "BASE_X" demandée par la connexion. La connexion a échoué.`},
		{102, 15, "Français", []any{"1"}, "Syntaxe incorrecte vers '1'."},
		{2627, 14, "Français", []any{"PRIMARY KEY", "pk_stars", "dbo.stars", "(1)"}, "Violation de la contrainte PRIMARY KEY « pk_stars ». Impossible d'insérer une clé en double dans l'objet « dbo.stars ». Valeur de clé dupliquée : (1)."},
		{2627, 14, "us_english", []any{"PRIMARY KEY", "PK_t", "dbo.t", "(1)"}, "Violation of PRIMARY KEY constraint 'PK_t'. Cannot insert duplicate key in object 'dbo.t'. The duplicate key value is (1)."},
		{515, 16, "Français", []any{"year", "dbmovie.dbo.movies", "INSERT"}, "Impossible d'insérer la valeur NULL dans la colonne 'year', table 'dbmovie.dbo.movies'. Cette colonne n'accepte pas les valeurs NULL. Échec de INSERT."},
		{245, 16, "Français", []any{"varchar", "deux mille cinq", "smallint"}, "Échec de la conversion de la valeur varchar 'deux mille cinq' en type de données smallint."},
		{5701, 0, "us_english", []any{"master"}, "Changed database context to 'master'."},
		{1205, 13, "us_english", []any{53, "lock"}, "Transaction (Process ID 53) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction."},
		{17809, 20, "us_english", []any{5, ""}, "Could not connect because the maximum number of '5' user connections has already been reached. The system administrator can use sp_configure to increase the maximum value. The connection has been closed."},
		{50000, 16, "us_english", []any{"custom"}, "custom"},
	}
	for _, c := range cases {
		e := NewLang(c.lang, c.n, c.args...)
		if e.Text != c.want || e.Severity != c.sev || e.State != 1 || e.Number != c.n {
			t.Errorf("NewLang(%q, %d) = %d/%d/%d %q, want sev %d %q", c.lang, c.n, e.Number, e.Severity, e.State, e.Text, c.sev, c.want)
		}
	}
}

func TestNewVariants(t *testing.T) {
	e := NewState(18456, 8, "sa", "", "")
	if e.State != 8 || e.Severity != 14 {
		t.Fatalf("%+v", e)
	}
	if !New(5701, "x").IsInfo() || New(208, "x").IsInfo() {
		t.Fatal("IsInfo")
	}
	u := New(99999999)
	if u.Severity != 16 || !strings.Contains(u.Text, "99999999") {
		t.Fatalf("unknown number: %+v", u)
	}
	if got := Text("Français", 8134); got != "Erreur de division par zéro rencontrée." {
		t.Fatalf("Text FR: %q", got)
	}
	if got := Text("klingon", 8134); got != "Divide by zero error encountered." {
		t.Fatalf("Text fallback: %q", got)
	}
	if Text("us_english", 1) != "" {
		t.Fatal("Text of a missing number should be empty")
	}
	e2 := New(208, "t").WithLine(3).WithProc("p")
	if e2.Line != 3 || e2.Proc != "p" {
		t.Fatal("WithLine/WithProc")
	}
	if e := NewTypical(2714, "t"); e.State != 6 || e.Severity != 16 {
		t.Fatalf("NewTypical 2714: %+v", e)
	}
	if e := NewTypical(208, "t"); e.State != 1 {
		t.Fatalf("NewTypical 208: %+v", e)
	}
	if e := NewTypical(547, "INSERT", "FOREIGN KEY", "fk", "db", "dbo.t", ", column '", "c", "'"); e.State != 0 ||
		e.Text != `The INSERT statement conflicted with the FOREIGN KEY constraint "fk". The conflict occurred in database "db", table "dbo.t", column 'c'.` {
		t.Fatalf("NewTypical 547: %+v", e)
	}
	if NewIn(French, 208, 2, "t").Text != "Nom d'objet 't' non valide." {
		t.Fatal("NewIn")
	}
	// French falls back to English when the catalogue has no French text.
	if en, _ := LookupKind(KindSNI, 47); en.Text(French) != en.English {
		t.Fatal("fallback")
	}
}

func TestParseLang(t *testing.T) {
	for _, s := range []string{"us_english", "English", "", "en-US"} {
		if l, ok := ParseLang(s); !ok || l != English {
			t.Errorf("%q", s)
		}
	}
	for _, s := range []string{"Français", "français", "French", "francais", "fr-FR"} {
		if l, ok := ParseLang(s); !ok || l != French {
			t.Errorf("%q", s)
		}
	}
	if _, ok := ParseLang("Deutsch"); ok {
		t.Error("Deutsch")
	}
	if French.Name() != "Français" || English.Name() != "us_english" || French.MsgLangID() != 1036 || English.LangID() != 0 || French.Alias() != "French" {
		t.Error("names")
	}
}
