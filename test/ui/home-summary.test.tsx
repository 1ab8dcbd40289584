// The highlighted lesson's summary under the list: whole when it fits, and a
// summary takes the rows the list leaves, and one longer than that ends with
// the ellipsis, never cut silently.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import { sampleLesson } from '../fixtures/lessons.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const sentence = 'Every word of this summary matters to the learner who reads it';
const long: Lesson = {
  ...sampleLesson,
  summary: `${`${sentence}, `.repeat(12)}and it ends here.`,
};

describe('the summary under the lesson list', () => {
  it('is whole when it fits', async () => {
    const ui = await renderTutor({ lessons: [sampleLesson], columns: 80, rows: 24 });
    const frame = await ui.waitForFrame('Enter open');
    expect(frame).toContain('  A lesson used by the tests.');
  });

  it('ends with the ellipsis when it is longer than its rows', async () => {
    const ui = await renderTutor({ lessons: [long], columns: 60, rows: 20 });
    const frame = await ui.waitForFrame('Enter open');
    const rows = frame.split('\n').filter((r) => r.startsWith('  ') && /\w/.test(r) && !r.includes('Sample'));
    const summary = rows.filter((r) => /summary|learner|reads|Every/.test(r));
    // It takes the rows the list leaves, up to the status bar, and its last one ends with the ellipsis.
    expect(summary.length).toBeGreaterThanOrEqual(3);
    expect(frame.split('\n').at(-3)).toBe(summary.at(-1));
    expect(summary.at(-1)!.trimEnd()).toMatch(/…$/);
    expect(frame).not.toContain('it ends here.');
  });
});
