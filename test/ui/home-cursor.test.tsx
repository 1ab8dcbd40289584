// The lesson list's cursor belongs to the session: it stays on the lesson just
// left, and keys that arrive together (typed fast, or in one SSH packet) are
// applied one after the other to the list as it is.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const highlighted = (frame: string) => frame.split('\n').find((l) => l.startsWith('›'));

describe('home cursor', () => {
  it('stays on the lesson just left', async () => {
    const ui = await renderTutor();
    await ui.waitForFrame('Enter open');
    await ui.press(KEYS.down, KEYS.enter);
    await ui.waitForFrame('page 1/1');
    await ui.press(KEYS.escape);
    const frame = await ui.waitForFrame('Enter open');
    expect(highlighted(frame)).toContain('Second lesson');
  });

  it('opens the lesson moved to when Down and Enter arrive in one read', async () => {
    const ui = await renderTutor();
    await ui.waitForFrame('Enter open');
    ui.stdin.write(`${KEYS.down}${KEYS.enter}`);
    await ui.waitForFrame('Second lesson');
    expect(await ui.waitForFrame('page 1/1')).toContain('Only prose here.');
    await ui.press(KEYS.escape);
    expect(highlighted(await ui.waitForFrame('Enter open'))).toContain('Second lesson');
  });

  it('moves with j and k and opens a lesson by its number', async () => {
    const ui = await renderTutor();
    await ui.waitForFrame('Enter open');
    await ui.press('j');
    expect(highlighted(await ui.waitForFrame('More.'))).toContain('Second lesson');
    await ui.press('k');
    expect(highlighted(await ui.waitForFrame('A lesson used by the tests.'))).toContain('Sample lesson');
    await ui.press('2');
    await ui.waitForFrame('Only prose here.');
    await ui.press(KEYS.escape);
    expect(highlighted(await ui.waitForFrame('Enter open'))).toContain('Second lesson');
  });
});
