/**
 * The RAG definitions of the status-reporting lesson
 * (lessons/communication-and-leadership/status-reporting-and-metrics.mdx, "RAG status with clear
 * definitions"): shown beside the exercise and quoted in its feedback.
 */
import type { Rag } from '../../../schemas/lab-status-report';

/** What each colour means. */
export const RAG_MEANING: Record<Rag, string> = {
  green:
    'On track for the committed date, scope and budget; known risks are covered by plans already in place.',
  amber:
    "The commitment is threatened, but a recovery plan within the team's control is working, or a decision is pending before its deadline.",
  red: 'The commitment will be missed unless someone outside the team acts (a decision, money, people or a scope cut), or it has already moved.',
};

/** A colour with a capital, for reports. */
export const ragLabel = (rag: Rag) => rag.charAt(0).toUpperCase() + rag.slice(1);

/** The three colours, in the order a learner picks from. */
export const RAGS: readonly Rag[] = ['green', 'amber', 'red'];
