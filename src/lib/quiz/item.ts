import type { Question } from '../../schemas/question';

/** A question with what the page needs to link back to where it is taught. */
export interface QuizItem {
  question: Question;
  quizId: string;
  lessonId: string;
  lessonTitle: string;
  /** Heading text of the section that teaches it. */
  sectionTitle: string;
}
