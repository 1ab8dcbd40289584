// The screens' strings come from per-language tables (src/ui/strings.ts and
// strings.zh-CN.ts): every one has its Chinese form, saying what English says.
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import { KEYMAP } from '../../src/ui/keymap.js';
import { UI_BOOKS, ui } from '../../src/ui/strings.js';
import { viewFor } from '../../src/ui/models/registry.js';
import { type Book, missingIn, placeholderMismatches } from '../helpers/phrase-books.js';

describe("the screens' strings", () => {
  for (const [name, book] of Object.entries(UI_BOOKS)) {
    it(`${name}: every string has its zh-CN form, with the same placeholders and arguments`, () => {
      expect(missingIn(book as Book, 'zh-CN'), name).toEqual([]);
      expect(placeholderMismatches(book as Book, 'zh-CN'), name).toEqual([]);
    });
  }

  it('come out in the language asked for, English where a table lacks one', () => {
    expect(text(ui('statusDone'), 'zh-CN')).toBe('已完成');
    expect(text(ui('statusDone'), 'en')).toBe('done');
    expect(text(ui('statusDone'), 'fr')).toBe('done');
  });

  it('include every key description: no key of a screen or a model is described by a plain English string', () => {
    const models = ['tcp', 'http-gateway', 'http-proxy', 'http-multipart', 'http-versions'];
    const bindings = [...Object.values(KEYMAP).flat(), ...models.flatMap((m) => viewFor(m)?.bindings ?? [])];
    for (const b of bindings) {
      for (const said of [b.does, b.brief]) {
        if (said === undefined) continue;
        expect(typeof said, `${text(said, 'en')}`).toBe('object');
        // A technical token is the same in both (the boundary parameter, RTT).
        if (['boundary', 'RTT'].includes(text(said, 'en'))) continue;
        expect(text(said, 'zh-CN'), `${text(said, 'en')}`).not.toBe(text(said, 'en'));
      }
    }
  });

  it('has the home title say what the tutorial covers now: TCP and HTTP', () => {
    expect(text(ui('homeTitle'), 'en')).toMatch(/TCP and HTTP/);
    expect(text(ui('homeTitleShort'), 'en')).toMatch(/TCP and HTTP/);
  });
});

describe('the placeholder check', () => {
  it('finds an argument a translation leaves out, and a placeholder it renames', () => {
    const book = {
      en: { a: (n: number) => `${n} segments`, b: 'see {name}', c: (x: string, y: string) => `${x} to ${y}` },
      'zh-CN': { a: () => '报文段', b: '见 {nom}', c: (x: string, y: string) => `${y} 到 ${x}` },
    } as unknown as Book;
    const problems = placeholderMismatches(book, 'zh-CN');
    expect(problems.some((p) => p.startsWith('a:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('b:'))).toBe(true);
    // Arguments in another order are fine: Chinese puts them where Chinese says them.
    expect(problems.some((p) => p.startsWith('c:'))).toBe(false);
  });
});
