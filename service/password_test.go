package service

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	cases := []struct {
		pw     string
		number int32 // 0 = accepted
	}{
		{"Passw0rd", 0},
		{"yourStrong(!)Password", 0},
		{"ABCdef12", 0},
		{"abc!1234", 0}, // lower, symbol, digit
		{"ABC!DEFG", 0}, // upper and symbol only: two classes
		{"Short1!", 33062},
		{"password", 33064},
		{"Password", 33064},
		{"12345678", 33064},
		{"PASSWORD1", 33064},
		{strings.Repeat("Aa1!", 33), 33063},
	}
	cases[4].number = 33064
	for _, tc := range cases {
		err := CheckPassword(tc.pw, "sa")
		if tc.number == 0 {
			if err != nil {
				t.Errorf("%q refused: %v", tc.pw, err)
			}
			continue
		}
		var pe *PasswordError
		if !errors.As(err, &pe) || pe.Number != tc.number {
			t.Errorf("%q: err %v, want %d", tc.pw, err, tc.number)
		}
	}
	if err := CheckPassword("Xmylogin1!", "mylogin"); err == nil {
		t.Error("password containing the login name accepted")
	}
	err := SAPasswordError(CheckPassword("weakpass", "sa"))
	want := "ERROR: Unable to set system administrator password: Password validation failed. The password does not meet SQL Server password policy requirements because it is not complex enough. The password must be at least 8 characters long and contain characters from three of the following four sets: Uppercase letters, Lowercase letters, Base 10 digits, and Symbols.."
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
	short := CheckPassword("a", "sa").Error()
	if short != "Password validation failed. The password does not meet SQL Server password policy requirements because it is too short. The password must be at least 8 characters." {
		t.Errorf("too short: %q", short)
	}
	for i := 0; i < 50; i++ {
		if p := GeneratePassword(); CheckPassword(p, "sa") != nil {
			t.Fatalf("generated %q fails the policy", p)
		}
	}
}

func TestApplyEnvironment(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, _ := ParseConfig(nil, "")
	fs, err := ApplyEnvironment(c, env(map[string]string{
		"MSSQL_SA_PASSWORD": "yourStrong(!)Password", "MSSQL_PID": "express",
		"MSSQL_TCP_PORT": "1401", "MSSQL_LCID": "1036", "MSSQL_COLLATION": "French_CI_AS",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if fs.SAPassword != "yourStrong(!)Password" || fs.Generated {
		t.Errorf("sa password %+v", fs)
	}
	for k, want := range map[string]string{"sqlserver.edition": "Express", "network.tcpport": "1401", "language.lcid": "1036", "sqlserver.collation": "French_CI_AS"} {
		if got := c.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if _, err := ApplyEnvironment(c, env(map[string]string{"MSSQL_SA_PASSWORD": "weak"})); err == nil || !strings.HasPrefix(err.Error(), "ERROR: Unable to set system administrator password: Password validation failed.") {
		t.Errorf("weak password: %v", err)
	}
	_, err = ApplyEnvironment(c, env(map[string]string{"MSSQL_PID": "Web"}))
	if err == nil || !strings.HasPrefix(err.Error(), "MSSQL_PID: ") || !strings.Contains(err.Error(), "Evaluation") {
		t.Errorf("bad PID: %v", err)
	}
	_, err = ApplyEnvironment(c, env(map[string]string{"MSSQL_TCP_PORT": "http"}))
	if err == nil || !strings.HasPrefix(err.Error(), "MSSQL_TCP_PORT: ") {
		t.Errorf("bad port: %v", err)
	}
	fs, err = ApplyEnvironment(c, env(nil))
	if err != nil || !fs.Generated || CheckPassword(fs.SAPassword, "sa") != nil {
		t.Errorf("generated: %+v %v", fs, err)
	}
	if EditionName("EnterpriseCore") != "Enterprise Edition: Core-based Licensing (64-bit)" || EditionName("developer") != "Developer Edition (64-bit)" {
		t.Error("edition names")
	}
}
