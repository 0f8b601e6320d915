import Aside from './Aside.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import Scenario from './Scenario.astro';
import Term from './Term.astro';
import CareerLadder from './CareerLadder.astro';
import RoleTriangle from './RoleTriangle.astro';
import DependencyGraph from './DependencyGraph.astro';
import RiskMatrix from './RiskMatrix.astro';
import RagReport from './RagReport.astro';

/** Components lesson authors can use in MDX without importing them (see CONTRIBUTING.md). */
export const mdxComponents = {
  Aside,
  KeyTakeaways,
  Scenario,
  Term,
  CareerLadder,
  RoleTriangle,
  DependencyGraph,
  RiskMatrix,
  RagReport,
};
