// While an ordering item is carried, ? and q work as everywhere, the status
// bar says so, and Esc cancels the move.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const items = (frame: string) =>
  frame
    .split('\n')
    .filter((l) => /^\S?\s+\d\. /.test(l))
    .map((l) => l.replace(/^.*\d\. [\s≡]?\s*/, '').trim());

async function carrying() {
  const ui = await renderTutor({ lesson: 'sample' });
  await ui.waitForFrame('page 1/5');
  await ui.press('n', 'n', 'n');
  await ui.waitForFrame('Put the handshake in order.');
  await ui.press(KEYS.space, KEYS.down);
  const frame = await ui.waitForFrame((f) => items(f).join(' ') === 'SYN ACK SYN,ACK');
  return { ui, frame };
}

describe('ordering: carrying an item', () => {
  it('shows ? help, q quit and Esc in the status bar', async () => {
    const { frame } = await carrying();
    const status = frame.split('\n').at(-1)!;
    expect(status).toContain('Esc cancel move');
    expect(status).toContain('? help');
    expect(status).toContain('q quit');
  });

  it('opens the help with ? and comes back still carrying the item', async () => {
    const { ui } = await carrying();
    await ui.press('?');
    expect(await ui.waitForFrame('Keys —')).toContain('Moving an item');
    await ui.press(KEYS.escape);
    await ui.waitForFrame('Put the handshake in order.');
    await ui.press(KEYS.down);
    await ui.waitForFrame((f) => items(f).join(' ') === 'SYN SYN,ACK ACK');
  });

  it('puts the item back where it was with Esc', async () => {
    const { ui } = await carrying();
    await ui.press(KEYS.down, KEYS.escape);
    await ui.waitForFrame((f) => items(f).join(' ') === 'ACK SYN SYN,ACK');
    // Not carrying any more: Down moves the cursor, not the item.
    await ui.press(KEYS.down);
    expect(items(ui.frame()).join(' ')).toBe('ACK SYN SYN,ACK');
  });

  it('quits with q, saving progress', async () => {
    const { ui } = await carrying();
    await ui.press('q');
    await vi.waitFor(() => expect(ui.onSave).toHaveBeenCalled());
  });
});
