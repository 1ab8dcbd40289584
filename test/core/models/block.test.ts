// What kinds read the same way from a page's model block, each problem with its
// field: a list of names and the one shown first; the questions: the list,
// each question's id, its unknown fields, its hints (handed back by the loader
// under "hints") and duplicate ids, the kind reading only its own fields.
import { describe, expect, it } from 'vitest';
import { firstName, nameList, rawQuestionIds, readQuestion, readQuestions } from '../../../src/core/models/block.js';
import { Checker, type JsonObject } from '../../../src/core/schema/checker.js';

const PATH = 'pages[2].model';

/** A kind's own field: `ask`, one of two words; `refuse` refuses the question as a whole. */
function read(block: JsonObject, options: { field?: string; what?: string } = {}) {
  const c = new Checker();
  const questions = readQuestions(c, block, PATH, {
    ...options,
    keys: ['ask', 'refuse'],
    read(o, p, i) {
      if (o.refuse !== undefined) {
        c.problem(`${p}.refuse`, `refused question ${i}`);
        return null;
      }
      const ask = c.oneOf(o.ask, `${p}.ask`, ['status', 'who']);
      return ask ? { ask, index: i } : undefined;
    },
  });
  return { questions, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
}

describe('the questions of a model block', () => {
  it('reads each question: its id, its own fields and its hints', () => {
    expect(
      read({
        questions: [
          { id: 'q-one', ask: 'status' },
          { id: 'q-two', ask: 'who' },
        ],
        hints: { 'q-one': ['First.', { en: 'Second.', 'zh-CN': '第二。' }] },
      }),
    ).toEqual({
      questions: [
        { id: 'q-one', ask: 'status', index: 0, hints: ['First.', { en: 'Second.', 'zh-CN': '第二。' }] },
        { id: 'q-two', ask: 'who', index: 1, hints: [] },
      ],
      problems: [],
    });
  });

  it('has no questions when the block lists none, and none under another field', () => {
    expect(read({})).toEqual({ questions: [], problems: [] });
    expect(read({ questions: [] })).toEqual({ questions: [], problems: [] });
    expect(read({ questions: [{ id: 'q', ask: 'who' }] }, { field: 'predict' })).toEqual({
      questions: [],
      problems: [],
    });
  });

  it('names the field of each problem, and keeps none of the questions when one is wrong', () => {
    expect(read({ questions: { id: 'q' } }).problems).toEqual([
      'pages[2].model.questions: expected an array of questions, found an object',
    ]);
    const r = read({
      questions: ['q', { id: 'Q one', ask: 'status', asks: 'who' }, { id: 'q-three', ask: 'code' }],
      hints: { 'q-three': 'Not a list.' },
    });
    expect(r.questions).toBeUndefined();
    expect(r.problems).toEqual([
      'pages[2].model.questions[0]: expected an object, found "q"',
      'pages[2].model.questions[1].asks: unknown field (did you mean "ask"?); expected one of id, ask, refuse',
      'pages[2].model.questions[1].id: expected an id in kebab-case (a-z, 0-9 and -), found "Q one"',
      'pages[2].model.questions[2].ask: expected "status" or "who", found "code"',
      'pages[2].model.hints.q-three: expected an array of hints, found "Not a list."',
    ]);
  });

  it('checks the hints of a question whose own field is wrong, not those of a refused one', () => {
    const r = read({
      questions: [
        { id: 'a', ask: 'code' },
        { id: 'b', refuse: true },
      ],
      hints: { a: [''], b: [''] },
    });
    expect(r.problems).toEqual([
      'pages[2].model.questions[0].ask: expected "status" or "who", found "code"',
      'pages[2].model.hints.a[0]: expected a non-empty text, found ""',
      'pages[2].model.questions[1].refuse: refused question 1',
    ]);
  });

  it('reports an id used twice, by the field and the name of the list', () => {
    const questions = [
      { id: 'same', ask: 'status' },
      { id: 'same', ask: 'who' },
    ];
    expect(read({ questions }).problems).toEqual([
      'pages[2].model.questions[1].id: duplicate question id "same" (also at pages[2].model.questions[0])',
    ]);
    expect(read({ predict: questions }, { field: 'predict', what: 'predict questions' }).problems).toEqual([
      'pages[2].model.predict[1].id: duplicate predict question id "same" (also at pages[2].model.predict[0])',
    ]);
  });

  it('reads one question the same way, with its hints', () => {
    const c = new Checker();
    const block = { question: { id: 'one', ask: 'who' }, hints: { one: ['A hint.'] } };
    const own = (o: JsonObject, p: string) => c.oneOf(o.ask, `${p}.ask`, ['who']) && { ask: 'who' };
    expect(readQuestion(c, block, PATH, block.question, `${PATH}.question`, ['ask'], own)).toEqual({
      id: 'one',
      ask: 'who',
      hints: ['A hint.'],
    });
    expect(readQuestion(c, block, PATH, { ask: 'who', extra: 1 }, `${PATH}.question`, ['ask'], own)).toBeUndefined();
    expect(c.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'pages[2].model.question.extra: unknown field; expected one of id, ask',
      'pages[2].model.question.id: expected an id in kebab-case (a-z, 0-9 and -), found nothing',
    ]);
  });

  it('finds the ids as written, before the block is read', () => {
    expect(rawQuestionIds({ questions: [{ id: 'a' }, 'x', { ask: 'who' }, { id: 'b' }] })).toEqual(['a', 'b']);
    expect(rawQuestionIds({ questions: { id: 'a' } })).toEqual([]);
    expect(rawQuestionIds({ predict: [{ id: 'p' }] }, 'predict')).toEqual(['p']);
    expect(rawQuestionIds({ predict: [{ id: 'p' }] })).toEqual([]);
  });
});

describe('the names a block lists, and the one shown first', () => {
  const NAMES = ['ok', 'slow', 'refused'] as const;
  const problems = (c: Checker) => c.problems.map((p) => `${p.field}: ${p.message}`);

  it('lists each name once, at least one; all of them when the block lists none', () => {
    const c = new Checker();
    expect(nameList(c, undefined, `${PATH}.conditions`, NAMES, 'conditions')).toEqual(['ok', 'slow', 'refused']);
    expect(nameList(c, ['refused', 'ok'], `${PATH}.conditions`, NAMES, 'conditions')).toEqual(['refused', 'ok']);
    expect(problems(c)).toEqual([]);
    expect(nameList(c, [], `${PATH}.conditions`, NAMES, 'conditions')).toBeUndefined();
    expect(nameList(c, 'ok', `${PATH}.conditions`, NAMES, 'conditions')).toBeUndefined();
    expect(nameList(c, ['ok', 'slo', 'ok'], `${PATH}.conditions`, NAMES, 'conditions')).toBeUndefined();
    expect(problems(c)).toEqual([
      'pages[2].model.conditions: expected at least 1 conditions, found 0',
      'pages[2].model.conditions: expected an array of conditions, found "ok"',
      'pages[2].model.conditions[1]: expected one of ok, slow, refused; found "slo" (did you mean "slow"?)',
      'pages[2].model.conditions[2]: "ok" is listed twice',
    ]);
  });

  it("shows first the name given, among the page's; else the first of them", () => {
    const c = new Checker();
    expect(firstName(c, undefined, `${PATH}.start`, NAMES, ['slow', 'ok'], 'conditions')).toBe('slow');
    expect(firstName(c, 'ok', `${PATH}.start`, NAMES, ['slow', 'ok'], 'conditions')).toBe('ok');
    expect(firstName(c, undefined, `${PATH}.start`, NAMES, undefined, 'conditions')).toBeUndefined();
    expect(problems(c)).toEqual([]);
    expect(firstName(c, 'refused', `${PATH}.start`, NAMES, ['slow', 'ok'], 'conditions')).toBeUndefined();
    expect(firstName(c, 'nope', `${PATH}.start`, NAMES, ['slow', 'ok'], 'conditions')).toBeUndefined();
    expect(problems(c)).toEqual([
      'pages[2].model.start: "refused" is not among the page\'s conditions (slow, ok)',
      'pages[2].model.start: expected one of ok, slow, refused; found "nope"',
    ]);
  });
});
