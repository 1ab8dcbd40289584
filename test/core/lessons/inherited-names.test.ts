// Names are the author's to choose: an id, an item, a parameter or a scenario named like a member every object
// inherits (constructor, toString, __proto__, …) means what it says, like any other name, and no name in a lesson
// changes what an object inherits (Object.prototype least of all).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/grading/expression.js';
import { drawParams, grade } from '../../../src/core/grading/grade.js';
import { validateLesson } from '../../../src/core/grading/lesson-checks.js';
import { interpolate, text } from '../../../src/core/i18n/localize.js';
import type { Exercise } from '../../../src/core/lessons/types.js';
import { runModelQuery } from '../../../src/core/models/registry.js';
import { findScenario } from '../../../src/core/scenario/builtins.js';

/** Every name a plain object inherits. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);
/** Those a parameter may be called ({name} takes letters, digits and _): all of them. */
const PARAM_NAMES = INHERITED.filter((n) => /^\w+$/.test(n));

const lesson = (pages: unknown[]) => ({
  formatVersion: 2,
  id: 'constructor',
  order: 1,
  title: 'T',
  summary: 'S',
  pages,
});
const problems = (doc: unknown, ctx = {}) => validateLesson(doc, ctx).problems.map((p) => `${p.field}: ${p.message}`);

describe('names every object inherits, in a lesson', () => {
  it('all of them are parameter names: each is drawn, filled in and computed with, like any other', () => {
    expect(PARAM_NAMES).toEqual(INHERITED);
    for (const name of PARAM_NAMES) {
      const exercise = {
        id: 'constructor',
        type: 'short',
        kind: 'number',
        prompt: `What is {${name}} + 1?`,
        hints: [`{${name}} plus one`],
        params: { [name]: { int: [41, 41] } },
        answer: { expr: `{${name}} + 1` },
      };
      const doc = lesson([{ id: 'constructor', exercise }]);
      expect(problems(doc), name).toEqual([]);
      const parsed = validateLesson(doc).lesson!.pages[0]!.exercise as Exercise;
      expect(Object.keys(parsed.params!)).toEqual([name]);
      const params = drawParams(parsed, () => 0);
      expect(Object.keys(params)).toEqual([name]);
      expect(interpolate(text(parsed.prompt, 'en'), params)).toBe('What is 41 + 1?');
      expect(grade(parsed, '42', { params, lesson: {} }).correct).toBe(true);
    }
  });

  it('a {placeholder} named like an inherited member is still one that must be declared', () => {
    for (const name of PARAM_NAMES) {
      const doc = lesson([
        {
          id: 'p',
          exercise: {
            id: 'q',
            type: 'short',
            kind: 'number',
            prompt: `{n} and {${name}}`,
            hints: ['h'],
            params: { n: { int: [1, 2] } },
            answer: { expr: '{n}' },
          },
        },
      ]);
      expect(problems(doc)).toEqual([
        `pages[0].exercise.prompt: uses {${name}}, which is not a declared parameter (see "params")`,
      ]);
    }
    // Filled in only from the parameters themselves: an inherited member is no value.
    for (const name of PARAM_NAMES) expect(interpolate(`{${name}}`, { n: 1 })).toBe(`{${name}}`);
    expect(() => evaluate('{toString} + 1', {})).toThrow(/expected a number/);
  });

  it('an ordering item called "constructor" gets its own why, and none when it has none', () => {
    const exercise = (why?: Record<string, string>) =>
      lesson([
        {
          id: 'p',
          exercise: {
            id: 'constructor',
            type: 'ordering',
            prompt: 'Order',
            hints: ['h'],
            items: [
              { id: 'b', text: 'B' },
              { id: 'constructor', text: 'C' },
              { id: 'a', text: 'A' },
            ],
            answer: ['a', 'b', 'constructor'],
            ...(why ? { why } : {}),
          },
        },
      ]);
    // The first item out of place is "constructor".
    const answer = ['constructor', 'a', 'b'];
    const without = validateLesson(exercise()).lesson!.pages[0]!.exercise!;
    expect(grade(without, answer, { params: {}, lesson: {} }).feedback).toEqual([]);
    const withWhy = validateLesson(exercise({ constructor: 'It comes last.' })).lesson!.pages[0]!.exercise!;
    expect(grade(withWhy, answer, { params: {}, lesson: {} }).feedback).toEqual(['It comes last.']);
    // A why keyed "__proto__" is an unknown item, reported; the whys keep what an object inherits.
    const doc = exercise(JSON.parse('{"__proto__": "x", "b": "B first"}'));
    expect(problems(doc)).toEqual(['pages[0].exercise.why.__proto__: expected an item id (b, constructor, a)']);
  });

  it('a model question called "constructor" has its own hints: none when none are written', () => {
    const doc = lesson([
      {
        id: 'constructor',
        model: {
          kind: 'tcp',
          scenario: 'handshake',
          predict: [{ id: 'constructor', before: { type: 'send', side: 'server', nth: 1 }, ask: 'next-ack' }],
        },
      },
    ]);
    expect(problems(doc)).toEqual([]);
    const page = validateLesson(doc).lesson!.pages[0]!;
    expect(page.model!.questionIds).toEqual(['constructor']);
    const settings = page.model!.settings as { predict: Array<{ hints: unknown[] }> };
    expect(settings.predict[0]!.hints).toEqual([]);
  });

  it("a scenario named like an inherited member is no scenario, with or without the lesson's own files", () => {
    for (const name of INHERITED) {
      expect(findScenario(name), name).toBeUndefined();
      expect(findScenario(name, {}), name).toBeUndefined();
      const doc = lesson([{ id: 'p', model: { kind: 'tcp', scenario: name } }]);
      expect(problems(doc, { scenarios: {} })).toEqual([
        `pages[0].model.scenario: no built-in scenario or scenario file named "${name}" (see \`nettutor sim --list\`)`,
      ]);
    }
  });

  it('"set" changes only the scenario\'s own fields: never what it inherits, nor Object.prototype', () => {
    const before = Object.getOwnPropertyDescriptors(Object.prototype);
    const query = (set: Record<string, string | number>) =>
      runModelQuery(
        {
          kind: 'tcp',
          settings: {
            scenario: 'handshake',
            set,
            query: { segment: { side: 'client', nth: 2 }, field: 'ack' },
          },
        },
        {},
        {},
      );
    expect(query({ 'server.isn': 7000 })).toEqual({ value: '7001' });
    for (const path of [
      '__proto__.toString',
      '__proto__.polluted',
      'client.__proto__.valueOf',
      'constructor.name',
      'client.constructor',
      'client.hasOwnProperty',
      'toString',
    ]) {
      expect(query({ [path]: 1 }), path).toEqual({ error: `scenario has no field '${path}'` });
    }
    expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"set" that leaves no valid scenario is named, not run: a list\'s length, an object replaced, a word for a number', () => {
    const query = (set: Record<string, string | number>) =>
      runModelQuery(
        {
          kind: 'tcp',
          settings: { scenario: 'handshake', set, query: { segment: { side: 'client', nth: 2 }, field: 'ack' } },
        },
        {},
        {},
      );
    expect(query({ 'actions.length': 0 })).toEqual({ error: "scenario has no field 'actions.length'" });
    for (const [path, value] of [
      ['client', 5],
      ['latencyMs', 'slow'],
      ['server.isn', -1],
    ] as const) {
      const answer = query({ [path]: value }) as { error?: string };
      expect(answer.error, path).toMatch(
        new RegExp(`^"set" ${path.replace('.', '\\.')} makes the scenario invalid: \\S`),
      );
    }
    // A valid setting still runs.
    expect(query({ 'server.isn': 41 })).toEqual({ value: '42' });
  });
});
