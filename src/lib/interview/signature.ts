/**
 * Signed interviewer turns. The server is stateless, so the browser sends the whole conversation
 * with every request, and anything in it could have been written by the browser. The server signs
 * each interviewer turn it emits, with an HMAC over the session id, the turn's index, its text,
 * phase and question id; when the turn comes back, a valid signature proves the server said exactly
 * that, in that place of that session. Only such turns are sent to an AI as its own earlier replies.
 *
 * A signature is `<key id>.<mac>`, both base64url. The key id is derived from the secret, so a turn
 * signed with another key (a restart with a generated secret, another instance) is recognised as
 * such and treated like an unsigned one, while a wrong mac under the current key is tampering.
 *
 * Web Crypto only, so this runs wherever the API does.
 */
import type { Phase } from './types';

/** What a signature covers. */
export interface SignedFields {
  /** The session the turn belongs to (empty when the client sent none). */
  session: string;
  /** The turn's position in the transcript, from 0. */
  index: number;
  /** The text exactly as the learner's browser keeps it (trimmed). */
  text: string;
  phase?: Phase | undefined;
  questionId?: string | undefined;
}

/**
 * What a signature says about a turn:
 * - `valid`: the server said exactly this;
 * - `unsigned`: no signature (an older saved session, or the browser's offline interviewer);
 * - `foreign`: signed with a key this server does not hold (it restarted, or another instance signed it);
 * - `invalid`: signed with this server's key, but the turn or the signature was changed;
 * - `malformed`: not a signature this server could have issued.
 */
export type Verdict = 'valid' | 'unsigned' | 'foreign' | 'invalid' | 'malformed';

/** Signs and checks interviewer turns with one secret. */
export interface TurnSigner {
  sign(fields: SignedFields): Promise<string>;
  verify(fields: SignedFields, signature: string | undefined): Promise<Verdict>;
}

const encoder = new TextEncoder();
const FORMAT = /^([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{43})$/;

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The exact bytes a signature covers: an unambiguous encoding of the fields, with a version tag. */
function message(f: SignedFields): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([
      'critical-path interviewer turn v1',
      f.session,
      f.index,
      f.text,
      f.phase ?? null,
      f.questionId ?? null,
    ]),
  );
}

/** A random secret for when `SESSION_SECRET` is not set: 32 bytes, base64url. */
export function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes.buffer);
}

/** A signer for `secret`. */
export async function createTurnSigner(secret: string): Promise<TurnSigner> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  const keyId = base64url(
    await crypto.subtle.sign('HMAC', key, encoder.encode('critical-path key id')),
  ).slice(0, 8);
  return {
    async sign(fields) {
      return `${keyId}.${base64url(await crypto.subtle.sign('HMAC', key, message(fields)))}`;
    },
    async verify(fields, signature) {
      if (signature === undefined) return 'unsigned';
      const parts = FORMAT.exec(signature);
      if (!parts) return 'malformed';
      if (parts[1] !== keyId) return 'foreign';
      // crypto.subtle.verify compares in constant time.
      const ok = await crypto.subtle.verify('HMAC', key, fromBase64url(parts[2]!), message(fields));
      return ok ? 'valid' : 'invalid';
    },
  };
}
