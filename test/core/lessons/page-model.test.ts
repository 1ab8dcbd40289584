// A page's model carries the ids of the questions it asks (PageModel), read
// from its kind when the lesson is read, so that scores and review pages count
// them without loading any kind (the home screen is drawn before the kinds
// load). They must be what the kind says, in the lessons read from their files
// and in the compiled dist/lessons.json the tutorial starts from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/core/lessons/types.js';
import { findKind } from '../../../src/core/models/registry.js';
import { readCompiledLessons } from '../../../src/node/builtin-lessons.js';
import { loadLessons } from '../../../src/node/lesson-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

function modelPages(lessons: readonly Lesson[]) {
  return lessons.flatMap((l) => l.pages.filter((p) => p.model).map((p) => ({ where: `${l.id}/${p.id}`, ...p.model! })));
}

describe("a page's model", () => {
  const fromFiles = loadLessons({ builtinDir: join(root, 'lessons') }).lessons;
  const compiled = readCompiledLessons(join(root, 'dist', 'lessons.json'), join(root, 'lessons'), version);
  if (!compiled.ok) throw new Error(`dist/lessons.json: ${compiled.reason} (the test setup builds it)`);

  it('names the questions its kind says it asks, read from the files and compiled', () => {
    for (const lessons of [fromFiles, compiled.loaded.lessons]) {
      const pages = modelPages(lessons);
      expect(pages.length).toBeGreaterThan(10);
      for (const m of pages) expect([...m.questionIds], m.where).toEqual(findKind(m.kind)!.questionIds(m.settings));
      // Most model pages ask something: the list is not empty everywhere.
      expect(pages.filter((m) => m.questionIds.length > 0).length).toBeGreaterThan(pages.length / 2);
    }
  });
});
