// No mark means two things: in the ASCII style "[x]" used to be both a marked
// checkbox and a wrong answer.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTheme } from '../../src/ui/theme.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

describe('marks', () => {
  for (const ascii of [false, true]) {
    it(`are all different in the ${ascii ? 'ASCII' : 'Unicode'} style`, () => {
      const g = makeTheme({ color: false, ascii }).glyphs;
      const marks = [g.ok, g.wrong, g.checked, g.unchecked, g.radioOn, g.radioOff];
      expect(new Set(marks).size).toBe(marks.length);
      if (ascii) for (const m of marks) expect(m).toMatch(/^[\x20-\x7e]+$/);
    });
  }

  it('tell a marked option from a wrong answer in the ASCII style', async () => {
    const ui = await renderTutor({ lesson: 'sample', ascii: true });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n');
    await ui.waitForFrame('page 3/5');
    await ui.press(KEYS.down, KEYS.down, KEYS.space);
    const marked = await ui.waitForFrame('[*] CLOSE-WAIT');
    expect(marked).toContain('[ ] FIN-WAIT-1');
    await ui.press(KEYS.enter);
    const frame = await ui.waitForFrame('Not quite.');
    expect(frame).toContain('[no] Not quite.');
    expect(frame).not.toContain('[x]');
  });
});
