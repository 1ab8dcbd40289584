// Text that comes from a learner's client (a username, a nickname, an
// environment value, an error message) never reaches a screen or a log raw:
// control characters (C0, DEL, C1: escape sequences start with them), bidi
// controls (they reorder what follows) and other invisible formatting are
// written as visible `\x1b`-style escapes, and the text is cut to a length.

// C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates; zero-width and other format characters;
// line and paragraph separators; lone surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\p{Cs}/gu;

function escaped(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character written as an escape, at most `max` characters (then `…`). */
export function safeText(text: string, max = 64): string {
  const chars = Array.from(String(text).replace(UNSAFE, escaped));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Whether `text` has nothing that safeText would escape. */
export function isSafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return !UNSAFE.test(text);
}

/** The longest nickname, in characters. */
export const NICKNAME_MAX = 32;

/**
 * A nickname as the learner's identity: trimmed, Unicode-normalized (NFC) and
 * lower-cased, so `Alice` and `alice ` are one learner. Only compared and
 * hashed, never shown and never part of a path.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFC').trim().toLowerCase();
}

/**
 * Why `nickname` cannot be used, or undefined if it can: 1 to 32 letters,
 * digits, spaces, `.`, `-` or `_`, not only spaces.
 */
export function nicknameProblem(nickname: string): string | undefined {
  const n = nickname.normalize('NFC').trim();
  if (n === '') return 'a nickname needs at least one letter or digit';
  if (Array.from(n).length > NICKNAME_MAX) return `a nickname has at most ${NICKNAME_MAX} characters`;
  if (!/^[\p{L}\p{M}\p{N} ._-]+$/u.test(n)) return 'use letters, digits, spaces, ".", "-" or "_"';
  return undefined;
}

/** A file-name fragment from a nickname: lower-case ASCII letters and digits only, possibly empty. */
export function slug(nickname: string): string {
  return nickname
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
}
