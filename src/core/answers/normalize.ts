// Short answers are compared after normalising them the way a person would
// expect: `TIME_WAIT` = `time-wait`, ` 1,001 ` = `1001`, `Host:` = `host`.
import { FLAG_ORDER, TCP_STATES, type TcpState, flagLabel } from '../tcp/types.js';

/** How a typed answer is read: as a number, a word, a TCP state, a header name or a header field's value. */
export const SHORT_ANSWER_KINDS = ['number', 'token', 'state', 'header', 'header-value'] as const;
export type ShortAnswerKind = (typeof SHORT_ANSWER_KINDS)[number];

const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const STATE_ALIASES: Record<string, TcpState> = {
  SYNRECV: 'SYN-RECEIVED',
  SYNRCVD: 'SYN-RECEIVED',
  SYNRECEIVE: 'SYN-RECEIVED',
  SYNSENT: 'SYN-SENT',
  ESTAB: 'ESTABLISHED',
  LISTENING: 'LISTEN',
  CLOSE: 'CLOSED',
  UNCONN: 'CLOSED',
};
for (const state of TCP_STATES) STATE_ALIASES[compact(state)] = state;

/** The RFC 9293 name of a state written in any common spelling, or undefined. */
export function normalizeState(input: string): TcpState | undefined {
  return STATE_ALIASES[compact(input)];
}

/** Flags in any order, case or separator (`ack syn`, `SYN+ACK`) as `SYN,ACK`; undefined if one is not a flag. */
export function normalizeFlags(input: string): string | undefined {
  const words = input
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const flags = new Set<string>();
  for (const w of words) {
    const f = w === 'SYNACK' ? ['SYN', 'ACK'] : w === 'FINACK' ? ['FIN', 'ACK'] : w === 'RSTACK' ? ['RST', 'ACK'] : [w];
    for (const x of f) {
      if (!(FLAG_ORDER as readonly string[]).includes(x)) return undefined;
      flags.add(x);
    }
  }
  return flagLabel(FLAG_ORDER.filter((f) => flags.has(f)));
}

/** A number written with optional spaces, commas or underscores between digits. */
export function normalizeNumber(input: string): string | undefined {
  const s = input.trim().replace(/(\d)[\s,_](?=\d)/g, '$1');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
  return String(Number(s));
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Splits at `;` outside double quotes. */
function splitParams(s: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/**
 * A header field's value as a receiver reads it (`form-data; name="photo"`), in one spelling: a leading field
 * name (`Content-Disposition: `) dropped; spaces around `;` and `=` ignored; the value before the first `;`
 * and parameter names in lower case (they are case-insensitive); parameters in name order (their order means
 * nothing); a quoted value that is a token written without its quotes (`name="a"` is `name=a`, RFC 9110
 * §5.6.6). Parameter values otherwise stay as written: case and spaces inside quotes count.
 */
export function normalizeHeaderValue(input: string): string | undefined {
  const value = input.trim().replace(/^[A-Za-z][A-Za-z0-9-]*[ \t]*:(?:[ \t]+|(?<=-[A-Za-z0-9-]*:))/, '');
  const [first = '', ...rest] = splitParams(value);
  const head = first.trim().replace(/\s+/g, ' ').toLowerCase();
  const params = rest
    .map((item) => {
      const eq = item.indexOf('=');
      if (eq < 0) return item.trim().toLowerCase();
      const name = item.slice(0, eq).trim().toLowerCase();
      let v = item.slice(eq + 1).trim();
      if (/^"[^"]*"$/.test(v) && TOKEN.test(v.slice(1, -1))) v = v.slice(1, -1);
      return `${name}=${v}`;
    })
    .filter((p) => p !== '')
    .sort((a, b) => (a.split('=')[0]! < b.split('=')[0]! ? -1 : a.split('=')[0]! > b.split('=')[0]! ? 1 : 0));
  const out = [head, ...params].join('; ');
  return out === '' ? undefined : out;
}

export function normalize(kind: ShortAnswerKind, input: string): string | undefined {
  switch (kind) {
    case 'number':
      return normalizeNumber(input);
    case 'state':
      return normalizeState(input) ?? (input.trim() === '' ? undefined : compact(input));
    case 'header':
      return input.trim().replace(/:$/, '').trim().toLowerCase() || undefined;
    case 'token':
      // Spaces are extra around a comma too: `1.0 a,1.1 b` is the list `1.0 a, 1.1 b`.
      return input.trim().replace(/\s+/g, ' ').replace(/ ?, ?/g, ', ').toLowerCase() || undefined;
    case 'header-value':
      return normalizeHeaderValue(input);
  }
}
