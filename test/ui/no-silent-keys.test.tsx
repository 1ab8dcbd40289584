// A key that cannot do its usual thing says why in the status area, and a
// typed answer survives turning the page.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

/** The row above the status bar: where messages go. */
const statusArea = (frame: string) => frame.split('\n').at(-2) ?? '';

describe('no silent keys', () => {
  it('asks for a mark when Enter is pressed on a multiple choice with none', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n');
    await ui.waitForFrame('page 3/5');
    await ui.press(KEYS.enter);
    const frame = await ui.waitForFrame('Mark at least one option with Space');
    expect(statusArea(frame)).toContain('Mark at least one option with Space, then press Enter.');
    expect(frame).not.toContain('Not quite');
    // The next key takes the message away.
    await ui.press(KEYS.down);
    await ui.waitForFrame((f) => !f.includes('Mark at least one option'));
  });

  it('says the last page is the last, and the first the first', async () => {
    const ui = await renderTutor({ lesson: 'second' });
    await ui.waitForFrame('page 1/1');
    await ui.press('n');
    const frame = await ui.waitForFrame('This is the last page');
    expect(statusArea(frame)).toContain('This is the last page — Esc returns to the lessons.');
    await ui.press('p');
    await ui.waitForFrame('This is the first page');
  });

  it('asks for an answer when Enter is pressed on an empty answer field', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n', 'n', 'n');
    await ui.waitForFrame('page 5/5');
    await ui.press(KEYS.enter);
    await ui.waitForFrame('Type an answer first, then press Enter.');
  });

  it('keeps a typed answer when the learner turns the page and comes back', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n', 'n', 'n');
    await ui.waitForFrame('page 5/5');
    await ui.type('100');
    await ui.waitForFrame('Your answer: 100');
    await ui.press(KEYS.left);
    await ui.waitForFrame('page 4/5');
    await ui.press('n');
    await ui.waitForFrame('Your answer: 100');
    // Leaving the lesson and coming back keeps it too.
    await ui.press(KEYS.escape, KEYS.escape);
    await ui.waitForFrame('Enter open');
    await ui.press(KEYS.enter);
    await ui.waitForFrame('Your answer: 100');
    await ui.type('1');
    await ui.press(KEYS.enter);
    await ui.waitForFrame('Correct.');
  });
});
