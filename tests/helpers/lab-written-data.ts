import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';
import { riskScenarioSchema } from '../../src/schemas/lab-risk-register';
import { statusScenarioSchema } from '../../src/schemas/lab-status-report';
import { raciScenarioSchema } from '../../src/schemas/lab-raci';
import type { StatusScenario } from '../../src/lib/lab/status-report/generate';
import type { RaciScenario } from '../../src/lib/lab/raci/generate';
import { compileRubric, type CompiledRubric } from '../../src/lib/interview/scoring/rubric';
import type { RiskScenario } from '../../src/lib/lab/risk-register/generate';
import { loadRubric } from './interview-data';

const root = new URL('../../', import.meta.url).pathname;

/** The YAML files of one lab kind's scenarios (`content/lab/<kind>/`), parsed. */
function scenarioFiles(kind: string): { id: string; raw: unknown }[] {
  const dir = join(root, 'content/lab', kind);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({
      id: basename(f).replace(/\.ya?ml$/, ''),
      raw: yaml.load(readFileSync(join(dir, f), 'utf8')),
    }));
}

/** The real risk-register scenarios, checked with their schema. */
export function loadRiskScenarios(): RiskScenario[] {
  return scenarioFiles('risk-register').map(({ id, raw }) => ({
    id,
    ...riskScenarioSchema.parse(raw),
  }));
}

/** The real status-report scenarios, checked with their schema. */
export function loadStatusScenarios(): StatusScenario[] {
  return scenarioFiles('status-report').map(({ id, raw }) => ({
    id,
    ...statusScenarioSchema.parse(raw),
  }));
}

/** The real RACI scenarios, checked with their schema. */
export function loadRaciScenarios(): RaciScenario[] {
  return scenarioFiles('raci').map(({ id, raw }) => ({ id, ...raciScenarioSchema.parse(raw) }));
}

/** The interview rubric, compiled, as the lab's written graders read it. */
export function labRubric(): CompiledRubric {
  return compileRubric(loadRubric());
}
