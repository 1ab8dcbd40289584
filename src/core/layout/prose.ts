// Lays out lesson prose as styled lines for a given width: paragraphs are
// word-wrapped, `- ` bullets get a hanging indent, ``` fenced blocks are kept
// as they are (diagrams must not be re-wrapped), `code` spans are marked.
import { displayWidth } from './width.js';

/** Characters of scripts that break between any two characters (CJK ideographs, kana, full-width forms). */
const WIDE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const WIDE_SPLIT = /([\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])/;
/** Chinese line-breaking rules: closing punctuation never starts a line, opening punctuation never ends one. */
const NO_LINE_START = /^[，。、；：？！）」』】〉》〕…—％・ー～,.;:?!)\]}]$/;
const NO_LINE_END = /^[（「『【〈《〔]$/;

export type SpanStyle = 'plain' | 'code' | 'pre' | 'strong' | 'muted';

export interface Span {
  text: string;
  style: SpanStyle;
}

export type StyledLine = Span[];

export const lineText = (line: StyledLine): string => line.map((s) => s.text).join('');

/** Splits `a `b` c **d**` into spans. */
export function inlineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) spans.push({ text: text.slice(last, match.index), style: 'plain' });
    if (match[1] !== undefined) spans.push({ text: match[1], style: 'code' });
    else spans.push({ text: match[2]!, style: 'strong' });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), style: 'plain' });
  return spans;
}

interface Word {
  spans: Span[];
  width: number;
  /** Joined to the word before without a space (the two sides of a break inside CJK text). */
  glue: boolean;
}

/** Words separated by spaces; CJK text is cut between characters, which may break without a space. */
function words(spans: Span[]): Word[] {
  const out: Word[] = [];
  let current: Span[] = [];
  let glue = false;
  /** Ends the current word; what follows it is glued to it, or not (after a space). */
  const flush = (nextGlue: boolean) => {
    if (current.length > 0) {
      out.push({ spans: current, width: current.reduce((w, sp) => w + displayWidth(sp.text), 0), glue });
      glue = nextGlue;
    } else if (!nextGlue) glue = false;
    current = [];
  };
  // An opening bracket waits for the character after it: the two are never parted.
  let holdOpen = false;
  for (const span of spans) {
    // Code is a command or a name: its spaces do not break it (a line only cuts it when it is wider than a line).
    const parts = span.style === 'code' ? [span.text] : span.text.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^ +$/.test(part)) {
        flush(false);
        holdOpen = false;
        continue;
      }
      for (const piece of part.split(WIDE_SPLIT)) {
        if (piece === '') continue;
        if (WIDE.test(piece) || NO_LINE_START.test(piece)) {
          if (NO_LINE_START.test(piece)) {
            // Stays with the character before it: joined to the word just ended when it follows it directly.
            const last = out[out.length - 1];
            if (current.length === 0 && glue && last) {
              last.spans.push({ text: piece, style: span.style });
              last.width += displayWidth(piece);
            } else {
              current.push({ text: piece, style: span.style });
              if (WIDE.test(piece)) flush(true);
            }
            holdOpen = false;
            continue;
          }
          // A CJK character stands alone, glued to what comes before and after it.
          if (!holdOpen) flush(true);
          current.push({ text: piece, style: span.style });
          holdOpen = NO_LINE_END.test(piece);
          if (!holdOpen) flush(true);
        } else {
          current.push({ text: piece, style: span.style });
          holdOpen = false;
        }
      }
    }
  }
  flush(false);
  return out;
}

/**
 * Cuts one over-long word into pieces no wider than `width`: after a space inside it where there is one (a code
 * span's), else between characters, never leaving closing punctuation at the start of a piece or opening
 * punctuation at the end of one (a character moves down with it).
 */
function breakWord(word: Word, width: number): Word[] {
  const chars = word.spans.flatMap((span) =>
    [...span.text].map((ch) => ({ ch, style: span.style, w: displayWidth(ch) })),
  );
  const pieces: Word[] = [];
  let start = 0;
  /** The piece starts after a space that was cut: on the same line as the one before, a space parts them. */
  let afterSpace = false;
  while (start < chars.length) {
    let end = start;
    let used = 0;
    while (end < chars.length && (used + chars[end]!.w <= width || end === start)) used += chars[end++]!.w;
    let next = end;
    let cutAtSpace = false;
    if (end < chars.length) {
      const space = chars.slice(start + 1, end).findLastIndex((c) => c.ch === ' ');
      if (space >= 0) {
        end = start + 1 + space;
        next = end + 1;
        cutAtSpace = true;
      } else {
        while (end - start > 1 && (NO_LINE_START.test(chars[end]!.ch) || NO_LINE_END.test(chars[end - 1]!.ch))) end--;
        next = end;
      }
    }
    const spans = mergeSpans(chars.slice(start, end).map((c) => ({ text: c.ch, style: c.style })));
    const w = chars.slice(start, end).reduce((sum, c) => sum + c.w, 0);
    pieces.push({ spans, width: w, glue: pieces.length === 0 ? word.glue : !afterSpace });
    afterSpace = cutAtSpace;
    start = next;
  }
  return pieces;
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.style === span.style) prev.text += span.text;
    else out.push({ ...span });
  }
  return out;
}

/** Word-wraps one paragraph; `indent` is prefixed to continuation lines. */
export function wrapSpans(spans: Span[], width: number, firstPrefix = '', indent = ''): StyledLine[] {
  const lines: StyledLine[] = [];
  const prefixWidth = displayWidth(indent);
  let line: Span[] = firstPrefix ? [{ text: firstPrefix, style: 'plain' }] : [];
  let used = displayWidth(firstPrefix);
  let empty = true;
  const push = () => {
    lines.push(mergeSpans(line));
    line = indent ? [{ text: indent, style: 'plain' }] : [];
    used = prefixWidth;
    empty = true;
  };
  const room = Math.max(1, width - prefixWidth);
  for (const word of words(spans)) {
    const pieces = word.width > room ? breakWord(word, room) : [word];
    for (const piece of pieces) {
      const gap = empty || piece.glue ? 0 : 1;
      if (!empty && used + gap + piece.width > width) push();
      if (!empty && !piece.glue) {
        line.push({ text: ' ', style: 'plain' });
        used += 1;
      }
      line.push(...piece.spans);
      used += piece.width;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(mergeSpans(line));
  return lines;
}

/** Cuts a preformatted line to `width`, marking the cut with `…`. */
function fitPre(text: string, width: number, ellipsis: string): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - displayWidth(ellipsis)) break;
    out += ch;
  }
  return out + ellipsis;
}

/** Lays out lesson prose (a tiny Markdown subset) at `width` columns. */
export function layoutProse(text: string, width: number, ellipsis = '…'): StyledLine[] {
  const out: StyledLine[] = [];
  const source = text.replace(/\r\n?/g, '\n').split('\n');
  let inFence = false;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const joined = paragraph.join(' ');
    const bullet = /^(\s*)([-*]|\d+\.) +(.*)$/.exec(joined);
    if (bullet) {
      const marker = `${bullet[1]}${bullet[2]} `;
      out.push(...wrapSpans(inlineSpans(bullet[3]!), width, marker, ' '.repeat(displayWidth(marker))));
    } else {
      out.push(...wrapSpans(inlineSpans(joined), width));
    }
    paragraph = [];
  };
  for (const raw of source) {
    if (/^\s*```/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push([{ text: fitPre(raw, width, ellipsis), style: 'pre' }]);
      continue;
    }
    if (raw.trim() === '') {
      flush();
      if (out.length > 0 && lineText(out[out.length - 1]!) !== '') out.push([]);
      continue;
    }
    // A new bullet starts a new paragraph.
    if (/^\s*([-*]|\d+\.) +/.test(raw)) flush();
    paragraph.push(raw.trim() === raw ? raw : raw.replace(/\s+$/, ''));
  }
  flush();
  while (out.length > 0 && lineText(out[out.length - 1]!) === '') out.pop();
  return out;
}

/** Cuts `text` to at most `width` columns, ending with `ellipsis` when cut. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to `width` columns (wide characters count as two). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const ASCII_FOLD: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↑': 'Up',
  '↓': 'Down',
  '—': '--',
  '–': '-',
  '·': '.',
  '…': '...',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '✓': '[ok]',
  '✗': '[no]',
  '×': 'x',
  '≥': '>=',
  '≤': '<=',
  '•': '*',
  '►': '>',
  '◄': '<',
  '─': '-',
  '│': '|',
  '┬': '+',
  '┊': ':',
  '✕': 'x',
  '❚': '|',
  '█': '#',
  '░': '-',
  '›': '>',
  '§': 'section ',
  '≡': '=',
  '▶': '>',
  ' ': ' ',
};

/** Replaces common typographic characters with 7-bit equivalents (for --ascii-only); other text is kept. */
function foldToAscii(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, (ch) => ASCII_FOLD[ch] ?? ch) : text;
}

/**
 * Text for a 7-bit terminal (--ascii-only): typographic characters folded as
 * foldToAscii does, and anything still outside 7-bit ASCII (a path with an
 * accent, a character typed into an answer) shown as '?'. Fold before
 * measuring or wrapping: the folded text is what takes room on screen.
 */
export function toAscii(text: string): string {
  const folded = foldToAscii(text);
  return /[^\x00-\x7f]/.test(folded) ? folded.replace(/[^\x00-\x7f]/gu, '?') : folded;
}
