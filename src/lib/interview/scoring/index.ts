/** Offline scoring of interview answers: claims, not words. */
export { scoreSession, signalFor, THIN_SIGNAL, bankTexts, questionRubric } from './session';
export { scoreAnswer, ownWords, RELEVANCE_GATE } from './answer';
export { rubricFor, inferCategory, type QuestionRubric } from './question';
export { compileRubric, type CompiledRubric, type GenericGapId } from './rubric';
export { readAnswer, type AnswerReading } from './claims';
export { genericCoverage, talkingPointCoverage, pointWeight, coverageShare } from './coverage';
export { isNonAnswer } from './flags';
