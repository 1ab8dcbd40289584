// The forms the multipart model shows: the example a learner starts from and
// edits (fields to add, example files, boundaries of every style), random
// forms for its questions, and bodies broken on purpose for "which line is
// the broken delimiter?" — each break one the parser names by its line.
import { nextRandom } from '../../random.js';
import {
  byteString,
  bytesOf,
  contentTypeValue,
  escapedLines,
  type FormPart,
  generateBoundary,
  parseMultipart,
  writeBody,
} from './multipart.js';

export interface TextField {
  name: string;
  value: string;
}

export interface ExampleFile {
  /** The form field the file is sent in. */
  field: string;
  filename: string;
  contentType: string;
  content: Uint8Array | string;
}

/** A form as the learner sees it: its text fields, at most one file, and the boundary. */
export interface MultipartForm {
  fields: TextField[];
  file: ExampleFile | null;
  boundary: string;
}

/** The fields `a` adds, in turn: a plain value, one with `--` in it (harmless), one with a line break in it. */
export const EXAMPLE_FIELDS: readonly TextField[] = [
  { name: 'title', value: 'Holiday' },
  { name: 'comment', value: 'Sun -- and sea' },
  { name: 'note', value: 'line 1\r\nline 2' },
  { name: 'tags', value: 'beach,sea' },
];

const PNG_START = bytesOf('\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR');

/** The files `f` picks, in turn: text, binary (a PNG's first bytes: CR, LF and bytes that are not text), CSV, and one holding `--AaB03x`. */
export const EXAMPLE_FILES: readonly ExampleFile[] = [
  { field: 'photo', filename: 'notes.txt', contentType: 'text/plain', content: 'hello' },
  { field: 'photo', filename: 'cat.png', contentType: 'image/png', content: PNG_START },
  { field: 'photo', filename: 'scores.csv', contentType: 'text/csv', content: 'name,score\r\nana,7\r\n' },
  {
    field: 'photo',
    filename: 'tricky.txt',
    contentType: 'text/plain',
    content: 'A line\r\n--AaB03x\r\nthat looks like a delimiter',
  },
];

/** The boundaries `b` cycles through; `null` is one generated for the form (see generateBoundary). */
export const EXAMPLE_BOUNDARIES: readonly (string | null)[] = [
  // RFC 7578's own example.
  'AaB03x',
  // As WebKit-based browsers write it: note the four hyphens that are part of the boundary.
  '----WebKitFormBoundary7MA4YWxkTrZu0gW',
  // RFC 2046's example: a colon, so Content-Type must quote it.
  'gc0pJq0M:08jU534c0p',
  null,
];

/** The example a learner starts from: RFC 7578's boundary, a title and a small text file (facts: 192 bytes). */
export function exampleForm(): MultipartForm {
  return { fields: [EXAMPLE_FIELDS[0]!], file: EXAMPLE_FILES[0]!, boundary: EXAMPLE_BOUNDARIES[0]! };
}

/** The form's parts, in order: its text fields, then its file. */
export function formParts(form: MultipartForm): FormPart[] {
  const parts: FormPart[] = form.fields.map((f) => ({ name: f.name, content: f.value }));
  if (form.file) {
    parts.push({
      name: form.file.field,
      filename: form.file.filename,
      contentType: form.file.contentType,
      content: form.file.content,
    });
  }
  return parts;
}

/** Every part's content as byte strings: what a generated boundary must avoid. */
export function formContents(form: MultipartForm): string[] {
  return formParts(form).map((p) => byteString(p.content));
}

/** The form's body with its boundary, as a sender writes it (even with a boundary that occurs in a part). */
export function formBody(form: MultipartForm): { contentType: string; body: Uint8Array } {
  return { contentType: contentTypeValue(form.boundary), body: writeBody(formParts(form), form.boundary) };
}

// ---------------------------------------------------------------------------------------------
// Randomness carried in the state: a mulberry32 state, one number.

/** Runs `f` with a generator started at `seed`; returns its result and the state after it. */
export function withRandom<T>(seed: number, f: (random: () => number) => T): { value: T; seed: number } {
  let state = seed >>> 0;
  const random = () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
  const value = f(random);
  return { value, seed: state };
}

const pickOne = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.min(list.length - 1, Math.floor(random() * list.length))]!;

/** The list in a random order. */
export function shuffle<T>(random: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const randomChars = (random: () => number, chars: string, n: number) =>
  Array.from({ length: n }, () => pickOne(random, [...chars])).join('');

/** A boundary in one of the styles met in the wild: short, a browser's, all hyphens and digits, with a colon. */
export function randomBoundary(random: () => number): string {
  switch (Math.floor(random() * 4)) {
    case 0:
      return randomChars(random, ALNUM, 6 + Math.floor(random() * 7));
    case 1:
      return `----WebKitFormBoundary${randomChars(random, ALNUM, 16)}`;
    case 2:
      return `${'-'.repeat(27)}${randomChars(random, DIGITS, 12)}`;
    default:
      return `${randomChars(random, ALNUM, 8)}:${randomChars(random, ALNUM, 10)}`;
  }
}

/** The text fields a random form draws from (exported for the tests that read the screens). */
export const RANDOM_FIELDS: ReadonlyArray<{ name: string; values: readonly string[] }> = [
  { name: 'title', values: ['Holiday', 'Report', 'Lunch', 'Trip to the sea'] },
  { name: 'comment', values: ['Nice -- really', 'See you soon', 'Two\r\nlines'] },
  { name: 'city', values: ['Lisbon', 'Oslo', 'Kyoto'] },
  { name: 'email', values: ['ana@example.com', 'li@example.org'] },
  { name: 'note', values: ['line 1\r\nline 2', 'a - b -- c'] },
];

/**
 * A random form of two or three parts: one or two text fields (never empty) and a file, or two text fields;
 * its boundary occurs in no part.
 */
export function randomForm(random: () => number): MultipartForm {
  const file = random() < 0.6 ? pickOne(random, EXAMPLE_FILES.slice(0, 3)) : null;
  const count = file ? 1 + Math.floor(random() * 2) : 2;
  const fields = shuffle(random, RANDOM_FIELDS)
    .slice(0, count)
    .map((f) => ({ name: f.name, value: pickOne(random, f.values) }));
  const form: MultipartForm = { fields, file, boundary: '' };
  let boundary = randomBoundary(random);
  const contents = formContents(form);
  if (contents.some((c) => c.includes(boundary))) boundary = generateBoundary(random, contents);
  return { ...form, boundary };
}

// ---------------------------------------------------------------------------------------------
// Broken bodies

/**
 * How a delimiter is broken: its CRLF taken away (`joined` to the line before), a space before it
 * (`indented`), more after the boundary on its line (`junk`); the close delimiter without its trailing
 * hyphens (`no-close-dashes`) or with one leading hyphen only (`one-dash`).
 */
export type BreakKind = 'joined' | 'indented' | 'junk' | 'no-close-dashes' | 'one-dash';

export interface BrokenBody {
  body: Uint8Array;
  /** The line (1-based; a line ends after each LF) that holds the broken delimiter. */
  line: number;
  how: BreakKind;
}

const lineOf = (s: string, position: number) => {
  let line = 1;
  for (let i = s.indexOf('\n'); i >= 0 && i < position; i = s.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * The body with one delimiter after the first broken at random, in a way the parser names by its line (the
 * first delimiter is never broken: a receiver would take the part after it for text before the body, and
 * read the rest without complaint).
 */
export function breakBody(form: MultipartForm, random: () => number): BrokenBody {
  const s = byteString(formBody(form).body);
  const dash = `--${form.boundary}`;
  // Where each delimiter after the first starts (after the CRLF that is its own), and whether it is the close.
  const delimiters: Array<{ at: number; close: boolean }> = [];
  for (let i = s.indexOf(`\r\n${dash}`); i >= 0; i = s.indexOf(`\r\n${dash}`, i + 1)) {
    delimiters.push({ at: i + 2, close: s.startsWith('--', i + 2 + dash.length) });
  }
  const options = delimiters.flatMap((d) =>
    (d.close
      ? (['joined', 'indented', 'no-close-dashes', 'one-dash'] as const)
      : (['joined', 'indented', 'junk'] as const)
    ).map((how) => ({ ...d, how })),
  );
  const { contentType } = formBody(form);
  for (const choice of shuffle(random, options)) {
    const { at, how } = choice;
    let broken: string;
    let mark: number;
    switch (how) {
      case 'joined':
        broken = s.slice(0, at - 2) + s.slice(at);
        mark = at - 2;
        break;
      case 'indented':
        broken = `${s.slice(0, at)} ${s.slice(at)}`;
        mark = at;
        break;
      case 'junk':
        broken = `${s.slice(0, at + dash.length)}x${s.slice(at + dash.length)}`;
        mark = at;
        break;
      case 'no-close-dashes':
        broken = s.slice(0, at + dash.length) + s.slice(at + dash.length + 2);
        mark = at;
        break;
      case 'one-dash':
        broken = s.slice(0, at) + s.slice(at + 1);
        mark = at;
        break;
    }
    const line = lineOf(broken, mark);
    const parsed = parseMultipart(bytesOf(broken), contentType);
    // Only a break the parser finds on that very line: the question is graded by the parser.
    if (!parsed.ok && 'line' in parsed.problem && parsed.problem.line === line) {
      return { body: bytesOf(broken), line, how };
    }
  }
  throw new Error('no delimiter of this body can be broken where a receiver would see it');
}

/** The lines of a body that hold the boundary, as choices: `7: --AaB03x\r\n` (line number, the line escaped). */
export function delimiterChoices(body: Uint8Array, boundary: string): string[] {
  return escapedLines(body).flatMap((text, i) => (text.includes(boundary) ? [`${i + 1}: ${text}`] : []));
}

/** The line number a choice of delimiterChoices names. */
export function choiceLine(choice: string): number | undefined {
  const m = /^(\d+):/.exec(choice);
  return m ? Number(m[1]) : undefined;
}
