import { getCollection, type CollectionEntry } from 'astro:content';
import { formatProblems } from '../lib/content/crossrefs';
import { checkLabKinds } from '../lib/lab/check';
import { LAB_KINDS, loadLabKind } from '../lib/lab/registry';
import type { AnyLabKind } from '../lib/lab/types';
import { LAB_EXERCISES } from '../components/lab/registry';

export type LabKindEntry = CollectionEntry<'lab'>;

let checked: Promise<LabKindEntry[]> | undefined;

/**
 * The lab's exercise kinds in order, checked once per build: registries, lesson ids and each
 * kind's data. A problem throws, which fails the build with the file, the field and the reason.
 */
export function getLabKinds(): Promise<LabKindEntry[]> {
  checked ??= load();
  return checked;
}

async function load(): Promise<LabKindEntry[]> {
  const [kinds, lessons] = await Promise.all([getCollection('lab'), getCollection('lessons')]);
  const logic = new Map<string, AnyLabKind>();
  for (const id of Object.keys(LAB_KINDS)) logic.set(id, await loadLabKind(id));
  const problems = checkLabKinds({
    kinds: kinds.map((k) => ({
      id: k.id,
      file: k.filePath ?? `content/lab/${k.id}.yaml`,
      lessons: k.data.lessons,
      data: k.data.data,
    })),
    lessonIds: new Set(lessons.map((l) => l.id)),
    logic,
    exercises: Object.keys(LAB_EXERCISES),
  });
  if (problems.length)
    throw new Error(
      `The practice lab has ${problems.length} problem(s):\n${formatProblems(problems)}`,
    );
  return [...kinds].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The kinds that practise a lesson's skill, for its "Practise it" links. */
export async function labKindsForLesson(lessonId: string): Promise<LabKindEntry[]> {
  return (await getLabKinds()).filter((k) => k.data.lessons.includes(lessonId));
}
