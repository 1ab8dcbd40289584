// Notices and a failed save are read in full: wrapped by display width, and
// when they would crowd the screen out, cut with a pointer to the notices
// screen (!). The frame always stays one row shorter than the terminal.
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_COLUMNS } from '../../src/ui/App.js';
import { UI_BOOKS } from '../../src/ui/strings.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const squash = (s: string) => s.replace(/\s+/g, '');
const aside = '/home/learner/.local/share/nettutor/progress.json.corrupt-2026-11-24T10-20-30-123Z';
const corrupt = `Your progress file could not be used (Unexpected token } in JSON at position 120); it was moved to ${aside} and you start afresh.`;

function fits(frame: string, columns: number, rows: number) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

describe('notices', () => {
  it('wrap on the home screen, so the path of the file moved aside is there in full', async () => {
    const ui = await renderTutor({ notices: [corrupt], columns: 80, rows: 24 });
    const frame = await ui.waitForFrame('Enter open');
    fits(frame, 80, 24);
    expect(squash(frame)).toContain(squash(corrupt));
    expect(frame).not.toContain('…');
  });

  it('are cut with a pointer to ! when too many, and ! shows them all', async () => {
    const many = Array.from({ length: 6 }, (_, i) => `Notice ${i + 1}: ${corrupt}`);
    const ui = await renderTutor({ notices: many, columns: 60, rows: 16 });
    const frame = await ui.waitForFrame('Enter open');
    fits(frame, 60, 16);
    expect(frame).toContain('Sample lesson');
    expect(frame).toContain('! shows every notice in full');
    await ui.press('!');
    const first = await ui.waitForFrame('Notices');
    fits(first, 60, 16);
    expect(first).toContain('Notice 1:');
    for (let i = 0; i < 6; i++) await ui.press(KEYS.pageDown);
    const last = await ui.waitForFrame('Notice 6:');
    fits(last, 60, 16);
    expect(squash(last)).toContain(squash(aside));
    await ui.press(KEYS.escape);
    await ui.waitForFrame('Enter open');
  });
});

describe('a failed save', () => {
  const error = `EEXIST: file already exists, rename '/home/learner/.local/share/nettutor/.progress.json.4242.1764000000000.tmp' -> '/home/learner/.local/share/nettutor/progress.json'`;

  it('is shown wrapped in the lesson, the frame still fitting', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [60, 16],
    ] as const) {
      const ui = await renderTutor({ lesson: 'sample', columns, rows });
      ui.onSave.mockReturnValue(error);
      await ui.waitForFrame('page 1/5');
      await ui.press('n', KEYS.down, KEYS.enter);
      const frame = await ui.waitForFrame('progress not saved');
      fits(frame, columns, rows);
      expect(frame.split('\n').at(-1)).toContain('q quit');
      if (columns === 80) expect(squash(frame)).toContain(squash(`! progress not saved: ${error}`));
      else {
        expect(frame).toContain('! shows every notice in full');
        await ui.press('!');
        const all = await ui.waitForFrame('Notices');
        fits(all, columns, rows);
        expect(squash(all)).toContain(squash(error));
      }
      cleanup();
    }
  });
});

describe('messages', () => {
  it('fit on one row of the smallest terminal, in every language', () => {
    for (const table of Object.values(UI_BOOKS.messages))
      for (const m of Object.values(table ?? {})) expect(stringWidth(m)).toBeLessThanOrEqual(MIN_COLUMNS - 1);
  });
});
