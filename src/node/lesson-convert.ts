// Writes a first-format lesson (lesson.json) in the current format beside it:
// lesson.jsonc and `<locale>.md`, then keeps the old file as lesson.json.v1
// (never read again, never deleted).
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertLessonV1 } from '../core/lessons/convert.js';
import { readJsonFile, STRUCTURE_FILE } from './lesson-files.js';

export function convertLessonFolder(dir: string, schemaPath: string): { written: string[] } | { error: string } {
  const v1File = join(dir, 'lesson.json');
  if (existsSync(join(dir, STRUCTURE_FILE))) {
    return { error: `${STRUCTURE_FILE} exists already: nothing converted (remove one of the two)` };
  }
  const parsed = readJsonFile(v1File);
  if (parsed.problems.length > 0) return { error: `lesson.json: ${parsed.problems[0]!.message}` };
  let converted: ReturnType<typeof convertLessonV1>;
  try {
    converted = convertLessonV1(parsed.value, schemaPath);
  } catch (error) {
    return { error: `lesson.json: ${(error as Error).message}` };
  }
  const files: Array<[string, string]> = [
    [STRUCTURE_FILE, converted.structure],
    ...Object.entries(converted.texts).map(([locale, text]): [string, string] => [`${locale}.md`, text]),
  ];
  const taken = files.filter(([name]) => existsSync(join(dir, name))).map(([name]) => name);
  if (taken.length > 0) return { error: `${taken.join(', ')} exist already: nothing converted` };
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  renameSync(v1File, join(dir, 'lesson.json.v1'));
  return { written: files.map(([name]) => name) };
}
