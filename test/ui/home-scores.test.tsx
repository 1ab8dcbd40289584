// The lesson list with eleven lessons: each row's score, whatever its lesson's graded items are (exercises,
// a model's question, a review page's items), the course's score under the list, and the list kept within
// 80×24 and 60×20, scrolled to the lesson highlighted when it does not fit (g and G reach the first and the
// last one), in 7-bit ASCII, and in Chinese. The numbers below are worked out by hand from the fixtures.
import stringWidth from 'string-width';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveReviews } from '../../src/core/lessons/review.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { emptyProgress, recordAnswer, recordHint, recordPage } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import { sampleLesson } from '../fixtures/lessons.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const at = '2026-01-01T00:00:00.000Z';

/** Nine lessons like the sample (four exercises each), the first of them the sample itself. */
const likeSample = Array.from(
  { length: 9 },
  (_, i): Lesson =>
    i === 0
      ? sampleLesson
      : {
          ...sampleLesson,
          id: `lesson-${i + 1}`,
          order: i + 1,
          title: { en: `Lesson ${i + 1} of the course`, 'zh-CN': `第 ${i + 1} 课` },
        },
);

/** A lesson whose only graded item is a model's question. */
const modelsOnly: Lesson = {
  id: 'models',
  order: 10,
  title: { en: 'A model and its question', 'zh-CN': '一个模型和它的问题' },
  summary: 'One question, asked by a model.',
  source: '/fixtures/models/lesson.jsonc',
  pack: 'test',
  pages: [
    {
      id: 'find',
      model: {
        kind: 'http-multipart',
        settings: { question: { id: 'find-boundary', ask: 'boundary', hints: [] } },
        questionIds: ['find-boundary'],
      },
    },
  ],
};

/** A review of two of the sample's exercises and of the model's question. */
const review: Lesson = {
  id: 'review',
  order: 11,
  title: { en: 'Review', 'zh-CN': '复习' },
  summary: 'Everything again.',
  source: '/fixtures/review/lesson.jsonc',
  pack: 'test',
  pages: [
    { id: 'r1', review: { from: 'sample/isn-carrier' } },
    { id: 'r2', review: { from: 'sample/synack-ack' } },
    { id: 'r3', review: { from: 'models/find-boundary' } },
  ],
};

const resolved = resolveReviews([...likeSample, modelsOnly, review]);
const lessons = resolved.lessons;

function progressOf(): Progress {
  let p = emptyProgress();
  const right = { correct: true, hintsUsed: 0, solutionShown: false, at };
  // The sample: every page seen, its four exercises right at the first try: done, 100%.
  for (const page of sampleLesson.pages) p = recordPage(p, 'sample', page.id, at);
  for (const id of ['isn-carrier', 'active-closer-states', 'handshake-order', 'synack-ack'])
    p = recordAnswer(p, 'sample', id, right);
  // Lesson 2: one exercise right after a hint: 1 - 0.25 = 0.75 of four, 18.75%: in progress, 19%.
  p = recordHint(p, 'lesson-2', 'isn-carrier', { hintsUsed: 1, solutionShown: false, at });
  p = recordAnswer(p, 'lesson-2', 'isn-carrier', { ...right, hintsUsed: 1 });
  // The model's question, right at the second try: 1 - 0.1 = 0.9; its one page seen: done, 90%.
  p = recordPage(p, 'models', 'find', at);
  p = recordAnswer(p, 'models', 'find-boundary', { ...right, correct: false });
  p = recordAnswer(p, 'models', 'find-boundary', right);
  // The review: the sample's synack-ack right at once, under the review only: 1 of 3, 33%.
  p = recordPage(p, 'review', 'r2', at);
  p = recordAnswer(p, 'review', 'sample/synack-ack', right);
  return p;
}
// The course: 9 × 4 + 1 + 3 = 40 items; 4 + 0.75 + 0.9 + 1 = 6.65 of 40 is 16.6%: 17%, with 7 solved.
const OVERALL = {
  en: /Overall, every exercise of every lesson: 7\/40 solved +17%$/,
  short: /Overall: 7\/40 exercises solved +17%$/,
};

const rowOf = (frame: string, title: string) => frame.split('\n').find((l) => l.slice(2).startsWith(title));

describe('the lesson list with scores', () => {
  it('shows each lesson its score, for exercises, a model question and review items alike, and the course', async () => {
    expect(resolved.problems).toEqual([]);
    const ui = await renderTutor({ lessons, progress: progressOf(), columns: 80, rows: 24 });
    const frame = await ui.waitForFrame('Overall');
    expect(rowOf(frame, 'Sample lesson')).toMatch(/✓ done 100%$/);
    expect(rowOf(frame, 'Lesson 2 of the course')).toMatch(/… in progress 19%$/);
    expect(rowOf(frame, 'Lesson 3 of the course')).toMatch(/ {2}not started$/);
    expect(rowOf(frame, 'A model and its question')).toMatch(/✓ done 90%$/);
    expect(rowOf(frame, 'Review')).toMatch(/… in progress 33%$/);
    expect(frame.split('\n').find((l) => l.includes('Overall'))).toMatch(OVERALL.en);
    // All eleven fit at 80×24, under the title and help, with the summary of the highlighted one.
    const lines = frame.split('\n');
    expect(lines.filter((l) => /(not started|in progress|done)( \d+%)?$/.test(l))).toHaveLength(11);
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(frame).toContain('A lesson used by the tests.');
    // Every score ends at the same column: the rows are padded to one width.
    const ends = lines.filter((l) => /\d+%$|not started$/.test(l)).map((l) => stringWidth(l));
    expect(new Set(ends).size).toBe(1);
  });

  it('at 60×20 scrolls the list to the highlighted lesson, says what it hides, and keeps the course score', async () => {
    const ui = await renderTutor({ lessons, progress: progressOf(), columns: 60, rows: 20 });
    let frame = await ui.waitForFrame('Overall');
    const lines = () => frame.split('\n');
    expect(lines().length).toBeLessThanOrEqual(19);
    for (const l of lines()) expect(stringWidth(l)).toBeLessThanOrEqual(60);
    expect(frame).toContain('↓ 2 more below');
    expect(rowOf(frame, 'Review')).toBeUndefined();
    expect(lines().find((l) => l.includes('Overall'))).toMatch(OVERALL.short);
    // G: the last lesson, the review, with its score; the first two are now above.
    await ui.press('G');
    frame = await ui.waitForFrame('↑ 2 more above');
    expect(rowOf(frame, 'Review')).toMatch(/… in progress 33%$/);
    expect(frame).not.toContain('Sample lesson');
    expect(frame).toContain('Everything again.');
    await ui.press('g');
    frame = await ui.waitForFrame('↓ 2 more below');
    expect(rowOf(frame, 'Sample lesson')).toMatch(/✓ done 100%$/);
  });

  it('in 7-bit ASCII, marks and arrows in words, nothing outside ASCII', async () => {
    const ui = await renderTutor({ lessons, progress: progressOf(), columns: 60, rows: 20, ascii: true });
    const frame = await ui.waitForFrame('Overall');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
    // The help takes two rows here: one lesson fewer fits.
    expect(frame).toContain('Down 3 more below');
    expect(rowOf(frame, 'Sample lesson')).toMatch(/\[ok\] done 100%$/);
    expect(rowOf(frame, 'Lesson 2 of the course')).toMatch(/\.\.\. in progress 19%$/);
  });

  it('in Chinese, the titles in Chinese and the scores still in one column', async () => {
    const ui = await renderTutor({ lessons, progress: progressOf(), columns: 80, rows: 24, locale: 'zh-CN' });
    const frame = await ui.waitForFrame('总计');
    expect(rowOf(frame, '示例课程')).toMatch(/✓ 已完成 100%$/);
    expect(rowOf(frame, '复习')).toMatch(/… 进行中 33%$/);
    const ends = frame
      .split('\n')
      .filter((l) => /\d+%$|未开始$/.test(l))
      .map((l) => stringWidth(l));
    expect(ends).toHaveLength(12);
    expect(new Set(ends).size).toBe(1);
  });
});
