// Review pages: a lesson that asks other lessons' exercises and model questions without copying them. The
// item is the origin's own, graded with the origin's scenario files and fresh parameters at each attempt;
// progress goes under the review's id, each item as `<origin>/<id>`; every way a review page can point at
// nothing is a problem naming the file, the line and the field, and leaves the review out.
import { describe, expect, it } from 'vitest';
import { validateLesson } from '../../../src/core/grading/lesson-checks.js';
import { gradedKey, resolveReviews } from '../../../src/core/lessons/review.js';
import type { Lesson, Page } from '../../../src/core/lessons/types.js';
import { emptyProgress } from '../../../src/core/progress/merge.js';
import { courseScore, gradedIds, lessonScore, lessonStatus } from '../../../src/core/progress/score.js';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import type { Scenario } from '../../../src/core/tcp/types.js';
import {
  type TutorAction,
  type TutorState,
  currentPage,
  initialTutorState,
  tutorReducer,
} from '../../../src/core/tutor/machine.js';

// A scenario file of the origin lesson: the SYN takes longer than the RTO, so the client sends it twice.
const slow = parseScenario(
  {
    latencyMs: 200,
    rtoMs: 300,
    actions: [
      { at: 0, side: 'server', call: 'listen' },
      { at: 10, side: 'client', call: 'connect' },
    ],
  },
  { defaultName: 'slow' },
);
if (!slow.ok) throw new Error('the test scenario is not valid');
const scenarios: Record<string, Scenario> = { 'slow.json': slow.scenario };

function lessonOf(doc: Record<string, unknown>, extra: Partial<Lesson> = {}): Lesson {
  const r = validateLesson({ formatVersion: 2, summary: 'S.', ...doc }, { scenarios: extra.scenarios });
  if (!r.lesson) throw new Error(JSON.stringify(r.problems));
  return { ...r.lesson, source: `/packs/${String(doc.id)}/lesson.jsonc`, pack: 'test', ...extra };
}

const origin = lessonOf(
  {
    id: 'origin',
    order: 1,
    title: { en: 'The origin', 'zh-CN': '来源' },
    pages: [
      {
        id: 'count',
        title: { en: 'How many SYNs', 'zh-CN': '几个 SYN' },
        exercise: {
          id: 'syn-count',
          type: 'short',
          kind: 'number',
          prompt: {
            en: 'The ISN is {isn}. How many SYNs does the client send?',
            'zh-CN': 'ISN 是 {isn}。客户端发送几个 SYN？',
          },
          hints: [{ en: 'Count the retransmissions.', 'zh-CN': '数一数重传。' }],
          params: { isn: { int: [1000, 900000] } },
          answer: {
            model: {
              kind: 'tcp',
              scenario: 'slow.json',
              set: { 'client.isn': '{isn}' },
              query: { count: { side: 'client', flags: ['SYN'] } },
            },
          },
          mistakes: [
            {
              id: 'one',
              answer: 1,
              why: { en: 'It is sent again before any answer.', 'zh-CN': '在回应之前又发了一次。' },
            },
          ],
        },
      },
      {
        id: 'pick',
        exercise: {
          id: 'q',
          type: 'single',
          prompt: 'Which?',
          hints: ['A hint.'],
          options: [
            { id: 'a', text: 'A', why: 'No: not A.' },
            { id: 'b', text: 'B', why: 'Right: B.' },
          ],
          answer: 'b',
        },
      },
      {
        id: 'find',
        text: 'Read the boundary off the body.',
        model: {
          kind: 'http-multipart',
          question: { id: 'find-boundary', ask: 'boundary' },
          hints: { 'find-boundary': ['Two hyphens.'] },
        },
      },
    ],
  },
  { scenarios },
);

// A second lesson with an exercise of the same id as the origin's.
const other = lessonOf({
  id: 'other',
  order: 2,
  title: 'Other',
  pages: [
    {
      id: 'pick',
      exercise: {
        id: 'q',
        type: 'single',
        prompt: 'Which one?',
        hints: ['A hint.'],
        options: [
          { id: 'x', text: 'X', why: 'Right: X.' },
          { id: 'y', text: 'Y', why: 'No: Y.' },
        ],
        answer: 'x',
      },
    },
  ],
});

function review(pages: Page[], id = 'rev'): Lesson {
  return {
    id,
    order: 9,
    title: 'Review',
    summary: 'Everything again.',
    source: `/packs/${id}/lesson.jsonc`,
    pack: 'test',
    pages: [{ id: 'intro', text: 'Hello.' }, ...pages],
  };
}

const rev = review([
  { id: 'count-again', review: { from: 'origin/syn-count', line: 7 } },
  { id: 'pick-origin', title: 'A title of its own', review: { from: 'origin/q' } },
  { id: 'pick-other', review: { from: 'other/q' } },
  { id: 'find-again', review: { from: 'origin/find-boundary' } },
]);

const resolved = resolveReviews([origin, other, rev]);
const revResolved = resolved.lessons.find((l) => l.id === 'rev')!;
const pageOf = (id: string) => revResolved.pages.find((p) => p.id === id)!;

describe('resolving review pages', () => {
  it("puts the origin's own exercise or model on the page, with its title and text unless the page has its own", () => {
    expect(resolved.problems).toEqual([]);
    expect(resolved.lessons.map((l) => l.id)).toEqual(['origin', 'other', 'rev']);
    const count = pageOf('count-again');
    expect(count.exercise).toBe(origin.pages[0]!.exercise);
    expect(count.title).toBe(origin.pages[0]!.title);
    expect(count.review?.origin).toMatchObject({
      lesson: 'origin',
      page: 'count',
      lessonTitle: origin.title,
      scenarios,
    });
    expect(pageOf('pick-origin').title).toBe('A title of its own');
    const find = pageOf('find-again');
    expect(find.model).toBe(origin.pages[2]!.model);
    expect(find.text).toBe(origin.pages[2]!.text);
    // The origin lessons are left as they are.
    expect(resolved.lessons[0]).toBe(origin);
  });

  it('keeps every item by <origin-lesson>/<id>, so items of the same id in two lessons stay apart', () => {
    expect(gradedIds(revResolved)).toEqual(['origin/syn-count', 'origin/q', 'other/q', 'origin/find-boundary']);
    expect(gradedKey(pageOf('pick-other'), 'q')).toBe('other/q');
    expect(gradedKey(origin.pages[1]!, 'q')).toBe('q');
    // Before it is resolved, a review page counts as the one item it names.
    expect(gradedIds(rev)).toEqual(['origin/syn-count', 'origin/q', 'other/q', 'origin/find-boundary']);
  });

  it('is idempotent: lessons resolved already resolve to the same', () => {
    const again = resolveReviews(resolved.lessons);
    expect(again.problems).toEqual([]);
    expect(again.lessons).toEqual(resolved.lessons);
  });
});

describe('problems of review pages', () => {
  const problemsOf = (pages: Page[], skipped: string[] = []) => {
    const r = resolveReviews(
      [origin, other, review(pages), review([{ id: 'a', review: { from: 'origin/q' } }], 'rev2')],
      skipped,
    );
    expect(r.lessons.map((l) => l.id)).toContain('rev2');
    return r;
  };

  it.each([
    ['an unknown lesson', 'orgin/q', 'no lesson "orgin" is loaded (did you mean "origin"?)'],
    [
      'a lesson nobody wrote',
      'user-agent/vary',
      'no lesson "user-agent" is loaded (the lessons loaded: origin, other, rev2)',
    ],
    [
      'an unknown exercise',
      'origin/syn-cout',
      'the lesson "origin" has no exercise or question "syn-cout" (did you mean "syn-count"?)',
    ],
    [
      'an item far from any',
      'other/nothing-like-it',
      'the lesson "other" has no exercise or question "nothing-like-it" (it has q)',
    ],
    ['the review itself', 'rev/q', '"rev/q" is in this lesson itself'],
    ['a page of another review', 'rev2/a', '"rev2/a" is a review page of "rev2", which draws on "origin/q"'],
    ['an item another review asks', 'rev2/q', 'never on another review (name "origin/q" itself)'],
  ])('%s: names the file, the line and the field, and leaves the review out', (_, from, message) => {
    const r = problemsOf([{ id: 'p', review: { from, line: 12 } }]);
    expect(r.lessons.map((l) => l.id)).not.toContain('rev');
    expect(r.problems).toEqual([
      {
        file: '/packs/rev/lesson.jsonc',
        line: 12,
        field: 'pages[1].review.from',
        message: expect.stringContaining(message),
      },
    ]);
  });

  it('a lesson found but not loaded, for problems of its own, is named as such', () => {
    const r = problemsOf([{ id: 'p', review: { from: 'broken/q' } }], ['broken']);
    expect(r.problems[0]!.message).toBe(
      'the lesson "broken" was not loaded: it has problems of its own (listed with its files)',
    );
  });

  it('the same exercise twice, or two questions of one model page, is a problem at the second', () => {
    const twice = problemsOf([
      { id: 'a', review: { from: 'origin/q' } },
      { id: 'b', review: { from: 'origin/q' } },
    ]);
    expect(twice.problems.map((p) => [p.field, p.message])).toEqual([
      ['pages[2].review.from', '"origin/q" is asked already by pages[1]'],
    ]);
    const model = problemsOf([
      { id: 'a', review: { from: 'origin/find-boundary' } },
      { id: 'b', review: { from: 'origin/find-boundary' } },
    ]);
    expect(model.problems[0]!.message).toContain(
      "which pages[1] reuses already (a model's page comes with every question it asks)",
    );
  });

  it('every problem of a review is reported, not just the first', () => {
    const r = problemsOf([
      { id: 'a', review: { from: 'nope/q' } },
      { id: 'b', review: { from: 'origin/nope' } },
    ]);
    expect(r.problems.map((p) => p.field)).toEqual(['pages[1].review.from', 'pages[2].review.from']);
  });
});

// ---------------------------------------------------------------------------------------------
// In a session: the review page grades through its origin, and scores under the review.

const run = (state: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, state);
const session = () =>
  initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: resolved.lessons,
    progress: emptyProgress(),
    seed: 11,
    startLesson: 'rev',
  });
const type = (text: string): TutorAction[] => [...text].map((c) => ({ type: 'answer/type', text: c }) as const);
/** The expected count: a SYN every 300 ms until the SYN,ACK comes back after 400 ms: at 10 and at 310 ms. */
const SYNS = '2';

describe('a review page in a session', () => {
  it("grades a computed answer with the origin's scenario file, and records it under the review only", () => {
    let s = run(session(), { type: 'page/next' });
    expect(currentPage(s)?.id).toBe('count-again');
    s = run(s, ...type(SYNS), { type: 'answer/submit' });
    expect(s.attempt?.verdict?.correct).toBe(true);
    expect(s.progress.lessons.rev?.exercises['origin/syn-count']).toMatchObject({ solved: true, score: 1 });
    expect(s.progress.lessons.origin).toBeUndefined();
    // The origin's mistake, and its why.
    const wrong = run(session(), { type: 'page/next' }, ...type('1'), { type: 'answer/submit' });
    expect(wrong.attempt?.verdict).toMatchObject({
      correct: false,
      feedback: [{ en: 'It is sent again before any answer.', 'zh-CN': '在回应之前又发了一次。' }],
    });
  });

  it('draws new parameters at each attempt, as in the origin lesson', () => {
    let s = run(session(), { type: 'page/next' });
    const seen = new Set<number | string>();
    for (let i = 0; i < 5; i++) {
      seen.add(s.attempt!.params.isn!);
      s = run(s, ...type('9'), { type: 'answer/submit' }, { type: 'answer/retry' });
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("counts hints and the solution under the review, with the origin's hints", () => {
    const s = run(session(), { type: 'page/next' }, { type: 'answer/focus' }, { type: 'back' }, { type: 'hint' });
    expect(s.attempt?.hintsShown).toBe(1);
    expect(s.progress.lessons.rev?.exercises['origin/syn-count']?.hintsUsed).toBe(1);
    const shown = run(s, { type: 'hint' }, { type: 'solution/confirm', yes: true });
    expect(shown.attempt?.solution).toEqual([SYNS]);
    expect(shown.progress.lessons.rev?.exercises['origin/syn-count']?.solutionShown).toBe(true);
  });

  it("keeps the two lessons' items of the same id apart, drafts included", () => {
    let s = run(session(), { type: 'page/next' }, { type: 'page/next' }, { type: 'answer/toggle' });
    expect(s.attempt?.marked).toEqual(['a']);
    s = run(s, { type: 'page/next' });
    expect(currentPage(s)?.id).toBe('pick-other');
    // The same exercise id, another lesson's question: no draft of the first one here.
    expect(s.attempt?.marked).toEqual([]);
    s = run(s, { type: 'answer/submit' });
    expect(s.progress.lessons.rev?.exercises['other/q']?.solved).toBe(true);
    expect(s.progress.lessons.rev?.exercises['origin/q']).toBeUndefined();
    s = run(s, { type: 'page/prev' });
    expect(s.attempt?.marked).toEqual(['a']);
  });

  it("asks a model's question on the model's page and records it under the review", () => {
    let s = run(session(), ...Array.from({ length: 4 }, () => ({ type: 'page/next' }) as const));
    expect(currentPage(s)?.id).toBe('find-again');
    expect(s.prediction?.pointId).toBe('find-boundary');
    s = run(s, { type: 'predict/hint' });
    expect(s.progress.lessons.rev?.exercises['origin/find-boundary']?.hintsUsed).toBe(1);
    s = run(s, { type: 'predict/submit' });
    expect(s.progress.lessons.rev?.exercises['origin/find-boundary']?.attempts).toBe(1);
    expect(s.progress.lessons.origin).toBeUndefined();
  });

  it('scores the review over its items, and the course over every item of every lesson', () => {
    let s = session();
    for (let i = 0; i < rev.pages.length; i++) s = run(s, { type: 'page/next' });
    let p = s.progress;
    const record = () => p.lessons.rev;
    expect(lessonStatus(revResolved, record())).toBe('in-progress');
    s = run(session(), { type: 'page/next' }, ...type(SYNS), { type: 'answer/submit' });
    p = s.progress;
    expect(lessonScore(revResolved, record())).toBe(1 / 4);
    // 3 items in origin, 1 in other, 4 in the review: one solved at the first try.
    expect(courseScore(resolved.lessons, p)).toEqual({ score: 1 / 8, solved: 1, of: 8, done: 0 });
  });
});
