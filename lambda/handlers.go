package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// Handler runs one event: the shape of aws-lambda-go's lambda.Handler. Any
// value with this method registers as it is.
type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// RegisterHandler makes handler run every function whose Handler setting is
// name (for any runtime). It accepts what aws-lambda-go's lambda.Start
// accepts, so handlers written for it register unchanged:
//
//	func()
//	func() error
//	func(TIn) error
//	func() (TOut, error)
//	func(TIn) (TOut, error)
//	func(context.Context)
//	func(context.Context) error
//	func(context.Context, TIn) error
//	func(context.Context) (TOut, error)
//	func(context.Context, TIn) (TOut, error)
//
// and any value with Invoke(context.Context, []byte) ([]byte, error). TIn is
// decoded from the event's JSON (json.RawMessage takes it as it is) and TOut
// encoded to JSON (an io.Reader is read as the raw response). Any other shape
// is refused with aws-lambda-go's error. Registering a name again replaces
// its handler; functions that already exist run the new one from their next
// invocation.
func (s *Service) RegisterHandler(name string, handler any) error {
	if name == "" {
		return errors.New("lambda: a handler needs a name")
	}
	h, err := NewHandler(handler)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.handlers[name] = h
	s.mu.Unlock()
	return nil
}

// RegisterFunctionHandler makes handler run the function nameOrARN
// (a name in the cloud's default account and region, or a full or partial
// ARN, in the ARN's own), whatever its Handler setting: every
// provided.al2023 function's Handler is bootstrap, so this tells them
// apart. It accepts what RegisterHandler accepts. A handler bound to a
// function wins over one registered under its Handler setting, for every
// version and alias of the function; a qualifier in nameOrARN names the
// function as a whole. The binding holds for the name: for a function
// created before or after it, and for one deleted and created again.
// Registering a function again replaces its handler from its next
// invocation.
func (s *Service) RegisterFunctionHandler(nameOrARN string, handler any) error {
	r, err := s.parseRef(s.goAPIScope(nameOrARN), "functionName", nameOrARN, "")
	if err != nil {
		return err
	}
	h, err := NewHandler(handler)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.fnHandlers[functionKey{r.at.key(), r.name}] = h
	s.mu.Unlock()
	return nil
}

// functionKey names a function in its account and region.
type functionKey struct {
	at   partKey
	name string
}

// handlerLocked is the handler that runs f, whose Handler setting is
// name: the one bound to f, else the one registered under name, else nil.
func (s *Service) handlerLocked(f *function, name string) Handler {
	if h, ok := s.fnHandlers[functionKey{f.p.at.key(), f.name}]; ok {
		return h
	}
	return s.handlers[name]
}

// NewHandler adapts a function of one of the shapes RegisterHandler accepts
// to a Handler.
func NewHandler(handler any) (Handler, error) {
	if handler == nil {
		return nil, errors.New("handler is nil")
	}
	if h, ok := handler.(Handler); ok {
		return h, nil
	}
	fn := reflect.ValueOf(handler)
	t := fn.Type()
	if t.Kind() != reflect.Func {
		return nil, fmt.Errorf("handler kind %s is not %s", t.Kind(), reflect.Func)
	}
	takesContext, err := validateArguments(t)
	if err != nil {
		return nil, err
	}
	if err := validateReturns(t); err != nil {
		return nil, err
	}
	return reflectHandler{fn: fn, takesContext: takesContext, takesEvent: t.NumIn() == 2 || (t.NumIn() == 1 && !takesContext)}, nil
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
)

// validateArguments and validateReturns apply aws-lambda-go's rules and
// messages: at most two arguments, a context first when there are two; at
// most two results, the last an error.
func validateArguments(t reflect.Type) (takesContext bool, err error) {
	if t.NumIn() > 2 {
		return false, fmt.Errorf("handlers may not take more than two arguments, but handler takes %d", t.NumIn())
	}
	if t.NumIn() > 0 {
		takesContext = t.In(0).Implements(contextType)
		if t.NumIn() > 1 && !takesContext {
			return false, fmt.Errorf("handler takes two arguments, but the first is not Context. got %s", t.In(0).Kind())
		}
	}
	return takesContext, nil
}

func validateReturns(t reflect.Type) error {
	switch n := t.NumOut(); {
	case n > 2:
		return errors.New("handler may not return more than two values")
	case n == 2:
		if !t.Out(1).Implements(errorType) {
			return errors.New("handler returns two values, but the second does not implement error")
		}
	case n == 1:
		if !t.Out(0).Implements(errorType) {
			return errors.New("handler returns a single value, but it does not implement error")
		}
	}
	return nil
}

// reflectHandler calls a handler function of one of the accepted shapes.
type reflectHandler struct {
	fn                       reflect.Value
	takesContext, takesEvent bool
}

// Invoke decodes the event, calls the function and encodes what it returns,
// as aws-lambda-go does: a nil response encodes as null.
func (h reflectHandler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	t := h.fn.Type()
	var args []reflect.Value
	if h.takesContext {
		args = append(args, reflect.ValueOf(ctx))
	}
	if h.takesEvent {
		event := reflect.New(t.In(t.NumIn() - 1))
		if err := json.Unmarshal(payload, event.Interface()); err != nil {
			return nil, err
		}
		args = append(args, event.Elem())
	}
	out := h.fn.Call(args)
	var resp any
	if len(out) > 0 {
		if e, ok := out[len(out)-1].Interface().(error); ok && e != nil {
			return nil, e
		}
		if len(out) == 2 {
			resp = out[0].Interface()
		}
	}
	if r, ok := resp.(io.Reader); ok {
		return io.ReadAll(r)
	}
	return json.Marshal(resp)
}
