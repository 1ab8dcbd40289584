// The progress keeps records by ids that authors choose, and a lesson may be called "constructor": a record is
// read with lessonRecord and exerciseRecord (src/core/progress/records.ts), which find only the progress's own
// entries, never by indexing the maps, which also finds what every object inherits. This keeps new code to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `progress.lessons[id]`, `p?.lessons[id]`, `record.exercises[id]`, with or without `?.`. */
const INDEXED = /\b(progress|p)\??\.lessons\s*(\?\.)?\[|\.exercises\s*(\?\.)?\[/;

describe('progress records', () => {
  it('are looked up through lessonRecord and exerciseRecord, never by indexing the maps', () => {
    const found = sources(src).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (INDEXED.test(line) ? [`${relative(src, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
    // The pattern finds what it is for.
    expect(INDEXED.test('const r = progress.lessons[lesson.id];')).toBe(true);
    expect(INDEXED.test('record?.exercises[id]?.solved')).toBe(true);
    expect(INDEXED.test('state.lessons[state.lessonIndex]')).toBe(false);
  });
});
