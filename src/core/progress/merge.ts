// Progress records: created, updated and merged as plain data. Merging never
// loses a completed exercise, so two nettutor processes can share one file.
// Records are kept by ids that authors choose and files may spell any way
// ("constructor", "__proto__"): they are read and set as own entries only
// (core/own.ts), so no id finds or changes what every object inherits.
import { setOwnEntry } from '../own.js';
import { exerciseRecord, lessonRecord } from './records.js';
import { scoreOf } from './score.js';
import {
  type ExerciseRecord,
  type LanguageChoice,
  type LessonRecord,
  PROGRESS_VERSION,
  type Progress,
} from './types.js';

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

const EPOCH = '1970-01-01T00:00:00.000Z';

function emptyLesson(at: string): LessonRecord {
  return { seen: [], exercises: {}, updatedAt: at };
}

function emptyExercise(at: string): ExerciseRecord {
  return { attempts: 0, hintsUsed: 0, solved: false, solutionShown: false, score: 0, updatedAt: at };
}

function updateLesson(
  progress: Progress,
  lessonId: string,
  at: string,
  change: (l: LessonRecord) => LessonRecord,
): Progress {
  const lesson = lessonRecord(progress, lessonId) ?? emptyLesson(at);
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...change(lesson), updatedAt: at } } };
}

function updateExercise(
  progress: Progress,
  lessonId: string,
  exerciseId: string,
  at: string,
  change: (e: ExerciseRecord) => ExerciseRecord,
): Progress {
  return updateLesson(progress, lessonId, at, (lesson) => {
    const exercise = exerciseRecord(lesson, exerciseId) ?? emptyExercise(at);
    const changed = { ...change(exercise), updatedAt: at };
    return {
      ...lesson,
      exercises: {
        ...lesson.exercises,
        [exerciseId]: { ...changed, score: Math.max(exercise.score, scoreOf(changed)) },
      },
    };
  });
}

export function recordAnswer(
  progress: Progress,
  lessonId: string,
  exerciseId: string,
  answer: { correct: boolean; hintsUsed: number; solutionShown: boolean; at: string },
): Progress {
  return updateExercise(progress, lessonId, exerciseId, answer.at, (e) => ({
    ...e,
    attempts: e.attempts + 1,
    hintsUsed: Math.max(e.hintsUsed, answer.hintsUsed),
    solutionShown: e.solutionShown || answer.solutionShown,
    solved: e.solved || answer.correct,
  }));
}

export function recordHint(
  progress: Progress,
  lessonId: string,
  exerciseId: string,
  hint: { hintsUsed: number; solutionShown: boolean; at: string },
): Progress {
  return updateExercise(progress, lessonId, exerciseId, hint.at, (e) => ({
    ...e,
    hintsUsed: Math.max(e.hintsUsed, hint.hintsUsed),
    solutionShown: e.solutionShown || hint.solutionShown,
  }));
}

export function recordPage(progress: Progress, lessonId: string, pageId: string, at: string): Progress {
  return updateLesson(progress, lessonId, at, (l) => ({
    ...l,
    page: pageId,
    seen: l.seen.includes(pageId) ? l.seen : [...l.seen, pageId],
  }));
}

/** Records the language the learner chose (`at`: when). */
export function recordLanguage(progress: Progress, locale: string, at: string): Progress {
  return { ...progress, language: { locale, at } };
}

/** Forgets the lessons' progress (all, or one lesson's); the language chosen is not progress and stays. */
export function resetProgress(progress: Progress, lessonId?: string): Progress {
  if (lessonId === undefined)
    return { ...emptyProgress(), ...(progress.language ? { language: progress.language } : {}) };
  const { [lessonId]: _removed, ...rest } = progress.lessons;
  return { ...progress, lessons: rest };
}

function newer(a: string, b: string): boolean {
  return Date.parse(a) >= Date.parse(b);
}

function mergeExercise(a: ExerciseRecord, b: ExerciseRecord): ExerciseRecord {
  return {
    attempts: Math.max(a.attempts, b.attempts),
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    solved: a.solved || b.solved,
    solutionShown: a.solutionShown || b.solutionShown,
    score: Math.max(a.score, b.score),
    updatedAt: newer(a.updatedAt, b.updatedAt) ? a.updatedAt : b.updatedAt,
  };
}

function mergeLesson(a: LessonRecord, b: LessonRecord): LessonRecord {
  const exercises: Record<string, ExerciseRecord> = { ...b.exercises };
  for (const [id, record] of Object.entries(a.exercises)) {
    const other = exerciseRecord(b, id);
    setOwnEntry(exercises, id, other ? mergeExercise(record, other) : record);
  }
  const latest = newer(a.updatedAt, b.updatedAt) ? a : b;
  return {
    page: latest.page ?? a.page ?? b.page,
    seen: [...new Set([...a.seen, ...b.seen])],
    exercises,
    updatedAt: latest.updatedAt,
  };
}

/** Everything either side knows: solved stays solved, counts take the maximum, pages seen are united. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonRecord> = { ...b.lessons };
  for (const [id, record] of Object.entries(a.lessons)) {
    const other = lessonRecord(b, id);
    setOwnEntry(lessons, id, other ? mergeLesson(record, other) : record);
  }
  const language = laterChoice(a.language, b.language);
  return { version: PROGRESS_VERSION, lessons, ...(language ? { language } : {}) };
}

function laterChoice(a: LanguageChoice | undefined, b: LanguageChoice | undefined): LanguageChoice | undefined {
  if (!a || !b) return a ?? b;
  return newer(a.at, b.at) ? a : b;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const time = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : EPOCH);

/** Reads a stored progress document; anything that is not one is an error (the file is then moved aside). */
export function parseProgress(json: unknown): Progress | { error: string; newer?: boolean } {
  if (!isObject(json)) return { error: 'not a JSON object' };
  if (typeof json.version === 'number' && json.version > PROGRESS_VERSION) {
    return {
      error: `it was written by a newer nettutor (format ${json.version}; this one reads ${PROGRESS_VERSION})`,
      newer: true,
    };
  }
  if (json.version !== PROGRESS_VERSION) {
    return {
      error: `unknown version ${JSON.stringify(json.version)} (this nettutor reads version ${PROGRESS_VERSION})`,
    };
  }
  if (!isObject(json.lessons)) return { error: '"lessons" is not an object' };
  const lessons: Record<string, LessonRecord> = {};
  for (const [id, raw] of Object.entries(json.lessons)) {
    if (!isObject(raw)) return { error: `lessons.${id} is not an object` };
    const exercises: Record<string, ExerciseRecord> = {};
    if (raw.exercises !== undefined && !isObject(raw.exercises))
      return { error: `lessons.${id}.exercises is not an object` };
    for (const [eid, e] of Object.entries((raw.exercises as Record<string, unknown>) ?? {})) {
      if (!isObject(e)) return { error: `lessons.${id}.exercises.${eid} is not an object` };
      setOwnEntry(exercises, eid, {
        attempts: count(e.attempts),
        hintsUsed: count(e.hintsUsed),
        solved: e.solved === true,
        solutionShown: e.solutionShown === true,
        score: typeof e.score === 'number' && e.score >= 0 && e.score <= 1 ? e.score : 0,
        updatedAt: time(e.updatedAt),
      });
    }
    setOwnEntry(lessons, id, {
      page: typeof raw.page === 'string' ? raw.page : undefined,
      seen: Array.isArray(raw.seen) ? raw.seen.filter((s): s is string => typeof s === 'string') : [],
      exercises,
      updatedAt: time(raw.updatedAt),
    });
  }
  // The language chosen: kept when it is one this nettutor can read; anything else is dropped, never an error.
  const l = json.language;
  const language =
    isObject(l) && typeof l.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l.locale)
      ? { locale: l.locale, at: time(l.at) }
      : undefined;
  return { version: PROGRESS_VERSION, lessons, ...(language ? { language } : {}) };
}
