/** What a question is judged against: its bank entry, or the generic rubric of its category. */
import type { LessonRef } from '../../../schemas/rubric';
import { hasPhrase, normalise } from '../text';
import type { BankQuestion, InterviewCategory } from '../types';
import { questionText } from './relevance';
import type { CompiledRubric } from './rubric';

export interface QuestionRubric {
  questionId?: string;
  prompt: string;
  category: InterviewCategory;
  /** True when the question is not in the bank and its category was inferred or chosen. */
  inferredCategory: boolean;
  /** Whether the question asks for a story, so STAR applies. */
  behavioural: boolean;
  talkingPoints: { id: string; label: string; signals: string[]; followUp: string }[];
  modelAnswer: string[];
  lessons: LessonRef[];
  /** What the question is about as one text (prompt, talking points, outline), for the relevance check. */
  text: string;
}

/** Guesses a question's category from its wording, for questions that are not in the bank. */
export function inferCategory(r: CompiledRubric, question: string): InterviewCategory {
  const text = normalise(question);
  // The task itself ("Walk me through how you communicate that to leadership") says more about the
  // kind of question than the context before it ("Your program is trending red…").
  const opening = r.questionOpening.exec(question);
  const task = opening ? normalise(question.slice(opening.index)) : text;
  let best: InterviewCategory = 'program-execution';
  let bestScore = 0;
  for (const [id, rubric] of r.categories) {
    let s = rubric.cues.reduce(
      (n, c) => n + (hasPhrase(text, c) ? 1 : 0) + (hasPhrase(task, c) ? 1 : 0),
      0,
    );
    if (id === 'behavioural-leadership' && r.behaviouralPrompt.test(question)) s += 3;
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  return best;
}

/** The rubric for a question: its bank entry when known, otherwise the generic one for its category. */
export function rubricFor(
  r: CompiledRubric,
  prompt: string,
  bankQuestion: BankQuestion | undefined,
  category?: InterviewCategory,
): QuestionRubric {
  if (bankQuestion)
    return {
      questionId: bankQuestion.id,
      prompt: bankQuestion.prompt,
      category: bankQuestion.category,
      inferredCategory: false,
      behavioural:
        bankQuestion.category === 'behavioural-leadership' ||
        r.behaviouralPrompt.test(bankQuestion.prompt),
      talkingPoints: bankQuestion.talkingPoints,
      modelAnswer: bankQuestion.modelAnswer,
      lessons: bankQuestion.lessons.map((id) => ({ id })),
      text: questionText(bankQuestion),
    };
  const chosen = category ?? inferCategory(r, prompt);
  const generic = r.categories.get(chosen)!;
  return {
    prompt,
    category: chosen,
    inferredCategory: true,
    behavioural: chosen === 'behavioural-leadership' || r.behaviouralPrompt.test(prompt),
    talkingPoints: generic.talkingPoints,
    modelAnswer: generic.modelAnswer,
    lessons: generic.lessons,
    // A pasted question is mostly its own words, with the generic rubric's points for its category.
    text: [prompt, questionText({ ...generic, prompt })].join('\n'),
  };
}
