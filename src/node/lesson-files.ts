// Reads lesson folders from disk: `<dir>/<lesson>/lesson.json` plus the
// scenario files a lesson refers to. JSON is parsed with positions, so every
// problem can name its line. Nothing here throws: problems are returned.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  type Node,
  type ParseError,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { validateLesson } from '../core/grading/lesson-checks.js';
import type { FieldProblem } from '../core/schema/checker.js';
import type { Lesson, LessonProblem } from '../core/lessons/types.js';
import { parseScenario } from '../core/scenario/validate.js';
import type { Scenario } from '../core/tcp/types.js';

export interface LoadedLessons {
  lessons: Lesson[];
  problems: LessonProblem[];
  notices: string[];
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `pages[2].exercise.id` → ['pages', 2, 'exercise', 'id'] */
function pathSegments(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The line of a field, or of its nearest enclosing field that exists. */
function lineOfField(root: Node | undefined, text: string, field: string): number | undefined {
  if (!root) return undefined;
  const segments = pathSegments(field);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) {
      // For a property, point at its key rather than its value.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return lineOf(text, target.offset);
    }
  }
  return undefined;
}

export interface ParsedJson {
  value?: unknown;
  root?: Node;
  text: string;
  problems: Array<{ line?: number; field: string; message: string }>;
}

export function readJsonFile(file: string): ParsedJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'the file does not exist' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return { text: '', problems: [{ field: '', message: `cannot read the file: ${why}` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    return {
      text,
      problems: errors.slice(0, 5).map((e) => {
        const line = lineOf(text, e.offset);
        const column = e.offset - text.lastIndexOf('\n', e.offset - 1);
        return {
          line,
          field: '',
          message: `invalid JSON: ${printParseErrorCode(e.error)} at line ${line}, column ${column}`,
        };
      }),
    };
  }
  return { value: getNodeValue(root), root, text, problems: [] };
}

function withLines(file: string, parsed: ParsedJson, problems: FieldProblem[]): LessonProblem[] {
  return problems.map((p) => ({
    file,
    line: lineOfField(parsed.root, parsed.text, p.field),
    field: p.field,
    message: p.message,
  }));
}

/** Whether `file` is inside `dir` (not merely a path that starts with the same letters), following symlinks. */
export function isInside(dir: string, file: string): boolean {
  const within = (d: string, f: string) => {
    const rel = relative(d, f);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  if (!within(resolve(dir), resolve(file))) return false;
  // A symlink inside the folder may point out of it. A file in a missing folder is reported when it is read.
  try {
    return within(realpathSync(dir), realpathOrParent(resolve(file)));
  } catch {
    return true;
  }
}

/** The real path of `file`, or of its folder when the file itself does not exist. */
function realpathOrParent(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return join(realpathSync(dirname(file)), basename(file));
  }
}

/** Scenario files a lesson names (paths ending in .json), loaded and validated. */
function loadScenarioFiles(
  dir: string,
  value: unknown,
): { scenarios: Record<string, Scenario>; problems: LessonProblem[] } {
  const scenarios: Record<string, Scenario> = {};
  const problems: LessonProblem[] = [];
  const names = new Set<string>();
  const visit = (v: unknown, key?: string) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, k);
    else if (key === 'scenario' && typeof v === 'string' && v.endsWith('.json')) names.add(v);
  };
  visit(value);
  for (const name of names) {
    const file = resolve(dir, name);
    if (!isInside(dir, file)) {
      problems.push({
        file: join(dir, 'lesson.json'),
        field: '',
        message: `scenario "${name}" is outside the lesson folder`,
      });
      continue;
    }
    const parsed = readJsonFile(file);
    if (parsed.problems.length > 0) {
      problems.push(...parsed.problems.map((p) => ({ file, ...p })));
      continue;
    }
    const result = parseScenario(parsed.value, { defaultName: name.replace(/\.json$/, '') });
    if (!result.ok) problems.push(...withLines(file, parsed, result.problems));
    else scenarios[name] = result.scenario;
  }
  return { scenarios, problems };
}

/** Loads one lesson folder (the one holding lesson.json). */
function loadLessonFolder(dir: string, pack: string): { lesson?: Lesson; problems: LessonProblem[] } {
  const file = join(dir, 'lesson.json');
  const parsed = readJsonFile(file);
  if (parsed.problems.length > 0) return { problems: parsed.problems.map((p) => ({ file, ...p })) };
  const files = loadScenarioFiles(dir, parsed.value);
  const { lesson, problems } = validateLesson(parsed.value, { scenarios: files.scenarios });
  const all = [...files.problems, ...withLines(file, parsed, problems)];
  if (!lesson || all.length > 0) return { problems: all };
  return { lesson: { ...lesson, source: file, pack }, problems: [] };
}

/** Every `<dir>/*\/lesson.json` (or `<dir>/lesson.json` when dir is itself a lesson). */
export function loadLessonPack(dir: string, pack: string): LoadedLessons {
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      return {
        lessons,
        problems: [{ file: dir, field: '', message: 'expected a folder of lessons, found a file' }],
        notices: [],
      };
    }
    entries = existsSync(join(dir, 'lesson.json')) ? ['.'] : readdirSync(dir).sort();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' ? 'the folder does not exist' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return {
      lessons,
      problems: [{ file: dir, field: '', message: `cannot read the lessons folder: ${why}` }],
      notices: [],
    };
  }
  for (const entry of entries) {
    const folder = join(dir, entry);
    let isLesson = false;
    try {
      isLesson = statSync(folder).isDirectory() && existsSync(join(folder, 'lesson.json'));
    } catch {
      isLesson = false;
    }
    if (!isLesson) continue;
    const r = loadLessonFolder(folder, pack);
    if (r.lesson) lessons.push(r.lesson);
    problems.push(...r.problems);
  }
  if (lessons.length === 0 && problems.length === 0) {
    problems.push({ file: dir, field: '', message: 'no lessons found: expected folders each holding a lesson.json' });
  }
  const seen = new Map<string, string>();
  const unique: Lesson[] = [];
  for (const lesson of lessons) {
    const other = seen.get(lesson.id);
    if (other) {
      problems.push({
        file: lesson.source,
        field: 'id',
        message: `duplicate lesson id "${lesson.id}" (also in ${other})`,
      });
      continue;
    }
    seen.set(lesson.id, lesson.source);
    unique.push(lesson);
  }
  return { lessons: unique, problems, notices: [] };
}

const byOrder = (a: Lesson, b: Lesson) => a.order - b.order || a.id.localeCompare(b.id);

/** The built-in lessons, plus those of `--lessons <dir>` (which replace built-ins with the same id). */
export function loadLessons(opts: { builtinDir: string; extraDir?: string }): LoadedLessons {
  const builtin = loadLessonPack(opts.builtinDir, 'builtin');
  if (!opts.extraDir) return { ...builtin, lessons: builtin.lessons.sort(byOrder) };
  const extra = loadLessonPack(opts.extraDir, opts.extraDir);
  const notices: string[] = [];
  const ids = new Set(extra.lessons.map((l) => l.id));
  for (const l of builtin.lessons) {
    if (ids.has(l.id)) notices.push(`The lesson "${l.id}" from ${opts.extraDir} replaces the built-in one.`);
  }
  return {
    lessons: [...builtin.lessons.filter((l) => !ids.has(l.id)), ...extra.lessons].sort(byOrder),
    problems: [...builtin.problems, ...extra.problems],
    notices,
  };
}

/** `lessons/x/lesson.json:12: pages[1].exercise.answer: expected …` */
export function formatProblem(p: LessonProblem, cwd = process.cwd()): string {
  const rel = relative(cwd, p.file);
  const file = rel && !rel.startsWith('..') ? rel : p.file;
  return `${file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
