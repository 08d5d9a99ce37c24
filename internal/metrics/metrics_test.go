package metrics

import (
	"testing"
	"time"
)

func TestRecorder_AddSetDrain(t *testing.T) {
	r := NewRecorder()
	k := Key{Namespace: "AWS/SQS", Name: "NumberOfMessagesSent", Dims: Dims1("QueueName", "q"), Minute: 60}
	r.Add(k, 2)
	r.Add(k, 5)
	g := k
	g.Name = "ApproximateNumberOfMessagesVisible"
	r.Set(g, 3)
	r.Set(g, 4)
	got := map[string]Stat{}
	r.Drain(func(k Key, s Stat) { got[k.Name] = s })
	if s := got["NumberOfMessagesSent"]; s.N != 2 || s.Sum != 7 || s.Min != 2 || s.Max != 5 {
		t.Errorf("counter %+v", s)
	}
	if s := got["ApproximateNumberOfMessagesVisible"]; s.N != 1 || s.Sum != 4 || !s.Gauge {
		t.Errorf("gauge %+v", s)
	}
	n := 0
	r.Drain(func(Key, Stat) { n++ })
	if n != 0 {
		t.Errorf("drained twice")
	}
	var none *Recorder
	none.Add(k, 1)
	none.Set(k, 1)
	none.Drain(func(Key, Stat) { t.Error("nil recorder drained") })
	if Minute(time.Unix(125, 0)) != 120 {
		t.Error("Minute")
	}
}

func BenchmarkRecorder_Add(b *testing.B) {
	r := NewRecorder()
	k := Key{Namespace: "AWS/SQS", Name: "NumberOfMessagesSent", Dims: Dims1("QueueName", "q")}
	b.ReportAllocs()
	for b.Loop() {
		r.Add(k, 1)
	}
}

func TestSeries_MinutesAndDrain(t *testing.T) {
	r := NewRecorder()
	s := r.Series(Key{Namespace: "AWS/SQS", Name: "NumberOfMessagesSent"})
	s.Add(60, 1)
	s.Add(60, 2)
	s.Add(120, 5) // a new minute flushes the last
	g := r.Series(Key{Name: "gauge"})
	g.Set(60, 3)
	g.Set(60, 4)
	got := map[int64]Stat{}
	r.Drain(func(k Key, st Stat) {
		if k.Name == "gauge" {
			if st.Sum != 4 || !st.Gauge {
				t.Errorf("gauge %+v", st)
			}
			return
		}
		got[k.Minute] = st
	})
	if got[60].N != 2 || got[60].Sum != 3 || got[120].Sum != 5 {
		t.Errorf("%+v", got)
	}
	s.Add(120, 1) // after a drain, the same minute again
	r.Drain(func(k Key, st Stat) {
		if st.Sum != 1 {
			t.Errorf("%+v", st)
		}
	})
	var none *Series
	none.Add(1, 1)
}

func BenchmarkSeries_Add(b *testing.B) {
	s := NewRecorder().Series(Key{Namespace: "AWS/SQS", Name: "NumberOfMessagesSent", Dims: Dims1("QueueName", "q")})
	b.ReportAllocs()
	for b.Loop() {
		s.Add(60, 1)
	}
}
