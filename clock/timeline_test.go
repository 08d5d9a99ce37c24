package clock_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/clock"
)

func TestTimeline_StartsAtTheWallClockAndMovesWithTheFake(t *testing.T) {
	fake := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	before := time.Now()
	tl := clock.NewTimeline(fake)
	after := time.Now()
	now := tl.Now()
	assert.False(t, now.Before(before) || now.After(after), "it starts at the wall time it was made")
	fake.Advance(16 * time.Minute)
	assert.Equal(t, now.Add(16*time.Minute), tl.Now(), "and moves with the fake clock only")
}

func TestTimeline_OfTheRealClockIsTheWallClock(t *testing.T) {
	tl := clock.NewTimeline(clock.Real())
	assert.WithinDuration(t, time.Now(), tl.Now(), time.Minute)
}
