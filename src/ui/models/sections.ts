// A model's text as sections ranked by what gives way first when the terminal
// is too short for everything: the models' views draw their text as sections
// and leave out the lowest-ranked ones whole (`i` shows them), never cutting
// a sentence.
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import { playerText } from '../strings.js';
import { type UiLine, plain } from '../ui-line.js';

/** Sections ranked from here up are what the moment teaches: they give way to nothing but the terminal's size. */
export const TEACHING = 3;

export interface Section {
  lines: UiLine[];
  /** Left out first when the terminal is too short for everything: lowest first; never when undefined. */
  drop?: number;
  /**
   * Sections that give way together, all or none (an answered question's unmarked choices): leaving out one leaves
   * out every section with the same value.
   */
  together?: string;
}

/** The sections without `part` and the sections that give way together with it. */
export function leaveOutWith<S extends Section>(sections: readonly S[], part: S): S[] {
  return sections.filter((s) => s !== part && (part.together === undefined || s.together !== part.together));
}

/** The rows the sections take. */
export const rowsOf = (sections: readonly Section[]) => sections.reduce((n, s) => n + s.lines.length, 0);

/**
 * A part of a model's text; `asked`, a part of the question: it gives way when the text does not fit, not for the
 * picture.
 */
export type Part = Section & { asked?: boolean };

export interface FitOptions {
  height: number;
  /** The rows the picture (a table, a diagram) is worth having: the extras (ranked below TEACHING) give way to it. */
  wanted: number;
  /** A part ranked from here up never gives way whole (an answered question's why): it keeps the rows there are. */
  keep: number;
  /** A part ranked from here up, once left out, gets the line that says `i` shows it all; one below goes unsaid. */
  saidFrom: number;
  width: number;
  tr: (text: LocalText) => string;
}

/** What is left of the text, above and below the picture, the line pointing to `i` if any, and the picture's rows. */
export interface Fitted {
  above: UiLine[];
  below: UiLine[];
  tail: UiLine[];
  room: number;
}

/**
 * A model's text around its picture in `height` rows: `top` above it, `bottom` below. Only if the text does not fit,
 * whole parts of it give way, lowest first (below `keep`); the extras give way to the picture too, but only when that
 * makes room for it. Still too much: whole lines, as many as there are rows for, and the rest is left to `i`.
 */
export function fitAround(top: readonly Part[], bottom: readonly Part[], o: FitOptions): Fitted {
  let parts = [...top, ...bottom].filter((s) => s.lines.length > 0);
  let omitted = false;
  const room = () => o.height - rowsOf(parts) - (omitted ? 1 : 0);
  const givesWay = (s: Part, below: number, forPicture = false) =>
    s.drop !== undefined && s.drop < below && !(forPicture && s.asked);
  const lowest = (below: number, forPicture = false) =>
    parts
      .filter((s) => givesWay(s, below, forPicture))
      .reduce<Part | undefined>((lo, s) => (lo === undefined || s.drop! < lo.drop! ? s : lo), undefined);
  const leaveOut = (part: Part) => {
    parts = leaveOutWith(parts, part);
    if (part.drop! >= o.saidFrom) omitted = true;
  };
  for (let s = lowest(o.keep); s && room() < 0; s = lowest(o.keep)) leaveOut(s);
  const extras = parts.filter((s) => givesWay(s, TEACHING, true));
  if (room() < o.wanted && room() + rowsOf(extras) >= o.wanted) {
    for (let s = lowest(TEACHING, true); s && room() < o.wanted; s = lowest(TEACHING, true)) leaveOut(s);
  }
  const kept = (list: readonly Part[]) => list.filter((s) => parts.includes(s)).flatMap((s) => s.lines);
  let above = kept(top);
  let below = kept(bottom);
  // "More than fits here: i shows it all."
  const pointer = wrapSpans([{ text: o.tr(playerText('readTheRest')), style: 'plain' }], o.width)
    .slice(0, 1)
    .map((l) => plain(lineText(l), { dim: true }));
  let tail = omitted ? pointer : [];
  if (room() < 0) {
    tail = pointer;
    const fit = Math.max(0, o.height - tail.length);
    above = above.slice(0, fit);
    below = below.slice(0, Math.max(0, fit - above.length));
  }
  return { above, below, tail, room: Math.max(0, room()) };
}
