// The multipart model as the learner drives it: a form (text fields, a file,
// a boundary) and the exact bytes of its body; keys add and remove fields,
// pick an example file, change the boundary, or draw a random form. A page
// may ask one question about the body on screen — which is the boundary,
// which line holds a broken delimiter, which bytes are a field's value —
// graded by the parser; after the verdict, any change of the form asks it
// again about the new body.
import type { Verdict } from '../../answers/verdict.js';
import type { LocalText } from '../../i18n/localize.js';
import {
  type BreakKind,
  breakBody,
  choiceLine,
  delimiterChoices,
  EXAMPLE_BOUNDARIES,
  EXAMPLE_FIELDS,
  EXAMPLE_FILES,
  exampleForm,
  formBody,
  formContents,
  formParts,
  type MultipartForm,
  randomForm,
  shuffle,
  withRandom,
} from './form.js';
import {
  boundaryOf,
  byteString,
  bytesOf,
  contentTypeValue,
  escapeBytes,
  generateBoundary,
  parseMultipart,
  type ParseProblem,
} from './multipart.js';
import { multipartText as say, parseProblemText, sayWith } from './phrases.js';

/** What a page's question asks about the body on screen. */
export const MULTIPART_ASKS = ['boundary', 'broken-delimiter', 'value'] as const;
export type MultipartAsk = (typeof MULTIPART_ASKS)[number];

export interface MultipartQuestionSettings {
  id: string;
  ask: MultipartAsk;
  hints: LocalText[];
}

/** A page's model: the builder, with a question about its body or without. */
export interface MultipartSettings {
  question?: MultipartQuestionSettings;
}

/** The body on screen and what the question needs of it. */
export interface Shown {
  /** The request's Content-Type, and the boundary it declares. */
  contentType: string;
  boundary: string;
  body: Uint8Array;
  /** broken-delimiter: where the broken delimiter is, and how it was broken. */
  broken?: { line: number; how: BreakKind };
  /** value: the field asked about. */
  field?: string;
  /** The question's choices, in the order shown. */
  choices: string[];
}

export interface MultipartState {
  settings: MultipartSettings;
  /** The state of the model's random generator (a random form, a generated boundary, a break). */
  seed: number;
  form: MultipartForm;
  /** Which example file and boundary `f` and `b` reach next (indexes of EXAMPLE_FILES, EXAMPLE_BOUNDARIES). */
  fileIndex: number;
  boundaryIndex: number;
  shown: Shown;
  /** The question on screen has been answered (its verdict stays until the form changes). */
  answered: boolean;
  /** The first body row on screen, or null while the view places it (on the line where a receiver fails). */
  scroll: number | null;
  message: LocalText | null;
}

export type MultipartAction =
  | { type: 'field/add' }
  | { type: 'field/remove' }
  | { type: 'file/next' }
  | { type: 'boundary/next' }
  | { type: 'form/random' }
  /** `from`: the first row the view shows; `max`: how far it can scroll. */
  | { type: 'scroll'; delta: number; max?: number; from?: number }
  | { type: 'tick' };

/** The choices of a question about a body, in the order shown (a random one where the order would tell). */
function choicesFor(ask: MultipartAsk, shown: Omit<Shown, 'choices'>, random: () => number): string[] {
  switch (ask) {
    case 'boundary': {
      const b = shown.boundary;
      return shuffle(random, [b, `--${b}`, `--${b}--`, ...(b.startsWith('--') ? [b.slice(2)] : [])]);
    }
    case 'broken-delimiter':
      return delimiterChoices(shown.body, shown.boundary);
    case 'value': {
      const read = parseMultipart(shown.body, shown.contentType);
      const part = read.ok ? read.parts.find((p) => p.name === shown.field) : undefined;
      const v = part ? byteString(part.content) : '';
      return shuffle(
        random,
        [v, `${v}\r\n`, `\r\n${v}`, `\r\n${v}\r\n`].map((c) => escapeBytes(bytesOf(c))),
      );
    }
  }
}

/** The body of the form and, for a question, what it is asked about (a broken copy, the field, the choices). */
function show(settings: MultipartSettings, form: MultipartForm, seed: number): { shown: Shown; seed: number } {
  const built = { ...formBody(form), boundary: form.boundary };
  const ask = settings.question?.ask;
  if (!ask) return { shown: { ...built, choices: [] }, seed };
  const r = withRandom(seed, (random) => {
    let shown: Omit<Shown, 'choices'> = built;
    if (ask === 'broken-delimiter') {
      const { body, line, how } = breakBody(form, random);
      shown = { ...built, body, broken: { line, how } };
    } else if (ask === 'value') {
      // A text field's value when there is one, else the file's bytes.
      const parts = formParts(form);
      const texts = parts.filter((p) => p.filename === undefined);
      const from = texts.length > 0 ? texts : parts;
      shown = { ...built, field: from[Math.min(from.length - 1, Math.floor(random() * from.length))]!.name };
    }
    return { ...shown, choices: choicesFor(ask, shown, random) };
  });
  return { shown: r.value, seed: r.seed };
}

/**
 * A question page's state showing a body given as it is (worked out by hand, say), rather than one of the
 * model's forms: the question is asked about it and graded by the parser as any other.
 */
export function askAbout(
  settings: MultipartSettings,
  given: { contentType: string; body: Uint8Array; field?: string },
  seed = 1,
): MultipartState {
  const declared = boundaryOf(given.contentType);
  const boundary = 'boundary' in declared ? declared.boundary : '';
  const shown = { ...given, boundary };
  const ask = settings.question?.ask;
  const choices = ask ? withRandom(seed, (random) => choicesFor(ask, shown, random)).value : [];
  return {
    ...initialMultipartState(settings, seed),
    form: { fields: [], file: null, boundary },
    shown: { ...shown, choices },
    answered: false,
    message: null,
  };
}

/** The state with a new form: its body shown, the question (if any) asked afresh about it. */
function withForm(state: MultipartState, form: MultipartForm, message: LocalText | null = null): MultipartState {
  const { shown, seed } = show(state.settings, form, state.seed);
  const collision = form.file && byteString(form.file.content).includes(form.boundary);
  return {
    ...state,
    form,
    shown,
    seed,
    answered: false,
    scroll: null,
    message: message ?? (collision ? say('boundaryInFile', form.boundary, form.file!.filename) : null),
  };
}

export function initialMultipartState(settings: MultipartSettings, seed: number): MultipartState {
  // A question is asked about a random form, so a learner who tries again meets a new body; the builder
  // starts from RFC 7578's example.
  const r = settings.question ? withRandom(seed, (random) => randomForm(random)) : { value: exampleForm(), seed };
  const base: MultipartState = {
    settings,
    seed: r.seed,
    form: r.value,
    fileIndex: 1,
    boundaryIndex: 1,
    shown: { ...formBody(r.value), boundary: r.value.boundary, choices: [] },
    answered: false,
    scroll: null,
    message: null,
  };
  return withForm(base, r.value);
}

export function multipartReducer(state: MultipartState, action: MultipartAction): MultipartState {
  switch (action.type) {
    case 'tick':
      return state;
    case 'scroll': {
      const max = Math.max(0, action.max ?? Number.POSITIVE_INFINITY);
      const scroll = Math.max(0, Math.min(max, (action.from ?? state.scroll ?? 0) + action.delta));
      return scroll === state.scroll ? state : { ...state, scroll };
    }
    case 'field/add': {
      const next = EXAMPLE_FIELDS.find((f) => !state.form.fields.some((g) => g.name === f.name));
      if (!next) return { ...state, message: say('allFields') };
      return withForm(state, fitBoundary({ ...state.form, fields: [...state.form.fields, next] }, state));
    }
    case 'field/remove': {
      if (state.form.fields.length === 0) return { ...state, message: say('noFieldToRemove') };
      // A body has at least one part (RFC 2046 §5.1.1); a broken delimiter is looked for among two or more.
      const min = minParts(state.settings);
      if (formParts(state.form).length <= min) return { ...state, message: say(min === 1 ? 'lastPart' : 'twoParts') };
      return withForm(state, { ...state.form, fields: state.form.fields.slice(0, -1) });
    }
    case 'file/next': {
      // Each example file in turn, then none (unless the parts left would be too few).
      let index = state.fileIndex;
      if (index >= EXAMPLE_FILES.length && state.form.fields.length < minParts(state.settings)) index = 0;
      const file = EXAMPLE_FILES[index] ?? null;
      const next = withForm(state, fitBoundary({ ...state.form, file }, state));
      return { ...next, fileIndex: (index + 1) % (EXAMPLE_FILES.length + 1) };
    }
    case 'boundary/next': {
      const index = state.boundaryIndex;
      const example = EXAMPLE_BOUNDARIES[index]!;
      const drawn =
        example === null
          ? withRandom(state.seed, (random) => generateBoundary(random, formContents(state.form)))
          : { value: example, seed: state.seed };
      const next = withForm({ ...state, seed: drawn.seed }, { ...state.form, boundary: drawn.value });
      return { ...next, boundaryIndex: (index + 1) % EXAMPLE_BOUNDARIES.length };
    }
    case 'form/random': {
      const r = withRandom(state.seed, (random) => randomForm(random));
      return withForm({ ...state, seed: r.seed }, r.value);
    }
  }
}

/** The fewest parts a form keeps: one (RFC 2046 §5.1.1), two where a broken delimiter is looked for. */
const minParts = (settings: MultipartSettings) => (settings.question?.ask === 'broken-delimiter' ? 2 : 1);

/**
 * On a question page the body must stay readable, so a boundary the new form's content holds is replaced by a
 * generated one; the builder keeps it, to show what happens.
 */
function fitBoundary(form: MultipartForm, state: MultipartState): MultipartForm {
  if (!state.settings.question) return form;
  const contents = formContents(form);
  if (!contents.some((c) => c.includes(form.boundary))) return form;
  // The seed is not advanced here: withForm draws from it next, and a collision is rare.
  return { ...form, boundary: withRandom(state.seed ^ 0x9e3779b9, (r) => generateBoundary(r, contents)).value };
}

/** What a receiver makes of the body on screen: the parts, or the first problem. */
export function receiverReads(state: MultipartState) {
  return parseMultipart(state.shown.body, state.shown.contentType);
}

/** The question on screen, in words. */
export function questionText(state: MultipartState): LocalText | null {
  const q = state.settings.question;
  if (!q) return null;
  switch (q.ask) {
    case 'boundary':
      return say('askBoundary');
    case 'broken-delimiter':
      return say('askBroken');
    case 'value':
      return say('askValue', state.shown.field ?? '');
  }
}

const WHY_BROKEN: Record<BreakKind, 'brokenJoined' | 'brokenIndented' | 'brokenClose' | 'brokenJunk'> = {
  joined: 'brokenJoined',
  indented: 'brokenIndented',
  junk: 'brokenJunk',
  'no-close-dashes': 'brokenClose',
  'one-dash': 'brokenClose',
};

const samePartNames = (a: readonly { name: string }[], b: readonly { name: string }[]) =>
  a.length === b.length && a.every((p, i) => p.name === b[i]!.name);

/** Grades a choice with the parser: the one boundary that reads the body back, the line it fails at, the bytes it reads. */
export function gradeChoice(state: MultipartState, choice: string): Verdict {
  const q = state.settings.question;
  const shown = state.shown;
  if (!q) return { correct: false, expected: [], feedback: [] };
  switch (q.ask) {
    case 'boundary': {
      const b = shown.boundary;
      // The one boundary that reads the body back as the request's Content-Type does, part for part.
      const sent = parseMultipart(shown.body, shown.contentType);
      const read = parseMultipart(shown.body, contentTypeValue(choice));
      const correct = read.ok && sent.ok && samePartNames(read.parts, sent.parts);
      const feedback: LocalText[] = [];
      if (!correct) {
        if (choice === `--${b}`) feedback.push(say('boundaryIsDelimiter', choice));
        else if (choice === `--${b}--`) feedback.push(say('boundaryIsClose', choice));
        else if (`--${choice}` === b) feedback.push(say('boundaryLostHyphens'));
        if (!read.ok) feedback.push(sayWith('withThatBoundary', parseProblemText(read.problem)));
      } else feedback.push(say('boundaryRight', choice));
      return { correct, expected: [b], feedback };
    }
    case 'broken-delimiter': {
      const read = parseMultipart(shown.body, shown.contentType);
      const problem: ParseProblem | undefined = read.ok ? undefined : read.problem;
      const line = problem && 'line' in problem ? problem.line : undefined;
      const correct = line !== undefined && choiceLine(choice) === line;
      const feedback: LocalText[] = [];
      if (problem) feedback.push(parseProblemText(problem));
      if (shown.broken) feedback.push(say(WHY_BROKEN[shown.broken.how]));
      return { correct, expected: [line === undefined ? '' : say('lineChoice', line)], feedback };
    }
    case 'value': {
      const read = parseMultipart(shown.body, shown.contentType);
      const part = read.ok ? read.parts.find((p) => p.name === shown.field) : undefined;
      const value = part ? escapeBytes(part.content) : '';
      const correct = part !== undefined && choice === value;
      const feedback: LocalText[] = [];
      if (correct) feedback.push(say('valueRight'));
      else if (choice.startsWith('\\r\\n')) feedback.push(say('valueLeadingCrlf'));
      else if (choice.endsWith('\\r\\n')) feedback.push(say('valueTrailingCrlf'));
      return { correct, expected: [value], feedback };
    }
  }
}
