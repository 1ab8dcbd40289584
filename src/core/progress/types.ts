// What is kept of a learner's progress. Keyed by ids, never by positions, so
// reordering or inserting lessons and pages loses nothing.

export const PROGRESS_VERSION = 1;

export interface ExerciseRecord {
  /** Graded answers given, right or wrong. */
  attempts: number;
  /** Hints shown (the highest hint level reached). */
  hintsUsed: number;
  solved: boolean;
  /** The learner asked to see the solution. */
  solutionShown: boolean;
  /** 0..1, the best score reached; see core/progress/score.ts. */
  score: number;
  /** ISO time of the last graded answer. */
  updatedAt: string;
}

export interface LessonRecord {
  /** Id of the page the learner was last on. */
  page?: string;
  /** Ids of pages seen. */
  seen: string[];
  exercises: Record<string, ExerciseRecord>;
  updatedAt: string;
}

/** The language the learner chose on the home screen, and when: the latest choice wins when files are merged. */
export interface LanguageChoice {
  locale: string;
  /** ISO time of the choice. */
  at: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonRecord>;
  /**
   * Optional, so files without it (written before it existed) load as they are; a nettutor that does not know
   * it reads the rest of the file and drops it on its next save, losing only the choice.
   */
  language?: LanguageChoice;
}

export type LessonStatus = 'not-started' | 'in-progress' | 'done';
