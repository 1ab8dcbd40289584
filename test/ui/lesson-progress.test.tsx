// The bar under a lesson's title shows what its label says: the exercises
// solved, not the page the learner is on.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const barOf = (frame: string) => frame.split('\n')[1] ?? '';
const filled = (bar: string) => (bar.match(/█/g) ?? []).length;

describe('lesson progress bar', () => {
  it('stays empty while pages turn and nothing is solved', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n');
    const frame = await ui.waitForFrame('page 3/5');
    expect(barOf(frame)).toContain('0/4 exercises solved');
    expect(filled(barOf(frame))).toBe(0);
  });

  it('fills by the share of exercises solved', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('1/4 exercises solved');
    const bar = barOf(frame);
    const width = (bar.match(/[█░]/g) ?? []).length;
    expect(filled(bar)).toBe(Math.round(width / 4));
  });

  it('counts pages seen in a lesson without exercises, and says so', async () => {
    const ui = await renderTutor({ lesson: 'second' });
    const frame = await ui.waitForFrame('page 1/1');
    expect(barOf(frame)).toContain('1/1 pages seen');
  });
});
