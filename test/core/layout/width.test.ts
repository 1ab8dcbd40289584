// displayWidth and graphemes must be string-width and Intl.Segmenter exactly:
// Ink measures with string-width, and a width that disagreed by one column
// would shift a row. The fast tier (ASCII and the SIMPLE ranges) must also be
// what it claims: each of its characters a grapheme of its own.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { SIMPLE, displayWidth, graphemes, isSimpleCodePoint } from '../../../src/core/layout/width.js';

const segmenter = new Intl.Segmenter();
const segments = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

const SIMPLE_CHARS = (() => {
  const out: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (isSimpleCodePoint(cp)) out.push(String.fromCharCode(cp));
  return out;
})();

describe('displayWidth', () => {
  it('is string-width for every code point of the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (displayWidth(c) !== stringWidth(c)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('is string-width for code points of the other planes', () => {
    const wrong: string[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp += cp < 0x20000 ? 7 : 97) {
      const c = String.fromCodePoint(cp);
      if (displayWidth(c) !== stringWidth(c)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the SIMPLE ranges in order, apart, and within the Basic Multilingual Plane (they are searched by halves)', () => {
    SIMPLE.forEach(([from, to], i) => {
      expect(from).toBeLessThanOrEqual(to);
      expect(to).toBeLessThanOrEqual(0xffff);
      expect(to < 0xd800 || from > 0xdfff).toBe(true);
      if (i > 0) expect(from).toBeGreaterThan(SIMPLE[i - 1]![1]);
    });
  });

  it('takes each SIMPLE character as a grapheme of its own, whatever is beside it', () => {
    expect(SIMPLE_CHARS.length).toBeGreaterThan(40000);
    const joined: string[] = [];
    for (const c of SIMPLE_CHARS) {
      // Two of them between ASCII letters: a character that joined a neighbour would make fewer segments. (The
      // fast tier only ever sees ASCII and SIMPLE characters side by side; random mixtures are checked below.)
      if (segments(`a${c}${c}a`).length !== 4) joined.push(c.codePointAt(0)!.toString(16));
    }
    expect(joined).toEqual([]);
  });

  it('is string-width for random text: ASCII, SIMPLE characters, marks, emoji, controls, anything', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.nat(SIMPLE_CHARS.length - 1).map((i) => SIMPLE_CHARS[i]!),
      fc.constantFrom(
        '\u0301',
        '\u200D',
        '\uFE0F',
        '\u{1F600}',
        '\u{1F1E6}\u{1F1E8}',
        '👩‍💻',
        '\u1100\u1161',
        '\t',
        '\u001B[1m',
      ),
      fc.string({ unit: 'grapheme' }),
      // Any code unit (lone surrogates too) and any code point.
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('graphemes', () => {
  it('splits text as Intl.Segmenter does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme' }),
            fc.constantFrom('é', 'e\u0301', '三次握手', '👩‍💻', '\u{1F1E6}\u{1F1E8}', '─›…'),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const s = parts.join('');
          expect(graphemes(s)).toEqual(segments(s));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
