package stepfn

// mockedFork answers a Parallel or Map that TestState runs with a mock:
// the mock's result is the state's result (or its error the state's
// error), and no branch or iteration runs. Only TestState mocks these
// states (a Step Functions Local test case mocks Tasks).
func (th *thread) mockedFork() bool {
	ex := th.ex
	m, ok := ex.mocks[th.st.name]
	if !ok || ex.trace == nil {
		return false
	}
	a := m.at(0)
	if a.fail != nil {
		th.handle(&failure{Error: a.fail.Error, Cause: a.fail.Cause})
		return true
	}
	th.result(deepCopy(a.out))
	return true
}
