// Who may log in, and as whom. ssh2 hands every authentication request to the
// server and decides nothing itself; in particular a public key's signature
// is checked here, against the key in the authorized-keys file (a client
// that only knows the public key must not get in).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthContext, AuthenticationType, ParsedKey } from 'ssh2';
import { ownEntry } from '../core/own.js';
import { fingerprintOf } from './host-key.js';
import type { Ssh2Module } from './ssh2.js';
import type { Login } from './state.js';

export type AuthMode = 'passphrase' | 'open' | 'keys';

/** The SSH username that logs in to the instructor view (with the instructor secret). */
export const INSTRUCTOR = 'instructor';

export interface AuthorizedKey {
  key: ParsedKey;
  fingerprint: string;
  /** The key line's comment: the learner's nickname when there is one. */
  comment: string;
}

export interface AuthConfig {
  mode: AuthMode;
  /** The workshop passphrase (passphrase mode). */
  passphrase?: string;
  /** The keys that may log in (keys mode). */
  keys?: AuthorizedKey[];
  /** The instructor's secret; without one, nobody logs in as `instructor`. */
  instructorSecret?: string;
}

/** Who got in: a learner (with their login) or the instructor. */
export type Entrant = { role: 'learner'; login: Login; askNickname: boolean } | { role: 'instructor' };

/** One line of an authorized-keys file that was not used, and why. */
export interface KeyProblem {
  line: number;
  message: string;
}

/** Reads an authorized-keys file: `type base64 [comment]` per line; options before the type are not supported. */
export function parseAuthorizedKeys(text: string, ssh2: Ssh2Module): { keys: AuthorizedKey[]; problems: KeyProblem[] } {
  const keys: AuthorizedKey[] = [];
  const problems: KeyProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    if (!/^(ssh-|ecdsa-|sk-)/.test(parts[0] ?? '')) {
      problems.push({
        line: i + 1,
        message: 'options before the key type are not supported; write `type key comment`',
      });
      return;
    }
    const parsed = ssh2.utils.parseKey(parts.slice(0, 2).join(' '));
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!key || key instanceof Error) {
      problems.push({
        line: i + 1,
        message: `not a public key nettutor can read (${parsed instanceof Error ? parsed.message : 'empty'})`,
      });
      return;
    }
    keys.push({ key, fingerprint: fingerprintOf(key.getPublicSSH()), comment: parts.slice(2).join(' ') });
  });
  return { keys, problems };
}

/** Whether `given` is `secret`, in time that does not depend on where they differ. */
export function sameSecret(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** What one connection's authentication needs from the server around it. */
export interface AuthHooks {
  /** The login succeeded as `who` (ctx.accept() is called right after). */
  admit(who: Entrant): void;
  /** A failed try; returns false when the connection has used up its tries (it is then closed). */
  failed(method: string, username: string): boolean;
  /** Reject after this long (slows guessing). */
  failDelayMs: number;
}

const KEY_ALGOS: Record<string, string> = { 'rsa-sha2-256': 'ssh-rsa', 'rsa-sha2-512': 'ssh-rsa' };

/**
 * Decides one authentication request. `firstNone` is true for the connection's
 * first `none` request (which every client sends to learn the methods: it is
 * not counted as a failed try, as in OpenSSH).
 */
export function authenticate(ctx: AuthContext, config: AuthConfig, hooks: AuthHooks, firstNone: boolean): void {
  const instructor = config.instructorSecret !== undefined && ctx.username === INSTRUCTOR;
  const secret = instructor ? config.instructorSecret : config.mode === 'passphrase' ? config.passphrase : undefined;
  const methods: AuthenticationType[] = instructor
    ? ['password', 'keyboard-interactive']
    : config.mode === 'keys'
      ? ['publickey']
      : config.mode === 'passphrase'
        ? ['password', 'keyboard-interactive']
        : ['none'];
  const admit = (who: Entrant) => {
    hooks.admit(who);
    ctx.accept();
  };
  const learner = (login: Login, askNickname = false): Entrant => ({ role: 'learner', login, askNickname });
  const fail = () => {
    const more = hooks.failed(ctx.method, ctx.username);
    const reject = () => ctx.reject(methods);
    if (!more) reject();
    else if (hooks.failDelayMs > 0) setTimeout(reject, hooks.failDelayMs);
    else reject();
  };
  const checkSecret = (given: string) => {
    if (secret !== undefined && sameSecret(given, secret)) {
      admit(instructor ? { role: 'instructor' } : learner({ kind: 'passphrase', nickname: ctx.username }));
    } else fail();
  };

  switch (ctx.method) {
    case 'none':
      if (config.mode === 'open' && !instructor) {
        admit(learner({ kind: 'open', nickname: ctx.username }, true));
      } else if (firstNone) ctx.reject(methods);
      else fail();
      return;
    case 'password':
      checkSecret(ctx.password);
      return;
    case 'keyboard-interactive':
      if (secret === undefined) {
        fail();
        return;
      }
      ctx.prompt(
        [{ prompt: instructor ? 'Instructor secret: ' : 'Workshop passphrase: ', echo: false }],
        'nettutor workshop',
        '',
        (answers) => {
          if (!Array.isArray(answers)) return; // the client gave up on this request
          checkSecret(String(answers[0] ?? ''));
        },
      );
      return;
    case 'publickey': {
      if (config.mode !== 'keys' || instructor) {
        fail();
        return;
      }
      // The algorithm is the client's word: only the table's own entries translate it.
      const type = ownEntry(KEY_ALGOS, ctx.key.algo) ?? ctx.key.algo;
      const match = config.keys?.find((k) => k.key.type === type && k.key.getPublicSSH().equals(ctx.key.data));
      if (!match) {
        fail();
        return;
      }
      if (!ctx.signature || !ctx.blob) {
        // The client asks whether this key would do, before signing with it: yes (nobody is logged in yet).
        ctx.accept();
        return;
      }
      if (match.key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) {
        fail();
        return;
      }
      admit(learner({ kind: 'key', nickname: match.comment || ctx.username, fingerprint: match.fingerprint }));
      return;
    }
    default:
      fail();
  }
}
