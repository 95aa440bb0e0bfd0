package proc

import "time"

// untilTimeOfDay is how long WAITFOR TIME waits from now for the next
// occurrence of the time of day tod (today, or tomorrow once it passed).
func untilTimeOfDay(now time.Time, tod time.Duration) time.Duration {
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	at := midnight.Add(tod)
	if !at.After(now) {
		at = at.AddDate(0, 0, 1)
	}
	return at.Sub(now)
}
