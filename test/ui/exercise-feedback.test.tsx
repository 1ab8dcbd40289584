// After an answer to a choice question the list shows what was chosen, says
// why for each option that may be shown, and gives nothing away before the
// question is solved or its solution shown.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const row = (frame: string, label: string) => frame.split('\n').find((l) => l.includes(`) ${label}`)) ?? '';

async function atSingle() {
  const ui = await renderTutor({ lesson: 'sample' });
  await ui.waitForFrame('page 1/5');
  await ui.press('n');
  await ui.waitForFrame('Which segment carries the server ISN?');
  return ui;
}

describe('choice feedback', () => {
  it('shows the option chosen in a wrong single choice, with its why, and nothing of the others', async () => {
    const ui = await atSingle();
    await ui.press(KEYS.enter);
    const frame = await ui.waitForFrame('Not quite.');
    expect(row(frame, 'SYN')).toMatch(/\(•\) SYN\s+✗ wrong/);
    expect(row(frame, 'SYN,ACK')).toMatch(/\( \) SYN,ACK$/);
    expect(frame).toContain('✗ SYN — The SYN carries the client ISN.');
    expect(frame).not.toContain('The server sends its ISN in its SYN,ACK.');
    expect(frame).not.toContain('The third segment only acknowledges.');
    expect(frame).not.toContain('right');
  });

  it('shows every why once solved, the chosen option first', async () => {
    const ui = await atSingle();
    await ui.press(KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('Correct.');
    expect(row(frame, 'SYN,ACK')).toMatch(/\(•\) SYN,ACK\s+✓ right/);
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('✓ SYN,ACK — The server sends its ISN')).toBeGreaterThan(at('Correct.'));
    expect(at('✗ SYN — The SYN carries the client ISN.')).toBeGreaterThan(at('✓ SYN,ACK — '));
    expect(at('✗ ACK — The third segment only acknowledges.')).toBeGreaterThan(at('✗ SYN — '));
  });

  it('shows the right answer beside the options once the solution was shown', async () => {
    const ui = await atSingle();
    await ui.press('h', 'h', 'h');
    await ui.waitForFrame('Show the solution?');
    await ui.press('y');
    await ui.waitForFrame('Solution:');
    await ui.press(KEYS.enter);
    const frame = await ui.waitForFrame('Not quite.');
    expect(row(frame, 'SYN,ACK')).toMatch(/✓ right, not chosen/);
    expect(frame).toContain('✓ SYN,ACK — The server sends its ISN in its SYN,ACK.');
  });

  it('puts the why of a wrong option chosen first in a multiple choice', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n');
    await ui.waitForFrame('page 3/5');
    await ui.press(KEYS.down, KEYS.space, KEYS.down, KEYS.space, KEYS.enter);
    const frame = await ui.waitForFrame('Not quite.');
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('✗ CLOSE-WAIT — CLOSE-WAIT belongs to the passive closer.')).toBeGreaterThan(at('Not quite.'));
    expect(at('✓ TIME-WAIT — Only the active closer waits 2·MSL.')).toBeGreaterThan(at('✗ CLOSE-WAIT'));
    expect(at('1 right answer is not marked.')).toBeGreaterThan(at('✓ TIME-WAIT'));
    expect(frame).not.toContain('Entered by the side that closes first.');
  });

  it('shows the verdict and lets the learner scroll up from there', async () => {
    const ui = await renderTutor({ lesson: 'sample', rows: 16, columns: 60 });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'h', 'h', KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('Correct.');
    const body = frame.split('\n').slice(3);
    expect(frame).toContain('more above');
    await ui.press(KEYS.up);
    await ui.waitForFrame((f) => f.split('\n')[3] !== body[0]);
    await ui.press(KEYS.pageUp, KEYS.pageUp, KEYS.pageUp);
    await ui.waitForFrame('A question.');
  });
});
