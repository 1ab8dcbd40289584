// Writes lesson folders for tests: the structure (lesson.jsonc) and one
// Markdown file per locale, as an author would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertLessonV1 } from '../../src/core/lessons/convert.js';

/** Writes `files` (name → text) into `dir/folder`. */
export function writeLessonFiles(dir: string, folder: string, files: Record<string, string>): string {
  const at = join(dir, folder);
  mkdirSync(at, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(at, name), text);
  return at;
}

/**
 * A lesson written compactly as one object with its texts in place (the
 * shape `lessons convert` reads), laid out as lesson.jsonc and `<locale>.md`.
 */
export function writeLesson(dir: string, folder: string, lesson: Record<string, unknown>): string {
  const { structure, texts } = convertLessonV1({ formatVersion: 1, ...lesson }, 'schema.json');
  return writeLessonFiles(dir, folder, {
    'lesson.jsonc': structure,
    ...Object.fromEntries(Object.entries(texts).map(([l, t]) => [`${l}.md`, t])),
  });
}
