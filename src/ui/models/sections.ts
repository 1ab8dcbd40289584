// A model's text as sections ranked by what gives way first when the terminal
// is too short for everything: the models' views draw their text as sections
// and leave out the lowest-ranked ones whole (`i` shows them), never cutting
// a sentence.
import type { UiLine } from '../ui-line.js';

/** Sections ranked from here up are what the moment teaches: they give way to nothing but the terminal's size. */
export const TEACHING = 3;

export interface Section {
  lines: UiLine[];
  /** Left out first when the terminal is too short for everything: lowest first; never when undefined. */
  drop?: number;
}

/** The rows the sections take. */
export const rowsOf = (sections: readonly Section[]) => sections.reduce((n, s) => n + s.lines.length, 0);
