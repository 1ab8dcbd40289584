// The display width of text (terminal cells), and its grapheme clusters: the
// rules of string-width 8.3 (which Ink measures with), in two tiers.
//
// string-width itself costs about 20 ms of start-up before it measures
// anything: its module compiles Unicode-property regular expressions
// (\p{RGI_Emoji} with the v flag) and builds an Intl.Segmenter, which loads the
// ICU break rules. The home screen is drawn before Ink loads, so the width of
// the text nettutor actually shows is found without either:
// - printable ASCII is one cell a character;
// - a character of SIMPLE below (Latin, Greek and Cyrillic letters,
//   punctuation, arrows, box drawing, symbols, CJK, kana, Hangul syllables,
//   fullwidth forms) is always a grapheme cluster of its own, whatever is
//   around it, and is as wide as its East Asian Width says;
// - anything else (combining marks, emoji sequences, supplementary planes,
//   controls, …) is measured by string-width's own algorithm, copied below
//   with its regular expressions and segmenter made on first use.
// test/core/layout/width.test.ts checks all of it against string-width: every
// code point of the Basic Multilingual Plane alone, and random strings.
//
// string-width: MIT License, Copyright (c) Sindre Sorhus
// <sindresorhus@gmail.com> (https://sindresorhus.com).
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';

/**
 * Inclusive ranges of code points whose grapheme-break property is "Other" (so no rule joins them to a
 * neighbour), that are printing, not emoji sequences and not Hangul jamo: each is one cluster, as wide as its
 * East Asian Width. Left out on purpose: U+00AD (soft hyphen), U+0300–036F and U+0483–0489 (combining),
 * U+2000–200F and U+2028–202F and U+205F–206F (spaces of other widths, format and invisible characters),
 * U+20D0–20FF (combining marks for symbols), U+302A–302F and U+3099–309A (combining), U+3164 (Hangul
 * filler), U+FF9E–FF9F (halfwidth sound marks, which join the kana before them).
 */
export const SIMPLE: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ac],
  [0x00ae, 0x02ff],
  [0x0370, 0x0377],
  [0x037a, 0x037f],
  [0x0384, 0x038a],
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x0482],
  [0x048a, 0x052f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2070, 0x2071],
  [0x2074, 0x208e],
  [0x2090, 0x209c],
  [0x20a0, 0x20c0],
  [0x2100, 0x2426],
  [0x2440, 0x244a],
  [0x2460, 0x2b73],
  [0x2b76, 0x2b95],
  [0x2b97, 0x2bff],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x3163],
  [0x3165, 0x318e],
  [0x3190, 0x31e5],
  [0x31ef, 0x321e],
  [0x3220, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa48c],
  [0xa490, 0xa4c6],
  [0xac00, 0xd7a3],
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff9d],
  [0xffa1, 0xffbe],
  [0xffc2, 0xffc7],
  [0xffca, 0xffcf],
  [0xffd2, 0xffd7],
  [0xffda, 0xffdc],
  [0xffe0, 0xffe6],
  [0xffe8, 0xffee],
];

/** The SIMPLE range a BMP code unit falls in (binary search), or false. */
export function isSimpleCodePoint(code: number): boolean {
  let lo = 0;
  let hi = SIMPLE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = SIMPLE[mid]!;
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The width of `text` when every character is ASCII-printable or SIMPLE; undefined otherwise. */
function simpleWidth(text: string): number | undefined {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) width += 1;
    else if (isSimpleCodePoint(code)) width += eastAsianWidth(code);
    else return undefined;
  }
  return width;
}

/**
 * Widths measured, by text: a frame measures the same texts again and again (every line, every span, at every
 * frame, and under `nettutor serve` every learner's frames), and a lookup costs a sixteenth of measuring even
 * plain ASCII. Bounded: past REMEMBERED texts it starts again.
 */
const remembered = new Map<string, number>();
const REMEMBERED = 20000;

/** Columns `text` takes on a terminal, as string-width measures it (ANSI escape codes take none). */
export function displayWidth(text: string): number {
  if (text.length === 0) return 0;
  let width = remembered.get(text);
  if (width === undefined) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    width = simpleWidth(text) ?? fullWidth(text);
    remembered.set(text, width);
  }
  return width;
}

/** `text` as grapheme clusters (a wide character, a letter with its marks, an emoji sequence: one each). */
export function graphemes(text: string): string[] {
  if (simpleWidth(text) !== undefined) return Array.from(text);
  return Array.from(lazy().segmenter.segment(text), (s) => s.segment);
}

// string-width 8.3's algorithm, unchanged but for the lazy construction of its patterns.

interface Patterns {
  segmenter: Intl.Segmenter;
  visible: RegExp;
  spacingMark: RegExp;
  rgiEmoji: RegExp;
  keycap: RegExp;
  pictographic: RegExp;
}

let patterns: Patterns | undefined;

// The patterns are built with the RegExp constructor on purpose: a literal with Unicode property classes is
// checked when the module is compiled, even inside a function never called (about 11 ms for these).
function lazy(): Patterns {
  patterns ??= {
    segmenter: new Intl.Segmenter(),
    // biome-ignore lint/complexity/useRegexLiterals: compiled on first use, not at start-up (see above)
    visible: new RegExp(
      '[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]',
      'v',
    ),
    // biome-ignore lint/complexity/useRegexLiterals: compiled on first use, not at start-up (see above)
    spacingMark: new RegExp('\\p{Spacing_Mark}', 'v'),
    // biome-ignore lint/complexity/useRegexLiterals: compiled on first use, not at start-up (see above)
    rgiEmoji: new RegExp('^\\p{RGI_Emoji}$', 'v'),
    keycap: /^[\d#*]\u20E3$/,
    // biome-ignore lint/complexity/useRegexLiterals: compiled on first use, not at start-up (see above)
    pictographic: new RegExp('\\p{Extended_Pictographic}', 'gu'),
  };
  return patterns;
}

function isDoubleWidthNonRgiEmojiSequence(segment: string, p: Patterns): boolean {
  if (segment.length > 50) return false;
  if (p.keycap.test(segment)) return true;
  if (segment.includes('\u200D')) {
    const pictographics = segment.match(p.pictographic);
    return pictographics !== null && pictographics.length >= 2;
  }
  return false;
}

function baseVisible(segment: string, p: Patterns): string | undefined {
  const index = segment.search(p.visible);
  return index === -1 ? undefined : segment.slice(index);
}

const isHangulLeadingJamo = (cp: number | undefined) =>
  cp !== undefined && ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c));
const isHangulVowelJamo = (cp: number | undefined) =>
  cp !== undefined && ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6));
const isHangulTrailingJamo = (cp: number | undefined) =>
  cp !== undefined && ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb));
const isHangulJamo = (cp: number) => isHangulLeadingJamo(cp) || isHangulVowelJamo(cp) || isHangulTrailingJamo(cp);

function hangulClusterWidth(visibleSegment: string, p: Patterns): number | undefined {
  const codePoints: number[] = [];
  for (const character of visibleSegment) {
    if (!p.visible.test(character)) continue;
    codePoints.push(character.codePointAt(0)!);
  }
  if (codePoints.length === 0) return undefined;
  let width = 0;
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index]!;
    if (!isHangulJamo(codePoint)) {
      if (width === 0) return undefined;
      for (let remaining = index; remaining < codePoints.length; remaining++) {
        width += eastAsianWidth(codePoints[remaining]!);
      }
      return width;
    }
    if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(codePoints[index + 1])) {
      width += 2;
      index += isHangulTrailingJamo(codePoints[index + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(codePoint);
  }
  return width;
}

function trailingWidth(visibleSegment: string, p: Patterns): number {
  let extra = 0;
  let first = true;
  for (const character of visibleSegment) {
    if (first) {
      first = false;
      continue;
    }
    if (p.spacingMark.test(character) || (character >= '\uFF00' && character <= '\uFFEF')) {
      extra += eastAsianWidth(character.codePointAt(0)!);
    }
  }
  return extra;
}

function fullWidth(input: string): number {
  let string = input;
  if (string.includes('\u001B') || string.includes('\u009B')) string = stripAnsi(string);
  if (string.length === 0) return 0;
  if (/^[\u0020-\u007E]*$/.test(string)) return string.length;
  const p = lazy();
  let width = 0;
  for (const { segment } of p.segmenter.segment(string)) {
    const visibleSegment = baseVisible(segment, p);
    if (visibleSegment === undefined) continue;
    if (p.rgiEmoji.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment, p)) {
      width += 2;
      continue;
    }
    const hangulWidth = hangulClusterWidth(visibleSegment, p);
    if (hangulWidth !== undefined) {
      width += hangulWidth;
      continue;
    }
    width += eastAsianWidth(visibleSegment.codePointAt(0)!);
    width += trailingWidth(visibleSegment, p);
  }
  return width;
}
