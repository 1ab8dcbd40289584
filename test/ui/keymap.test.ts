import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { none } from '../helpers/keys.js';
import { KEYMAP, type Mode, hintsFor, intentFor } from '../../src/ui/keymap.js';

const key = (k: Partial<Key>): Key => ({ ...none, ...k });

describe('keymap', () => {
  it('maps the documented keys of a lesson page', () => {
    expect(intentFor('page', 'n', none)).toBe('next-page');
    expect(intentFor('page', '', key({ rightArrow: true }))).toBe('next-page');
    expect(intentFor('page', 'p', none)).toBe('prev-page');
    expect(intentFor('short-answer', 'h', none)).toBe('hint');
    expect(intentFor('choice', 'h', none)).toBe('hint');
    expect(intentFor('page', '?', none)).toBe('help');
    expect(intentFor('page', '', key({ escape: true }))).toBe('back');
    expect(intentFor('page', 'q', none)).toBe('quit');
    expect(intentFor('page', 'c', key({ ctrl: true }))).toBe('quit');
  });

  it('lets letters through while typing an answer, but Ctrl+C still quits', () => {
    for (const letter of ['n', 'p', 'h', 'q', '?']) expect(intentFor('typing', letter, none)).toBeUndefined();
    expect(intentFor('typing', 'c', key({ ctrl: true }))).toBe('quit');
    expect(intentFor('typing', '', key({ delete: true }))).toBe('erase');
  });

  it('gives every mode a way out and a status-bar hint', () => {
    for (const mode of Object.keys(KEYMAP) as Mode[]) {
      expect(KEYMAP[mode].some((b) => b.intent === 'quit')).toBe(true);
      expect(hintsFor(mode, false).length).toBeGreaterThan(0);
    }
  });

  it('spells arrows as words in the ASCII style', () => {
    const hints = hintsFor('page', true)
      .map((h) => h.keys)
      .join(' ');
    expect(hints).not.toMatch(/[←→↑↓]/);
    expect(hints).toContain('n/Right');
  });

  it('never binds one key to two intents in the same mode', () => {
    for (const mode of Object.keys(KEYMAP) as Mode[]) {
      const owner = new Map<string, string>();
      for (const binding of KEYMAP[mode]) {
        for (const spec of binding.keys) {
          const id = JSON.stringify(spec);
          const previous = owner.get(id);
          if (previous !== undefined && previous !== binding.intent) {
            throw new Error(`${mode}: ${id} is bound to both ${previous} and ${binding.intent}`);
          }
          owner.set(id, binding.intent);
        }
      }
    }
  });
});
