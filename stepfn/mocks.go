package stepfn

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MockConfig is a Step Functions Local mock configuration: test cases per
// state machine, each naming the mocked response of some Task states, and
// the responses by name. A mock file of Step Functions Local reads as it
// is (LoadMocks).
type MockConfig struct {
	StateMachines   map[string]MockStateMachine      `json:"StateMachines"`
	MockedResponses map[string]map[string]MockResult `json:"MockedResponses"`
}

// MockStateMachine is a machine's test cases: for each, the mocked
// response of each state it mocks, by state name.
type MockStateMachine struct {
	TestCases map[string]map[string]string `json:"TestCases"`
}

// MockResult is the answer of one call (or a range of calls: "0", "1-2")
// of a mocked Task: exactly one of Return (the task's result) and Throw.
type MockResult struct {
	Return json.RawMessage `json:"Return,omitempty"`
	Throw  *MockThrow      `json:"Throw,omitempty"`
}

// MockThrow is a mocked task's failure.
type MockThrow struct {
	Error string `json:"Error"`
	Cause string `json:"Cause"`
}

// mockAnswer is one response of a mocked state, for calls from to to.
type mockAnswer struct {
	from, to int
	out      any
	fail     *failure
}

// mockedState is a mocked response, its answers by call.
type mockedState []mockAnswer

// at is the answer of the state's n-th call (0 first); past the last
// range, the last answer again.
func (m mockedState) at(n int) mockAnswer {
	for _, a := range m {
		if n >= a.from && n <= a.to {
			return a
		}
	}
	return m[len(m)-1]
}

// LoadMocks reads a Step Functions Local mock configuration (the JSON of
// its mock file) and uses it from then on (SetMocks).
func (s *Service) LoadMocks(doc []byte) error {
	var cfg MockConfig
	if err := json.Unmarshal(doc, &cfg); err != nil {
		return fmt.Errorf("stepfn: mock configuration: %w", err)
	}
	return s.SetMocks(cfg)
}

// SetMocks replaces the mock configuration. An execution runs a test case
// when it is started with the machine's ARN followed by #<TestCase>, as
// Step Functions Local selects it: its mocked Task states answer the
// mocked responses in order of call, without calling anything; the other
// states run as they would. It fails on a test case naming a response
// that does not exist, a call range that is not "n" or "n-m", or an
// answer without exactly one of Return and Throw.
func (s *Service) SetMocks(cfg MockConfig) error {
	responses := map[string]mockedState{}
	for name, calls := range cfg.MockedResponses {
		var st mockedState
		for key, r := range calls {
			a, err := mockRange(key)
			if err != nil {
				return fmt.Errorf("stepfn: mocked response %s: %w", name, err)
			}
			switch {
			case (r.Return != nil) == (r.Throw != nil):
				return fmt.Errorf("stepfn: mocked response %s, call %s: exactly one of Return and Throw", name, key)
			case r.Throw != nil:
				a.fail = &failure{Error: r.Throw.Error, Cause: r.Throw.Cause}
			default:
				v, err := decodeJSON(string(r.Return))
				if err != nil {
					return fmt.Errorf("stepfn: mocked response %s, call %s: %w", name, key, err)
				}
				a.out = v
			}
			st = append(st, a)
		}
		if len(st) == 0 {
			return fmt.Errorf("stepfn: mocked response %s has no call", name)
		}
		slices.SortFunc(st, func(a, b mockAnswer) int { return a.from - b.from })
		responses[name] = st
	}
	cases := map[string]map[string]mockedState{}
	for machine, sm := range cfg.StateMachines {
		for tc, states := range sm.TestCases {
			byState := map[string]mockedState{}
			for state, resp := range states {
				r, ok := responses[resp]
				if !ok {
					return fmt.Errorf("stepfn: test case %s of %s: no mocked response %s", tc, machine, resp)
				}
				byState[state] = r
			}
			cases[machine+"#"+tc] = byState
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mocks = cases
	return nil
}

// mockRange reads a call key: "2" or "1-3".
func mockRange(key string) (mockAnswer, error) {
	lo, hi, isRange := strings.Cut(key, "-")
	from, err := strconv.Atoi(lo)
	to := from
	if err == nil && isRange {
		to, err = strconv.Atoi(hi)
	}
	if err != nil || from < 0 || to < from {
		return mockAnswer{}, fmt.Errorf("the call key %q is not n or n-m", key)
	}
	return mockAnswer{from: from, to: to}, nil
}

// testCase splits a StartExecution ARN into the machine's ARN and the
// test case it names after '#', and finds the test case's mocks.
func (s *Service) testCase(machineARN string) (string, map[string]mockedState, error) {
	base, tc, ok := strings.Cut(machineARN, "#")
	if !ok {
		return machineARN, nil, nil
	}
	_, name, _, err := splitMachineARN(base)
	if err != nil {
		return "", nil, err
	}
	m, found := s.mocks[name+"#"+tc]
	if !found {
		return "", nil, newError(codeValidation, "awsfake: no test case %s for the state machine %s in the mock configuration", tc, name)
	}
	return base, m, nil
}

// mocked answers the current Task from the execution's test case, if it
// mocks the state: true when it did.
func (th *thread) mocked(ig integration) bool {
	ex := th.ex
	m, ok := ex.mocks[th.st.name]
	if !ok {
		return false
	}
	n := ex.mockCalls[th.st.name]
	ex.mockCalls[th.st.name] = n + 1
	a := m.at(n)
	cancel(th.taskTimer)
	if a.fail != nil {
		th.taskFailed(ig, &failure{Error: a.fail.Error, Cause: a.fail.Cause}, false)
		return true
	}
	th.taskSucceeded(ig, deepCopy(a.out))
	return true
}
