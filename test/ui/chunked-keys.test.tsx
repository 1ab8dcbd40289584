// Keys that reach the app together (typed fast, or one SSH packet) act one by one, as if typed slowly.
import { describe, expect, it } from 'vitest';
import { splitChunk } from '../../src/ui/intents.js';
import { none } from '../helpers/keys.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

describe('keys that arrive together', () => {
  it('are taken apart into the keys they are: letters, Enter, Tab, Backspace and Ctrl+C', () => {
    expect(splitChunk('n \r\t\u007fG\u0003', none)).toEqual([
      { input: 'n', key: none },
      { input: ' ', key: none },
      { input: '', key: { ...none, return: true } },
      { input: '', key: { ...none, tab: true } },
      { input: '', key: { ...none, delete: true } },
      { input: 'G', key: { ...none, shift: true } },
      { input: 'c', key: { ...none, ctrl: true } },
    ]);
    expect(splitChunk('n', none)).toEqual([{ input: 'n', key: none }]);
    expect(splitChunk('', { ...none, return: true })).toEqual([{ input: '', key: { ...none, return: true } }]);
  });

  it('mark an option and submit it when Space and Enter come in one read', async () => {
    const ui = await renderTutor({ lesson: 'sample' });
    await ui.waitForFrame('page 1/');
    await ui.press('n');
    await ui.waitForFrame('Which segment carries the server ISN?');
    ui.stdin.write(`${KEYS.down} `);
    ui.stdin.write(' \r');
    expect(await ui.waitForFrame('Correct')).toContain('SYN,ACK');
  });
});
