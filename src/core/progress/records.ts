// A lesson's record in the progress, and an exercise's in a lesson's: looked up by the ids lesson authors choose
// (a lesson may be called "constructor"), so only the records the progress itself holds are found (core/own.ts).
import { ownEntry } from '../own.js';
import type { ExerciseRecord, LessonRecord, Progress } from './types.js';

/** The record of the lesson `lessonId`, if the progress has one. */
export function lessonRecord(progress: Progress | undefined, lessonId: string): LessonRecord | undefined {
  return ownEntry(progress?.lessons, lessonId);
}

/** The record of the graded item `id` (an exercise or a model's question) in a lesson's record, if it has one. */
export function exerciseRecord(record: LessonRecord | undefined, id: string): ExerciseRecord | undefined {
  return ownEntry(record?.exercises, id);
}
