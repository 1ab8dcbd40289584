import { describe, expect, it } from 'vitest';
import { resolveLocale, text } from '../../../src/core/i18n/localize.js';
import { validateLesson } from '../../../src/core/grading/lesson-checks.js';

const base = () => ({
  formatVersion: 2,
  id: 'demo',
  order: 3,
  title: 'Demo',
  summary: { en: 'A demo', 'zh-CN': '演示' },
  pages: [
    { id: 'p1', text: 'Hello' },
    {
      id: 'p2',
      exercise: {
        id: 'q1',
        type: 'single',
        prompt: 'Pick',
        hints: ['h'],
        options: [
          { id: 'a', text: 'A', why: 'because' },
          { id: 'b', text: 'B', why: 'because' },
        ],
        answer: 'a',
      },
    },
  ],
});

const problems = (doc: unknown) => validateLesson(doc).problems.map((p) => `${p.field}: ${p.message}`);

describe('lesson validation', () => {
  it('accepts a valid lesson and builds the model', () => {
    const r = validateLesson(base());
    expect(r.problems).toEqual([]);
    expect(r.lesson?.pages[1]?.exercise?.id).toBe('q1');
  });

  it('names the field and what was expected, for every problem at once', () => {
    const doc = base() as Record<string, unknown> & { pages: Array<Record<string, unknown>> };
    doc.formatVersion = 1;
    doc.titel = 'typo';
    (doc.pages[1]!.exercise as Record<string, unknown>).answer = 'c';
    (doc.pages[1]!.exercise as Record<string, unknown>).hints = [];
    const list = problems(doc);
    expect(list).toContain('formatVersion: expected 2 (the lesson format this nettutor reads), found 1');
    expect(list.some((p) => p.startsWith('titel: unknown field (did you mean "title"?)'))).toBe(true);
    expect(list).toContain('pages[1].exercise.hints: expected at least 1 hints, found 0');
    expect(
      list.some((p) => p.startsWith('pages[1].exercise.answer: expected one of the option ids a, b; found "c"')),
    ).toBe(true);
  });

  it('catches duplicate ids, empty pages and an ordering already in order', () => {
    const doc = base();
    doc.pages.push({ id: 'p1', text: 'again' } as never, { id: 'empty' } as never);
    doc.pages.push({
      id: 'p4',
      exercise: {
        id: 'o',
        type: 'ordering',
        prompt: 'Order',
        hints: ['h'],
        items: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
        ],
        answer: ['x', 'y'],
      },
    } as never);
    const list = problems(doc);
    expect(list.some((p) => p.includes('duplicate page id "p1"'))).toBe(true);
    expect(list.some((p) => p.startsWith('pages[3]: expected a text, an "exercise", a "model" or a "review"'))).toBe(
      true,
    );
    expect(list.some((p) => p.includes('already listed in the right order'))).toBe(true);
  });

  it('requires English in every translated text', () => {
    const doc = base();
    (doc as Record<string, unknown>).title = { 'zh-CN': '演示' };
    expect(problems(doc)).toContain('title.en: expected the English text (required in every translated text)');
  });

  it('checks that parameters used in texts are declared and that computed answers compute', () => {
    const doc = base();
    doc.pages.push({
      id: 'p3',
      exercise: {
        id: 'n',
        type: 'short',
        kind: 'number',
        prompt: 'ISN is {isn}; seq is {seq}',
        hints: ['h'],
        params: { isn: { int: [1, 5] } },
        answer: {
          model: { kind: 'tcp', scenario: 'handshake', query: { segment: { side: 'server', nth: 9 }, field: 'ack' } },
        },
      },
    } as never);
    const list = problems(doc);
    expect(list).toContain('pages[2].exercise.prompt: uses {seq}, which is not a declared parameter (see "params")');
    const again = base();
    again.pages.push({
      id: 'p3',
      exercise: {
        id: 'n',
        type: 'short',
        kind: 'number',
        prompt: 'ack?',
        hints: ['h'],
        answer: {
          model: { kind: 'tcp', scenario: 'handshake', query: { segment: { side: 'server', nth: 9 }, field: 'ack' } },
        },
      },
    } as never);
    expect(
      problems(again).some((p) => p.includes('the answer cannot be computed: the run has 1 matching segment, not 9')),
    ).toBe(true);
  });

  it('rejects a predict question that points at no event of the run', () => {
    const doc = base();
    doc.pages.push({
      id: 'sim',
      model: {
        kind: 'tcp',
        scenario: 'handshake',
        predict: [{ id: 'q', before: { type: 'drop' }, ask: 'next-state' }],
      },
    } as never);
    expect(problems(doc)).toContain(
      'pages[2].model.predict[0].before: the run of "handshake" has no such event ({"type":"drop"})',
    );
  });

  it('rejects a model run of a scenario that does not exist', () => {
    const doc = base();
    doc.pages.push({ id: 'sim', model: { kind: 'tcp', scenario: 'handshak' } } as never);
    expect(
      problems(doc).some((p) =>
        p.startsWith('pages[2].model.scenario: no built-in scenario or scenario file named "handshak"'),
      ),
    ).toBe(true);
  });
  it('names the kinds of model a page may use', () => {
    const doc = base();
    (doc.pages as unknown[]).push({ id: 'm', model: { kind: 'http', scenario: 'handshake' } });
    expect(problems(doc)).toEqual([
      'pages[2].model.kind: expected one of tcp, http-gateway, http-proxy, http-multipart, http-versions, http-ua-cache; found "http" (did you mean "tcp"?)',
    ]);
  });

  it('rejects "nth" in a count, which counts every matching segment', () => {
    const doc = base();
    (doc.pages as unknown[]).push({
      id: 'c',
      exercise: {
        id: 'how-many',
        type: 'short',
        kind: 'number',
        prompt: 'How many?',
        hints: ['Count.'],
        answer: { model: { kind: 'tcp', scenario: 'handshake', query: { count: { side: 'client', nth: 2 } } } },
      },
    });
    expect(problems(doc)).toEqual([
      'pages[2].exercise.answer.model.query.count.nth: a count counts every matching segment: "nth" picks one, so it does not apply here',
    ]);
  });
});

describe('localisation', () => {
  it('falls back to English and matches zh to zh-CN', () => {
    expect(text({ en: 'Hello', 'zh-CN': '你好' }, 'zh-CN')).toBe('你好');
    expect(text({ en: 'Hello', 'zh-CN': '你好' }, 'zh')).toBe('你好');
    expect(text({ en: 'Hello' }, 'zh-CN')).toBe('Hello');
    expect(text('Plain', 'zh-CN')).toBe('Plain');
  });

  it('takes --lang, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, {})).toBe('en');
  });

  it('puts the language saved with the progress after --lang and before LANG', () => {
    // --lang wins over the saved choice; the saved choice over LANG; then LANG as before.
    expect(resolveLocale('en', { LANG: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', {}, 'en')).toBe('zh-CN');
    expect(resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' }, 'en')).toBe('en');
    expect(resolveLocale(undefined, { LANG: 'en_US.UTF-8' }, 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' }, undefined)).toBe('zh-CN');
  });
});
