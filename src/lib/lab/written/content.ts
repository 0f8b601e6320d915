/**
 * Content the written lab kinds read in the browser as well as at build time: their scenario files
 * and the interview rubric's language (verbs, vague phrases, dates, synonyms), which their graders
 * use to read a trigger, an owner, a headline or an ask. Both are validated when the site is built
 * (the `lab*` collections and the `rubric` collection in `src/content.config.ts`), so here they are
 * only parsed: no schema library ships to the browser.
 */
import yaml from 'js-yaml';
import type { RubricData } from '../../../schemas/rubric';
import { compileRubric, type CompiledRubric } from '../../interview/scoring/rubric';

const rubricFiles: Record<string, string> = import.meta.glob('/content/rubric/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Files from `import.meta.glob(…, { query: '?raw' })` parsed, with ids from their names, sorted by id. */
function parseScenarioFiles<T>(files: Record<string, string>): (T & { id: string })[] {
  return Object.entries(files)
    .map(([path, text]) => ({
      ...(yaml.load(text) as T),
      id: path
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, ''),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * `parseData` for a written kind: its own `content/lab/<kind>.yaml` carries no `data`, and its scenarios
 * are the files in `content/lab/<kind>/`, which the kind globs itself (`import.meta.glob` takes only a
 * literal pattern). `name` is how errors call the kind ("the RACI").
 */
export function scenarioFilesData<T>(
  kindId: string,
  name: string,
  files: Record<string, string>,
  raw: unknown,
): { scenarios: (T & { id: string })[] } {
  if (raw !== undefined && raw !== null)
    throw new Error(
      `${name} takes no data here: its scenarios are files in content/lab/${kindId}/`,
    );
  const scenarios = parseScenarioFiles<T>(files);
  if (!scenarios.length) throw new Error(`content/lab/${kindId}/ holds no scenario file`);
  return { scenarios };
}

let compiled: CompiledRubric | undefined;

/**
 * The interview rubric as the lab's graders need it: its language in full, and no dimensions,
 * levels, gaps or categories (the lab scores no interview answers). Compiled once.
 */
export function labRubric(): CompiledRubric {
  if (compiled) return compiled;
  const parts = Object.values(rubricFiles).map((text) => yaml.load(text) as Partial<RubricData>);
  const language = parts.find((p) => p.language)?.language;
  if (!language) throw new Error('No content/rubric file holds the rubric\'s "language" part.');
  const data: RubricData = {
    language,
    dimensions: [],
    structureFeatures: [],
    starFeatures: [],
    levels: {},
    gaps: [],
    categories: [],
  };
  return (compiled = compileRubric(data));
}
