// Finds English words on a screen that should be all Chinese: every run of
// Latin letters that is not a technical token. Technical tokens stay Latin in
// every language (docs/glossary.md): anything with a digit or a joiner in it
// (`seq=1000`, `Content-Type`, `keep-alive`, `http://…`, `close()`), words in
// capitals (SYN, ACK, HTTP, RFC), the words the lessons mark as code
// (`ss -tan state time-wait`), and the allow-list below: units, key names,
// command names, header names written alone, the diagrams' lane names (as the
// contracts' JSON spells them) and the data the models carry (a form's field
// values, a request's body).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_FIELDS, EXAMPLE_FILES, RANDOM_FIELDS } from '../../src/core/models/http-multipart/form.js';
import { EXAMPLE_IDS, example } from '../../src/core/models/http-proxy/examples.js';
import { CLIENTS } from '../../src/core/models/http-ua-cache/clients.js';
import type { Lesson } from '../../src/core/lessons/types.js';

/** Words that are technical tokens although they look like English words. */
export const ALLOWED = new Set([
  // The product, programs, systems and the names people use for them in Chinese too.
  'nettutor',
  'npx',
  'ss',
  'netstat',
  'sysctl',
  'curl',
  'nginx',
  'squid',
  'tmux',
  'Linux',
  'Wireshark',
  'Chrome',
  'Chromium',
  'Firefox',
  'WebSocket',
  'Web',
  'bug',
  // Browsers, engines, devices, crawlers and their makers, as User-Agent strings and people name them.
  'Safari',
  'Edge',
  'Opera',
  'Mozilla',
  'Netscape',
  'Navigator',
  'Internet',
  'Explorer',
  'AppleWebKit',
  'WebKit',
  'KHTML',
  'Gecko',
  'Blink',
  'Android',
  'iPhone',
  'Pixel',
  'Google',
  'Googlebot',
  'Bing',
  // User-Agent tokens the lessons match on ("Mobi", "bot"), the word of its comments (`like Gecko`, which a
  // string cut at the screen's edge leaves alone), and the field as the study notes spell it (quoted).
  'Mobi',
  'Mobile',
  'bot',
  'like',
  'UserAgent',
  // Units.
  'ms',
  'min',
  'bytes',
  // Key names (the status bar and the help write keys as the keyboard does).
  'Enter',
  'Esc',
  'Space',
  'Tab',
  'Backspace',
  'PgUp',
  'PgDn',
  'Home',
  'End',
  'Ctrl',
  'Up',
  'Down',
  'Left',
  'Right',
  // The language the switch offers, in its own name.
  'English',
  // Lanes of the diagrams, named as the contracts' JSON names the parties; proxies as Via names them.
  'client',
  'server',
  'gateway',
  'upstream',
  'origin',
  'proxy',
  'edge',
  // The gateway model's upstream conditions, as `nettutor http gateway --upstream` spells them.
  'ok',
  'forbidden',
  'crashes',
  'refused',
  'garbage',
  'slow',
  'overloaded',
  // Header names and protocol words written alone: RFC grammar's token, parameters, a field's values.
  'Host',
  'Via',
  'Connection',
  'Upgrade',
  'Allow',
  'Accept',
  'Cookie',
  'Authorization',
  'Referer',
  'Bearer',
  'Expect',
  'Trailer',
  'Date',
  'Server',
  'Location',
  'token',
  'seq',
  'ack',
  'len',
  'Boundary',
  'multipart',
  'urlencoded',
  'boundary',
  'chunked',
  'close',
  'trailers',
  'websocket',
  'on',
  'en',
]);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What the lessons' Chinese texts mark as code (`…` and the lines of fenced blocks), as phrases: technical by the
 * author's word (`ss -tan state time-wait`), taken off a screen where they appear whole.
 */
export function codePhrases(lessonsDir = join(ROOT, 'lessons')): string[] {
  const code: string[] = [];
  for (const dir of readdirSync(lessonsDir)) {
    let md: string;
    try {
      md = readFileSync(join(lessonsDir, dir, 'zh-CN.md'), 'utf8');
    } catch {
      continue;
    }
    for (const m of md.matchAll(/```[^\n]*\n([\s\S]*?)```/g)) code.push(...m[1]!.split('\n'));
    for (const m of md.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)) code.push(m[1]!);
  }
  return phrases(code);
}

/** The phrases of the data a screen may show as it is, longest first: they are taken off before reading. */
function phrases(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) for (const part of v.split(/\r\n|\n/)) if (/[A-Za-z]/.test(part)) out.add(part.trim());
  return [...out].sort((a, b) => b.length - a.length);
}

/** The data the models carry, as phrases: the example and random forms' fields and files, the example requests. */
export function modelData(): string[] {
  const values: string[] = [];
  for (const f of EXAMPLE_FIELDS) values.push(f.name, f.value);
  for (const f of RANDOM_FIELDS) values.push(f.name, ...f.values);
  for (const f of EXAMPLE_FILES)
    values.push(f.field, f.filename, f.contentType, typeof f.content === 'string' ? f.content : '');
  for (const id of EXAMPLE_IDS) {
    const r = example(id).request;
    values.push(r.target, r.body, ...r.fields.map((f) => f.value));
  }
  for (const client of Object.values(CLIENTS)) values.push(client.ua, ...client.hints.map(([, value]) => value));
  return phrases(values);
}

/**
 * The data a lesson gives its exercises and models, as phrases: a random parameter's values (a field named
 * `scan`), a form's fields. Only values: not the names of settings, not texts (a hint, a scenario's title).
 */
export function lessonData(lessons: readonly Lesson[]): string[] {
  const values: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') values.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && !('en' in v))
      for (const [key, value] of Object.entries(v))
        if (!['title', 'description', 'translations', 'hints', 'scenarios'].includes(key)) walk(value);
  };
  for (const lesson of lessons)
    for (const page of lesson.pages) {
      if (page.exercise && 'params' in page.exercise) walk(page.exercise.params);
      if (page.model) walk(page.model.settings);
    }
  return phrases(values);
}

/** A token that stays Latin: a digit or a joiner in it, all capitals, a single letter (a key), or allowed. */
function technical(token: string, allowed: ReadonlySet<string>): boolean {
  if (/[0-9\-_./:=@#+%~&?;*'"()[\]<>\\|$^!]/.test(token)) return true;
  if (token.length === 1) return true;
  if (/^[A-Z]+$/.test(token)) return true;
  return allowed.has(token);
}

/**
 * The English words on a screen: runs of Latin letters (with what joins a token) that are not technical. Left
 * out first: a status code's reason phrase (`429 Too Many Requests`), an English term glossed in full-width
 * parentheses after its Chinese (`分隔行（delimiter）`), an original quoted as it is (`“connection refused”`), the
 * data the models show as it is (`data`: a form's `See you soon`),
 * and a token cut at the end of a row (a long header line wrapped: `filen`) when it begins an allowed word.
 */
export function englishWords(frame: string, allowed: ReadonlySet<string>, data: readonly string[] = []): string[] {
  const found: string[] = [];
  // First what is not data: reason phrases (`103 Early Hints`, even across a row), glosses, originals quoted.
  let shown = frame
    .replace(/\b[1-5]\d\d(\s+[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*(?![A-Za-z:-]))+/g, ' ')
    .replace(/（[A-Za-z][A-Za-z \n-]*）/g, ' ')
    .replace(/“[\x20-\x7e\n]+”/g, ' ');
  // Then data, as whole tokens only: `ok` taken off `Cookie` would leave `Co ie`, `example.com` off a URL `http`.
  for (const phrase of data) {
    // A space may be where a row was wrapped: the phrase reads whole across rows.
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(' ', '\\s+');
    // After an escaped CR or LF (`\r\nSee you soon`) a value starts too.
    const before = '(?:(?<![A-Za-z0-9./:@-])|(?<=\\\\[rn]))';
    shown = shown.replace(new RegExp(`${before}${escaped}(?![A-Za-z0-9-])`, 'g'), ' ');
  }
  const cleaned = shown;
  const cut = (token: string) =>
    token.length >= 3 && [...allowed].some((w) => w.length > token.length && w.startsWith(token));
  for (const m of cleaned.matchAll(/[A-Za-z0-9][A-Za-z0-9\-_./:=@#+%~&?;*'"()[\]<>\\|$^!]*[A-Za-z0-9)\]]|[A-Za-z]/g)) {
    const token = m[0];
    if (!/[A-Za-z]/.test(token) || technical(token, allowed)) continue;
    const atRowEnd = /^\s*(\n|$)/.test(cleaned.slice(m.index! + token.length));
    if (atRowEnd && cut(token)) continue;
    found.push(token);
  }
  return found;
}
