// A review page on screen: the origin's question as its lesson shows it, and, once it is answered, the
// lesson and page it comes from, to go over it again (not before: it would be a clue).
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveReviews } from '../../src/core/lessons/review.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { sampleLesson } from '../fixtures/lessons.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const review: Lesson = {
  id: 'review',
  order: 2,
  title: 'Review',
  summary: 'Everything again.',
  source: '/fixtures/review/lesson.jsonc',
  pack: 'test',
  pages: [{ id: 'r1', review: { from: 'sample/isn-carrier' } }],
};
const { lessons } = resolveReviews([sampleLesson, review]);

describe('a review page', () => {
  it("asks the origin's question, then names its lesson and page", async () => {
    const ui = await renderTutor({ lessons, lesson: 'review' });
    let frame = await ui.waitForFrame('Which segment carries the server ISN?');
    expect(frame).toContain('Review');
    expect(frame).not.toContain('From the lesson');
    await ui.press(KEYS.down, KEYS.enter);
    frame = await ui.waitForFrame('From the lesson');
    expect(frame).toContain('The server sends its ISN in its SYN,ACK.');
    // The page has no title of its own: the lesson alone is named.
    expect(frame.replace(/\s+/g, ' ')).toContain('From the lesson “Sample lesson”: open it to go over this again.');
  });

  it('names them in Chinese, and in 7-bit ASCII', async () => {
    let ui = await renderTutor({ lessons, lesson: 'review', locale: 'zh-CN' });
    await ui.press(KEYS.down, KEYS.enter);
    expect((await ui.waitForFrame('出自')).replace(/\s+/g, ' ')).toContain(
      '出自「示例课程」一课：打开它可以再复习一遍。',
    );
    cleanup();
    ui = await renderTutor({ lessons, lesson: 'review', ascii: true });
    await ui.press(KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('From the lesson');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
    expect(frame.replace(/\s+/g, ' ')).toContain('From the lesson "Sample lesson"');
  });
});
