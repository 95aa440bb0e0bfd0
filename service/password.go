package service

import (
	"crypto/rand"
	"fmt"
	"strings"
	"unicode"
)

// PasswordError is SQL Server's password-policy refusal (33062–33064,
// severity 16, state 2 as CREATE LOGIN reports them).
type PasswordError struct {
	Number int32
	Text   string
}

func (e *PasswordError) Error() string { return e.Text }

// Password policy limits (CHECK_POLICY on Linux, the container's sa rule).
const (
	MinPasswordLength = 8
	MaxPasswordLength = 128
)

// CheckPassword applies SQL Server's password policy: 8 to 128 characters
// from at least three of the four sets (upper case, lower case, digits,
// symbols), and not containing the login name when it is longer than two
// characters (the Windows policy rule SQL Server inherits).
func CheckPassword(password, login string) error {
	n := len([]rune(password))
	if n < MinPasswordLength {
		return &PasswordError{33062, fmt.Sprintf("Password validation failed. The password does not meet SQL Server password policy requirements because it is too short. The password must be at least %d characters.", MinPasswordLength)}
	}
	if n > MaxPasswordLength {
		return &PasswordError{33063, fmt.Sprintf("Password validation failed. The password does not meet SQL Server password policy requirements because it is too long. The password must be at most %d characters.", MaxPasswordLength)}
	}
	var upper, lower, digit, symbol bool
	for _, r := range password {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case unicode.IsLetter(r):
			// Letters without case (CJK …) count as alphabetic but fill none of
			// the case sets, as in the Windows rule.
		default:
			symbol = true
		}
	}
	classes := 0
	for _, b := range []bool{upper, lower, digit, symbol} {
		if b {
			classes++
		}
	}
	if classes < 3 || (len(login) > 2 && strings.Contains(strings.ToLower(password), strings.ToLower(login))) {
		return &PasswordError{33064, "Password validation failed. The password does not meet SQL Server password policy requirements because it is not complex enough. The password must be at least 8 characters long and contain characters from three of the following four sets: Uppercase letters, Lowercase letters, Base 10 digits, and Symbols."}
	}
	return nil
}

// SAPasswordError is the container's refusal line: mssql-conf appends "."
// to the policy message, hence the double period users know.
func SAPasswordError(err error) error {
	return fmt.Errorf("ERROR: Unable to set system administrator password: %s.", err.Error())
}

// GeneratePassword returns a random password that satisfies the policy.
func GeneratePassword() string {
	const (
		up  = "ABCDEFGHJKLMNPQRSTUVWXYZ"
		lo  = "abcdefghijkmnopqrstuvwxyz"
		dig = "23456789"
		sym = "!#%+-.=@^_"
	)
	all := up + lo + dig + sym
	b := make([]byte, 20)
	for {
		rand.Read(b)
		out := make([]byte, len(b))
		for i, x := range b {
			set := all
			switch i {
			case 0:
				set = up
			case 1:
				set = lo
			case 2:
				set = dig
			case 3:
				set = sym
			}
			out[i] = set[int(x)%len(set)]
		}
		if CheckPassword(string(out), "sa") == nil {
			return string(out)
		}
	}
}
