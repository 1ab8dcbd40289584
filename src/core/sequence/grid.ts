// One row of a diagram as a fixed number of columns. A grapheme wider than
// one column sits in its first cell and leaves the cells it covers empty
// (''), so joining a row's cells gives exactly as many columns as it has.
import { clusters } from './text.js';

export interface Row {
  cells: string[];
  /** The time written in the margin of this row (the first row of a time). */
  time?: number;
  /** A compressed quiet stretch of this many ms. */
  breakMs?: number;
}

export function blankRow(width: number): Row {
  return { cells: new Array<string>(width).fill(' ') };
}

/** Writes one grapheme of `width` columns at `col`, if it fits; never leaves half a wide grapheme behind. */
function setCell(cells: string[], col: number, text: string, width: number): void {
  if (col < 0 || col + width > cells.length) return;
  // Overwriting the covered part of a wide grapheme: its start goes too.
  if (cells[col] === '') {
    let head = col - 1;
    while (head > 0 && cells[head] === '') head -= 1;
    for (let k = head; k < col; k++) cells[k] = ' ';
  }
  // Overwriting the start of a wide grapheme: the columns it covered become blank.
  for (let k = col + width; k < cells.length && cells[k] === ''; k++) cells[k] = ' ';
  cells[col] = text;
  for (let k = 1; k < width; k++) cells[col + k] = '';
}

/** Writes clean text (see `cleanText`) from column `col`; what falls outside the row is not drawn. */
export function put(row: Row, col: number, text: string): void {
  let c = col;
  for (const cluster of clusters(text)) {
    setCell(row.cells, c, cluster.text, cluster.width);
    c += cluster.width;
  }
}

/** A row as text, without trailing blanks. */
export function rowText(row: Row): string {
  return row.cells.join('').replace(/\s+$/, '');
}
