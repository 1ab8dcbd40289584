// The built-in lessons as the tutorial, `lessons list` and `progress` get them:
// from the file `npm run build` compiled them into (dist/lessons.json), already
// parsed and validated, so a start reads one JSON file and parses no JSONC or
// Markdown and runs no engine. The loader of lesson files (./lesson-files.js:
// jsonc-parser, the composer and the checks that run the TCP engine) is
// imported only when it is needed: for `--lessons <dir>`, or when the compiled
// file is missing, unreadable or from another version of nettutor — then the
// built-in lessons are loaded from their source folder, as `lessons check` does.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LocalText } from '../core/i18n/localize.js';
import { resolveReviews } from '../core/lessons/review.js';
import type { Lesson, LessonProblem } from '../core/lessons/types.js';
import { noticeText } from './notices.js';

export interface LoadedLessons {
  lessons: Lesson[];
  problems: LessonProblem[];
  /** Texts missing in a translation: the lesson loads (English is shown), `lessons check --strict` fails. */
  warnings: LessonProblem[];
  /** For the learner, in every language (./notices.ts). */
  notices: LocalText[];
  /** Ids of lessons found but not loaded, for their problems: a review drawing on one says so. */
  skipped?: string[];
}

/** Where the built-in lessons are, and which nettutor is running. */
export interface BuiltinLessonsEnv {
  /** The source folder shipped in the package (`lessons/`). */
  builtinLessonsDir: string;
  /** The lessons compiled at build time (`dist/lessons.json`); absent when running from the sources. */
  compiledLessonsFile?: string;
  /** The running package's version: a compiled file of another version is ignored. */
  version?: string;
}

/** Bumped when the layout of the compiled file changes (a file of another format is ignored). */
export const COMPILED_LESSONS_FORMAT = 1;

/**
 * dist/lessons.json: the lessons of one pack as the loader produced them, with
 * every file path relative to the pack's folder (the package is installed
 * elsewhere than it was built).
 */
export interface CompiledLessons {
  format: typeof COMPILED_LESSONS_FORMAT;
  /** The package version that built it. */
  version: string;
  lessons: Lesson[];
  /** Kept so that the compiled lessons say what their source says; `lessons check --strict` reads the source. */
  warnings: LessonProblem[];
}

const toRelative = (dir: string, file: string) => relative(dir, file).split(sep).join('/');

/** A pack loaded without problems, as the compiled file holds it. */
export function compileLessons(loaded: LoadedLessons, dir: string, version: string): CompiledLessons {
  if (loaded.problems.length > 0 || withReviews(loaded).problems.length > 0)
    throw new Error('lessons with problems cannot be compiled');
  return {
    format: COMPILED_LESSONS_FORMAT,
    version,
    lessons: loaded.lessons.map((l) => ({ ...l, source: toRelative(dir, l.source) })),
    warnings: loaded.warnings.map((w) => ({ ...w, file: toRelative(dir, w.file) })),
  };
}

export type CompiledRead =
  | { ok: true; loaded: LoadedLessons }
  | { ok: false; reason: 'missing' | 'unreadable' | 'other-format' | 'other-version' };

/** Reads a compiled file back, paths resolved against `dir`; anything unexpected is a reason to load from source. */
export function readCompiledLessons(file: string, dir: string, version: string | undefined): CompiledRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
  let data: Partial<CompiledLessons>;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'unreadable' };
  if (data.format !== COMPILED_LESSONS_FORMAT || !Array.isArray(data.lessons) || !Array.isArray(data.warnings)) {
    return { ok: false, reason: 'other-format' };
  }
  if (data.version !== version) return { ok: false, reason: 'other-version' };
  return {
    ok: true,
    loaded: {
      lessons: data.lessons.map((l) => ({ ...l, source: join(dir, l.source) })),
      problems: [],
      warnings: data.warnings.map((w) => ({ ...w, file: join(dir, w.file) })),
      notices: [],
    },
  };
}

const byOrder = (a: Lesson, b: Lesson) => a.order - b.order || a.id.localeCompare(b.id);

/**
 * Lessons put together: their review pages filled in from the lessons they draw on (core/lessons/review.ts).
 * A review page that cannot be is a problem of its lesson, which is then left out like any lesson with one.
 */
export function withReviews(loaded: LoadedLessons): LoadedLessons {
  const { skipped = [], ...rest } = loaded;
  const resolved = resolveReviews(loaded.lessons, skipped);
  return { ...rest, lessons: resolved.lessons, problems: [...loaded.problems, ...resolved.problems] };
}

/**
 * The built-in lessons in order, with those of an extra pack replacing built-ins of the same id, and every
 * review page filled in from the lessons loaded (a review in one pack may draw on the other).
 */
export function mergeLessons(builtin: LoadedLessons, extra?: { dir: string; loaded: LoadedLessons }): LoadedLessons {
  if (!extra) return withReviews({ ...builtin, lessons: [...builtin.lessons].sort(byOrder) });
  const notices: LocalText[] = [];
  const ids = new Set(extra.loaded.lessons.map((l) => l.id));
  for (const l of builtin.lessons) {
    if (ids.has(l.id)) notices.push(noticeText('lessonReplaced', l.id, extra.dir));
  }
  return withReviews({
    lessons: [...builtin.lessons.filter((l) => !ids.has(l.id)), ...extra.loaded.lessons].sort(byOrder),
    problems: [...builtin.problems, ...extra.loaded.problems],
    warnings: [...builtin.warnings, ...extra.loaded.warnings],
    notices,
    skipped: [...(builtin.skipped ?? []), ...(extra.loaded.skipped ?? [])],
  });
}

/**
 * The lessons a learner gets: the compiled built-in lessons (or, without a
 * usable compiled file, the built-in lessons loaded from source), plus those
 * of `extraDir`, always loaded and checked from their files.
 */
export async function loadInstalledLessons(env: BuiltinLessonsEnv, extraDir?: string): Promise<LoadedLessons> {
  const compiled = env.compiledLessonsFile
    ? readCompiledLessons(env.compiledLessonsFile, env.builtinLessonsDir, env.version)
    : undefined;
  if (compiled?.ok && !extraDir) return mergeLessons(compiled.loaded);
  const files = await import('./lesson-files.js');
  const builtin = compiled?.ok ? compiled.loaded : files.loadLessonPack(env.builtinLessonsDir, 'builtin');
  if (!extraDir) return mergeLessons(builtin);
  return mergeLessons(builtin, { dir: extraDir, loaded: files.loadLessonPack(extraDir, extraDir) });
}

/** `lessons/x/lesson.jsonc:12: pages[1].exercise.answer: expected …` */
export function formatProblem(p: LessonProblem, cwd = process.cwd()): string {
  const rel = relative(cwd, p.file);
  const file = rel && !rel.startsWith('..') ? rel : p.file;
  return `${file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
