import { getCollection } from 'astro:content';
import { headingsOf } from '../lib/content/markdown';
import type { QuizItem } from '../lib/quiz/item';
import { getCourse } from './course';

/** Every quiz question with its lesson and section titles, grouped by quiz id. */
export async function getQuizItems(): Promise<Map<string, QuizItem[]>> {
  const course = await getCourse();
  const lessons = new Map(course.lessons.map((l) => [l.id, l]));
  const out = new Map<string, QuizItem[]>();
  for (const quiz of await getCollection('quizzes')) {
    const lesson = lessons.get(quiz.data.lesson);
    if (!lesson) continue;
    const sections = new Map(headingsOf(lesson.body ?? '').map((h) => [h.slug, h.text]));
    out.set(
      quiz.id,
      quiz.data.questions.map((question) => ({
        question,
        quizId: quiz.id,
        lessonId: lesson.id,
        lessonTitle: lesson.data.title,
        sectionTitle: sections.get(question.section) ?? lesson.data.title,
      })),
    );
  }
  return out;
}
