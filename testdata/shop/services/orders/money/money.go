// Package money holds the orders service's rounding rules.
package money

// RoundCents rounds a fractional amount of cents half away from zero.
func RoundCents(cents float64) int64 {
	if cents < 0 {
		return -int64(-cents + 0.5)
	}
	return int64(cents + 0.5)
}
