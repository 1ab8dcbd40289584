// dist/lesson-outlines.json: what the lesson list shows of each built-in
// lesson, and what its status and score need (see LessonOutline), written by
// `npm run build` beside the compiled lessons. The start of the tutorial
// (src/early.ts) reads this small file instead of the lessons themselves to
// draw the first home screen; the app reads the lessons after.
import { readFileSync } from 'node:fs';
import type { LessonOutline } from '../core/progress/score.js';

/** Bumped when the layout of the file changes (a file of another format is not used). */
export const OUTLINES_FORMAT = 1;

export interface OutlinesFile {
  format: typeof OUTLINES_FORMAT;
  /** The package version that built it: a file of another version is not used. */
  version: string;
  lessons: LessonOutline[];
}

/**
 * The outlines in `file` when it is there, of this format and of `version`, else undefined (the start then
 * leaves the first screen to the app, which reads the lessons themselves).
 */
export function readLessonOutlines(file: string, version: string): LessonOutline[] | undefined {
  let data: Partial<OutlinesFile>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (data?.format !== OUTLINES_FORMAT || data.version !== version || !Array.isArray(data.lessons)) return undefined;
  return data.lessons;
}
