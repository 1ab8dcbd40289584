// Golden files: the expected output of a test, kept next to it in __golden__/.
// A missing or different golden file fails the test; they are written only
// when asked, with `UPDATE_GOLDEN=1 npm test` (then review the diff).
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
const COMMAND = '`UPDATE_GOLDEN=1 npm test`';
export const REGENERATE = `run ${COMMAND} to regenerate it, then review the diff`;

const shown = (file: string) => relative(process.cwd(), file);

/** Compares `actual` with the golden file, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${shown(file)} is missing: ${REGENERATE}`);
  expect(actual, `output differs from ${shown(file)}; if the change is intended, ${REGENERATE}`).toBe(
    readFileSync(file, 'utf8'),
  );
}

/** Fails on files in `dir` that no test compares against (deletes them when UPDATE_GOLDEN=1). */
export function expectNoStrayGoldens(dir: string, expected: Iterable<string>): void {
  const wanted = new Set(expected);
  const stray = readdirSync(dir)
    .filter((f) => !wanted.has(f))
    .sort();
  if (UPDATE_GOLDEN) {
    for (const f of stray) unlinkSync(join(dir, f));
    return;
  }
  expect(stray, `golden files in ${shown(dir)} that no test uses: delete them, or run ${COMMAND}, which does`).toEqual(
    [],
  );
}
