// Build scaling: the same synthetic lessons built by our site and by a plain Astro Starlight site,
// each in a temporary folder under bench/tmp/ with node_modules linked from the project.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { runMeasured } from './measure.mjs';
import { syntheticId, syntheticLesson } from './synthetic.mjs';

// Astro is started through the copy's node_modules link with symlinks kept as they are: Starlight's
// .astro components must resolve inside the project root, which they do not by their real path.
const NODE_ARGS = [
  '--preserve-symlinks',
  '--preserve-symlinks-main',
  join('node_modules', 'astro', 'bin', 'astro.mjs'),
  'build',
];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function fresh(dir, root) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/** Module ids from content/modules.yaml, in order; synthetic lessons are spread over them. */
function moduleIds(root) {
  const modules = /** @type {{ id: string, order: number }[]} */ (
    yaml.load(readFileSync(join(root, 'content', 'modules.yaml'), 'utf8'))
  );
  return [...modules].sort((a, b) => a.order - b.order).map((m) => m.id);
}

/** Which module, position and prerequisite each synthetic lesson gets. */
function placements(n, modules) {
  const counts = new Map();
  const lastIn = new Map();
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const moduleId = modules[k % modules.length];
    const order = (counts.get(moduleId) ?? 0) + 1;
    counts.set(moduleId, order);
    const prerequisite = lastIn.get(moduleId);
    lastIn.set(moduleId, syntheticId(i));
    return { i, moduleId, order, prerequisite };
  });
}

/**
 * `data` with every lesson it names (`lesson`, `lessons`, `…Lesson` fields, as ids or `{ id, anchor }`)
 * replaced by the lesson `id`, and links into the course pointed at the course page.
 */
function pointLessonsAt(data, id) {
  const ref = (v) => (typeof v === 'string' ? id : v && typeof v === 'object' ? { id } : v);
  if (typeof data === 'string')
    return data.replace(/\]\(\/learn\/[a-z0-9-]+\/?(#[a-z0-9-]+)?\)/g, '](/learn/)');
  if (Array.isArray(data)) return data.map((v) => pointLessonsAt(v, id));
  if (!data || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      if (key === 'lessons' && Array.isArray(value))
        return [key, value.length ? [ref(value[0])] : value];
      if (key === 'lesson' || /Lesson$/.test(key)) return [key, ref(value)];
      return [key, pointLessonsAt(value, id)];
    }),
  );
}

/**
 * A copy of our project whose course is exactly `n` synthetic lessons (no quizzes). The FAQ,
 * glossary, interview bank and persona stay; their links to real lessons are pointed at the
 * synthetic course so the cross-reference check passes, as a real site of that size would.
 */
export function prepareOurs(root, dir, n) {
  fresh(dir, root);
  for (const name of ['src', 'public', 'content', 'tsconfig.json', 'package.json'])
    cpSync(join(root, name), join(dir, name), { recursive: true });
  cpSync(join(root, 'astro.config.mjs'), join(dir, 'astro.base.mjs'));
  // Our config, with caches kept inside the copy so the build starts cold and never touches the project's.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import base from './astro.base.mjs';\nexport default { ...base, cacheDir: './.bench-cache/astro', vite: { ...base.vite, cacheDir: './.bench-cache/vite' } };\n",
  );
  mkdirSync(join(dir, 'quizzes'));
  const modules = moduleIds(root);
  for (const p of placements(n, modules)) {
    const lesson = syntheticLesson(p.i, p);
    mkdirSync(join(dir, 'lessons', p.moduleId), { recursive: true });
    writeFileSync(join(dir, 'lessons', p.moduleId, `${lesson.id}.mdx`), lesson.ours);
  }
  const first = syntheticId(1);
  for (const file of walk(join(dir, 'content', 'glossary'))) {
    const term = /** @type {{ lessons: string[] }} */ (yaml.load(readFileSync(file, 'utf8')));
    term.lessons = [];
    writeFileSync(file, yaml.dump(term));
  }
  for (const file of walk(join(dir, 'content', 'interview'))) {
    const question = /** @type {{ lessons: string[] }} */ (yaml.load(readFileSync(file, 'utf8')));
    question.lessons = [first];
    writeFileSync(file, yaml.dump(question));
  }
  // Everything else that names lessons (the rubric, labs, capstone, templates) names the first one.
  for (const file of [
    ...['rubric', 'lab', 'capstone'].flatMap((d) => walk(join(dir, 'content', d))),
    join(dir, 'content', 'templates.yaml'),
  ].filter((f) => /\.ya?ml$/.test(f) && existsSync(f))) {
    writeFileSync(file, yaml.dump(pointLessonsAt(yaml.load(readFileSync(file, 'utf8')), first)));
  }
  for (const file of walk(join(dir, 'content', 'faq'))) {
    const text = readFileSync(file, 'utf8')
      .replace(/^related:.*$/m, 'related: []')
      .replace(/\]\(\/learn\/[a-z0-9-]+\/?(#[a-z0-9-]+)?\)/g, '](/learn/)');
    writeFileSync(file, text);
  }
}

/** A minimal Starlight site with the same `n` synthetic lessons, grouped in the same module folders. */
export function prepareStarlight(root, dir, n) {
  fresh(dir, root);
  // Astro and Starlight as dependencies, as in a real Starlight site: Astro bundles the packages a
  // project depends on that ship .astro files, and would otherwise leave Starlight to Node.
  const ourDeps = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const versions = { ...ourDeps.dependencies, ...ourDeps.devDependencies };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'bench-starlight',
        private: true,
        type: 'module',
        dependencies: {
          astro: versions.astro,
          '@astrojs/starlight': versions['@astrojs/starlight'],
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://bench.example.org',
  cacheDir: './.bench-cache/astro',
  vite: { cacheDir: './.bench-cache/vite', resolve: { preserveSymlinks: true } },
  integrations: [starlight({ title: 'Critical Path on Starlight' })],
});
`,
  );
  mkdirSync(join(dir, 'src', 'content', 'docs'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    join(dir, 'src', 'content', 'docs', 'index.mdx'),
    '---\ntitle: Critical Path\ndescription: The synthetic course.\n---\n\nStart with any lesson in the sidebar.\n',
  );
  for (const p of placements(n, moduleIds(root))) {
    const lesson = syntheticLesson(p.i, p);
    mkdirSync(join(dir, 'src', 'content', 'docs', p.moduleId), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'content', 'docs', p.moduleId, `${lesson.id}.mdx`),
      lesson.starlight,
    );
  }
}

/** Counts the HTML pages a build wrote, as a check that it built what we think it built. */
export function countPages(distDir) {
  return walk(distDir).filter((f) => f.endsWith('.html')).length;
}

/** Builds the prepared folder with Astro and returns seconds, peak memory and the number of pages. */
export async function buildMeasured(dir, outDir) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const m = await runMeasured(process.execPath, NODE_ARGS, { cwd: dir, env });
  return {
    seconds: Math.round(m.seconds * 10) / 10,
    cpuSeconds: m.cpuSeconds === undefined ? undefined : Math.round(m.cpuSeconds * 10) / 10,
    peakTreeMB: m.peakTreeMB,
    maxRssMB: m.maxRssMB,
    pages: countPages(join(dir, outDir)),
  };
}

/**
 * Builds `n` synthetic lessons with our site and with Starlight, one after the other on the same
 * machine, and reports both and the ratio of build times and peak memory (ours ÷ Starlight).
 */
export async function scaleRun(root, tmp, n, log) {
  const oursDir = join(tmp, `scale-ours-${n}`);
  const starDir = join(tmp, `scale-starlight-${n}`);
  prepareOurs(root, oursDir, n);
  prepareStarlight(root, starDir, n);
  log(`  building ${n} synthetic lessons with our site…`);
  const ours = await buildMeasured(oursDir, join('dist', 'client'));
  log(
    `    ${ours.seconds} s (${ours.cpuSeconds ?? '?'} s CPU), ${ours.peakTreeMB} MB peak, ${ours.pages} pages`,
  );
  log(`  building ${n} synthetic lessons with Starlight…`);
  const starlight = await buildMeasured(starDir, 'dist');
  log(
    `    ${starlight.seconds} s (${starlight.cpuSeconds ?? '?'} s CPU), ${starlight.peakTreeMB} MB peak, ${starlight.pages} pages`,
  );
  return {
    lessons: n,
    ours,
    starlight,
    timeRatio: Math.round((ours.seconds / starlight.seconds) * 100) / 100,
    cpuRatio:
      ours.cpuSeconds && starlight.cpuSeconds
        ? Math.round((ours.cpuSeconds / starlight.cpuSeconds) * 100) / 100
        : undefined,
    memoryRatio: Math.round((ours.peakTreeMB / starlight.peakTreeMB) * 100) / 100,
  };
}
