package apigw

import "context"

// FlushStageCache flushes a stage's response cache. The fake keeps a
// stage's cache settings but caches no response (doc.go), so there is
// nothing to flush: it answers as AWS does for a stage with an empty
// cache, 202 with no body, and NotFoundException for an unknown stage
// ("Invalid Stage identifier specified", as GetStage answers).
func (s *Service) FlushStageCache(ctx context.Context, in StageRef) error {
	a, unlock, err := s.enterAPI(ctx, "FlushStageCache", in.RestAPIID)
	if err != nil {
		return err
	}
	defer unlock()
	if a.stages[in.StageName] == nil {
		return errStageNotFound()
	}
	return nil
}
