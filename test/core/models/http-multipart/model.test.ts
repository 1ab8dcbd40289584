// The multipart model as a learner drives it: the keys change the form and
// the body follows; a page's question is asked about the body on screen and
// graded by the parser; the kind reads its settings and computes the header
// values of computed answers.
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { EXAMPLE_FILES, formBody } from '../../../../src/core/models/http-multipart/form.js';
import { multipartKind } from '../../../../src/core/models/http-multipart/kind.js';
import {
  gradeChoice,
  initialMultipartState,
  type MultipartAction,
  type MultipartSettings,
  type MultipartState,
  multipartReducer,
} from '../../../../src/core/models/http-multipart/model.js';
import { byteString, parseMultipart } from '../../../../src/core/models/http-multipart/multipart.js';
import { Checker } from '../../../../src/core/schema/checker.js';

const en = (t: Parameters<typeof text>[0]) => text(t, 'en');
const run = (state: MultipartState, ...actions: MultipartAction[]) => actions.reduce(multipartReducer, state);
const builder = () => initialMultipartState({}, 1);
const asking = (ask: 'boundary' | 'broken-delimiter' | 'value', seed = 1): MultipartState =>
  initialMultipartState({ question: { id: 'q', ask, hints: [] } }, seed);
const body = (s: MultipartState) => byteString(s.shown.body);

describe('the builder', () => {
  it("starts from RFC 7578's example: a title, notes.txt, boundary AaB03x, 192 bytes that read back", () => {
    const s = builder();
    expect(s.form.boundary).toBe('AaB03x');
    expect(s.shown.contentType).toBe('multipart/form-data; boundary=AaB03x');
    expect(s.shown.body.length).toBe(192);
    const read = parseMultipart(s.shown.body, s.shown.contentType);
    expect(read.ok && read.parts.map((p) => p.name)).toEqual(['title', 'photo']);
    expect(s.message).toBeNull();
  });

  it('adds example fields in turn (a), then says there are no more; removes the last (x), never the last part', () => {
    let s = run(builder(), { type: 'field/add' });
    expect(s.form.fields.map((f) => f.name)).toEqual(['title', 'comment']);
    expect(body(s)).toContain('name="comment"\r\n\r\nSun -- and sea\r\n--AaB03x');
    s = run(s, { type: 'field/add' }, { type: 'field/add' }, { type: 'field/add' });
    expect(en(s.message!)).toMatch(/Every example field/);
    s = run(s, { type: 'field/remove' });
    expect(s.form.fields.map((f) => f.name)).toEqual(['title', 'comment', 'note']);
    expect(s.message).toBeNull();
    // Without a file, the last field is the last part: a body needs one.
    s = run(builder(), { type: 'file/next' }, { type: 'file/next' }, { type: 'file/next' }, { type: 'file/next' });
    expect(s.form.file).toBeNull();
    const kept = run(s, { type: 'field/remove' });
    expect(kept.form.fields).toHaveLength(1);
    expect(en(kept.message!)).toMatch(/at least one part/);
  });

  it('picks each example file in turn (f), then none; a file holding the boundary is shown and named', () => {
    let s = builder();
    const names: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      s = run(s, { type: 'file/next' });
      names.push(s.form.file?.filename);
    }
    expect(names).toEqual(['cat.png', 'scores.csv', 'tricky.txt', undefined, 'notes.txt']);
    // tricky.txt holds "--AaB03x" at a line's start: the receiver takes it for a delimiter.
    s = run(builder(), { type: 'file/next' }, { type: 'file/next' }, { type: 'file/next' });
    expect(en(s.message!)).toMatch(/The boundary AaB03x occurs in tricky.txt/);
    const read = parseMultipart(s.shown.body, s.shown.contentType);
    expect(read.ok).toBe(false);
    // Another boundary and the same file read back.
    s = run(s, { type: 'boundary/next' });
    expect(s.message).toBeNull();
    expect(parseMultipart(s.shown.body, s.shown.contentType).ok).toBe(true);
  });

  it('cycles boundaries (b): a browser-style one, a quoted one with a colon, a generated one, back to AaB03x', () => {
    let s = builder();
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = run(s, { type: 'boundary/next' });
      seen.push(s.shown.contentType);
      expect(parseMultipart(s.shown.body, s.shown.contentType).ok).toBe(true);
    }
    expect(seen[0]).toBe('multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW');
    expect(seen[1]).toBe('multipart/form-data; boundary="gc0pJq0M:08jU534c0p"');
    expect(seen[2]).toMatch(/^multipart\/form-data; boundary=----nettutor[0-9A-Za-z]{16}$/);
    expect(seen[3]).toBe('multipart/form-data; boundary=AaB03x');
  });

  it('draws a random form (r) that reads back, and scrolls within what the view says', () => {
    const s = run(builder(), { type: 'form/random' });
    expect(parseMultipart(s.shown.body, s.shown.contentType).ok).toBe(true);
    expect(run(s, { type: 'scroll', delta: 5, max: 3 }).scroll).toBe(3);
    expect(run(s, { type: 'scroll', delta: -5, max: 3 }).scroll).toBe(0);
    expect(run(s, { type: 'tick' })).toBe(s);
  });
});

describe('its questions, graded by the parser', () => {
  it('asks for the boundary: only the boundary itself reads the body back', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = asking('boundary', seed);
      const b = s.form.boundary;
      expect(s.shown.choices).toContain(b);
      expect(s.shown.choices).toContain(`--${b}`);
      expect(s.shown.choices).toContain(`--${b}--`);
      for (const choice of s.shown.choices)
        expect(gradeChoice(s, choice).correct, `${b}: ${choice}`).toBe(choice === b);
    }
  });

  it('says why a delimiter line, the close delimiter or a boundary short of its hyphens is not the boundary', () => {
    const s = { ...asking('boundary'), form: { ...asking('boundary').form } };
    const b = s.form.boundary;
    expect(en(gradeChoice(s, `--${b}`).feedback[0]!)).toMatch(/is a delimiter line/);
    expect(en(gradeChoice(s, `--${b}--`).feedback[0]!)).toMatch(/is the close delimiter/);
    expect(en(gradeChoice(s, b).feedback[0]!)).toMatch(/Each delimiter line is --/);
    const webkit = run(initialMultipartState({ question: { id: 'q', ask: 'boundary', hints: [] } }, 1), {
      type: 'boundary/next',
    });
    expect(webkit.form.boundary).toMatch(/^----/);
    const verdict = gradeChoice(webkit, webkit.form.boundary.slice(2));
    expect(verdict.correct).toBe(false);
    expect(en(verdict.feedback[0]!)).toMatch(/Those hyphens are part of the boundary/);
    expect(en(verdict.feedback[1]!)).toMatch(/With that boundary a receiver fails/);
  });

  it('asks which line holds the broken delimiter: the line the parser names', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const s = asking('broken-delimiter', seed);
      const broken = s.shown.broken!;
      seen.add(broken.how);
      const right = s.shown.choices.filter((c) => gradeChoice(s, c).correct);
      expect(right).toEqual([s.shown.choices.find((c) => c.startsWith(`${broken.line}: `))]);
      expect(s.shown.choices.length).toBeGreaterThanOrEqual(3);
      const verdict = gradeChoice(s, right[0]!);
      expect(en(verdict.expected[0]!)).toBe(`line ${broken.line}`);
      expect(en(verdict.feedback[0]!)).toMatch(new RegExp(`^line ${broken.line}: `));
    }
    expect([...seen].sort()).toEqual(['indented', 'joined', 'junk', 'no-close-dashes', 'one-dash']);
  });

  it("asks for a value's bytes: the CRLF before the next delimiter is not the value's", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = asking('value', seed);
      const right = s.shown.choices.filter((c) => gradeChoice(s, c).correct);
      expect(right).toHaveLength(1);
      expect(right[0]!.endsWith('\\r\\n')).toBe(false);
      for (const wrong of s.shown.choices.filter((c) => c !== right[0]))
        expect(en(gradeChoice(s, wrong).feedback[0]!)).toMatch(/CRLF/);
    }
  });

  it('asks again about the new body once the form changes after a verdict', () => {
    const kind = multipartKind;
    const s = asking('broken-delimiter', 3);
    const q = kind.question(s)!;
    expect(q.answered).toBe(false);
    const { state: answered } = kind.answer(s, q.choices[0]!);
    expect(kind.question(answered)!.answered).toBe(true);
    const again = kind.reduce(answered, { type: 'form/random' });
    expect(kind.question(again)!.answered).toBe(false);
    expect(byteString((again as MultipartState).shown.body)).not.toBe(byteString(s.shown.body));
  });

  it('keeps a question page readable: a file holding the boundary gets another boundary there', () => {
    let s = asking('value', 2);
    s = { ...s, form: { ...s.form, boundary: 'AaB03x' }, fileIndex: 3 };
    s = run(s, { type: 'file/next' });
    expect(s.form.file?.filename).toBe(EXAMPLE_FILES[3]!.filename);
    expect(s.form.boundary).not.toBe('AaB03x');
    expect(parseMultipart(s.shown.body, s.shown.contentType).ok).toBe(true);
  });
});

describe('the kind', () => {
  const parse = (raw: Record<string, unknown>) => {
    const c = new Checker();
    const settings = multipartKind.parseBlock(c, { kind: 'http-multipart', ...raw }, 'pages[1].model', {});
    return { settings, problems: c.problems };
  };

  it('reads a page block: the builder alone, or with one question and its hints', () => {
    expect(parse({})).toEqual({ settings: {}, problems: [] });
    const settings: MultipartSettings = {
      question: { id: 'find-boundary', ask: 'boundary', hints: [{ en: 'Look at the first line.' }] },
    };
    expect(
      parse({
        question: { id: 'find-boundary', ask: 'boundary' },
        hints: { 'find-boundary': [{ en: 'Look at the first line.' }] },
      }),
    ).toEqual({ settings, problems: [] });
    expect(multipartKind.rawQuestionIds({ question: { id: 'find-boundary' } })).toEqual(['find-boundary']);
    expect(multipartKind.questionIds(settings)).toEqual(['find-boundary']);
    expect(parse({ question: { id: 'x', ask: 'bondary' } }).problems).toEqual([
      {
        field: 'pages[1].model.question.ask',
        message: 'expected one of boundary, broken-delimiter, value; found "bondary" (did you mean "boundary"?)',
      },
    ]);
    expect(parse({ scenario: 'handshake' }).problems[0]!.field).toBe('pages[1].model.scenario');
  });

  it('starts from the seed it is given: a new body at each visit of a question page', () => {
    const settings = { question: { id: 'q', ask: 'boundary' as const, hints: [] } };
    const a = multipartKind.start(settings, { seed: 11 }) as MultipartState;
    const b = multipartKind.start(settings, { seed: 12 }) as MultipartState;
    expect(byteString(a.shown.body)).not.toBe(byteString(b.shown.body));
    expect(multipartKind.tickMs(a)).toBeNull();
  });

  it("computes a part's Content-Disposition and the request's Content-Type from the attempt's parameters", () => {
    const query = (raw: Record<string, unknown>) => {
      const c = new Checker();
      const q = multipartKind.parseQuery(c, { kind: 'http-multipart', ...raw }, 'answer.model', {});
      expect(c.problems).toEqual([]);
      return q!;
    };
    const disposition = query({ disposition: { name: '{field}', filename: '{file}' } });
    expect(multipartKind.runQuery(disposition, { field: 'photo', file: 'cat 1.png' }, {})).toEqual({
      value: 'form-data; name="photo"; filename="cat 1.png"',
    });
    expect(multipartKind.runQuery(query({ disposition: { name: 'title' } }), {}, {})).toEqual({
      value: 'form-data; name="title"',
    });
    const type = query({ contentType: { boundary: '{b}' } });
    expect(multipartKind.runQuery(type, { b: 'gc0pJq0M:08jU534c0p' }, {})).toEqual({
      value: 'multipart/form-data; boundary="gc0pJq0M:08jU534c0p"',
    });
    expect(multipartKind.runQuery(type, { b: 'bad"one' }, {})).toHaveProperty('error');
    const c = new Checker();
    multipartKind.parseQuery(c, { kind: 'http-multipart' }, 'answer.model', {});
    expect(c.problems[0]!.message).toMatch(/expected one of "disposition"/);
  });
});

it('shows the example body as formBody writes it', () => {
  const s = builder();
  expect(byteString(s.shown.body)).toBe(byteString(formBody(s.form).body));
});
