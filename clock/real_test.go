package clock_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
)

func TestReal_TimerAtAndAfterFuncAtFire(t *testing.T) {
	c := clock.Real()
	start := c.Now()
	tm := c.TimerAt(start.Add(time.Millisecond))
	at := <-tm.C()
	assert.False(t, at.Before(start.Add(time.Millisecond)), "fires no earlier than its instant")
	assert.False(t, tm.Stop(), "a fired timer does not stop")

	ran := make(chan struct{})
	ft := c.AfterFuncAt(c.Now().Add(time.Millisecond), func() { close(ran) })
	assert.Nil(t, ft.C(), "a func timer has no channel")
	<-ran

	stopped := c.AfterFuncAt(c.Now().Add(time.Hour), func() { t.Error("stopped timer fired") })
	assert.True(t, stopped.Stop())

	past := c.TimerAt(c.Now().Add(-time.Hour))
	<-past.C() // a past instant fires at once
}

func TestReal_IsVirtualInsideSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := clock.Real()
		start := c.Now()

		tm := c.TimerAt(start.Add(20 * time.Second))
		at := <-tm.C()
		assert.Equal(t, start.Add(20*time.Second), at)
		assert.Equal(t, 20*time.Second, clock.Since(c, start), "the bubble's virtual time passed exactly")

		var ranAt time.Time
		c.AfterFuncAt(c.Now().Add(time.Hour), func() { ranAt = c.Now() })
		time.Sleep(2 * time.Hour) // virtual
		synctest.Wait()
		require.False(t, ranAt.IsZero())
		assert.Equal(t, start.Add(20*time.Second+time.Hour), ranAt)
	})
}
