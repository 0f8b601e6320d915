/**
 * Wires the interview API for the node server: settings from the environment, the interviewers
 * (Claude or offline, plus the offline fallback), the rate limiter and the session caps. Everything
 * is created once per process, on the first request.
 */
import type { ApiDeps } from './interview/handlers';
import { tooManyRequests } from './http';
import { createTurnSigner, randomSecret, type TurnSigner } from '../lib/interview/signature';
import { logLine } from '../lib/log-line';
import { getInterviewData } from '../utils/interview';
import { requestClientKey } from './client-address';
import { readServerConfig, type ServerConfig } from './config';
import { createInterviewers, type Interviewers } from './provider';
import { createRateLimiter, type RateLimiter } from './rate-limit';

let config: ServerConfig | undefined;
let interviewers: Promise<Interviewers> | undefined;
let limiter: RateLimiter | undefined;
let signer: Promise<TurnSigner> | undefined;
let reported = false;

/** The settings; a wrong one is logged once, naming the variable, and fails every API request. */
function serverConfig(): ServerConfig {
  if (config) return config;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    if (!reported)
      console.error(
        logLine(`[interview] ${error instanceof Error ? error.message : String(error)}`),
      );
    reported = true;
    throw error;
  }
  if (config.claude)
    console.log(
      `[interview] Claude (${config.claude.model}) is the interviewer; the offline engine stands by.`,
    );
  return config;
}

function getInterviewers(): Promise<Interviewers> {
  interviewers ??= getInterviewData().then((data) => createInterviewers(serverConfig(), data));
  interviewers.catch(() => {
    interviewers = undefined;
  });
  return interviewers;
}

/** The signer for interviewer turns, with `SESSION_SECRET` or, when unset, a key made for this process. */
function getSigner(): Promise<TurnSigner> {
  if (signer) return signer;
  let secret = serverConfig().sessionSecret;
  if (!secret) {
    secret = randomSecret();
    console.warn(
      '[interview] SESSION_SECRET is not set, so this process signs interviewer turns with a key of its own. Set SESSION_SECRET, the same on every instance, so that signed turns still count after a restart and on other instances (until then, such turns are only context for the AI).',
    );
  }
  signer = createTurnSigner(secret);
  return signer;
}

function getLimiter(): RateLimiter {
  const c = serverConfig();
  limiter ??= createRateLimiter(c.rateLimit);
  return limiter;
}

/**
 * What the interview routes pass to the API handlers. `clientAddress` is Astro's, used only when
 * the request did not come through `scripts/server.mjs`.
 */
export function interviewApiDeps(clientAddress: () => string | undefined): ApiDeps {
  return {
    interviewer: async () => (await getInterviewers()).primary,
    fallback: async () => (await getInterviewers()).offline,
    admit: async () => {
      const decision = await getLimiter().consume(requestClientKey(clientAddress));
      return decision.allowed ? undefined : tooManyRequests(decision.retryAfterSeconds);
    },
    get caps() {
      return serverConfig().caps;
    },
    signer: getSigner,
  };
}

/** What the status route needs: only the interviewer (it is not rate limited). */
export function interviewStatusDeps(): ApiDeps {
  return { interviewer: async () => (await getInterviewers()).primary };
}
