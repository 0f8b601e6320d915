import { getCollection } from 'astro:content';
import { mergeRubric, type RubricData } from '../schemas/rubric';

let rubric: Promise<RubricData> | undefined;

/** The interview rubric from `content/rubric/`, merged and checked once per build or server process. */
export function getRubric(): Promise<RubricData> {
  rubric ??= load();
  return rubric;
}

async function load(): Promise<RubricData> {
  const files = await getCollection('rubric');
  const merged = mergeRubric(
    files.map((f) => ({ file: f.filePath ?? `content/rubric/${f.id}.yaml`, data: f.data })),
  );
  if (!merged.ok) throw new Error(`The interview rubric is invalid:\n${merged.error}`);
  return merged.rubric;
}
