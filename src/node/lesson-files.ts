// Reads lesson folders from disk: `<dir>/<lesson>/lesson.jsonc` (the
// structure), its `<locale>.md` files (the words) and the scenario files it
// names. JSON is parsed with positions and every text remembers its line, so
// every problem names file and line. Nothing here throws: problems are returned.
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
import { composeLesson, STRUCTURE } from '../core/lessons/compose.js';
import { type LocaleTexts, parseLocaleTexts } from '../core/lessons/texts.js';
import type { FieldProblem } from '../core/schema/checker.js';
import type { Lesson, LessonProblem } from '../core/lessons/types.js';
import { parseScenario } from '../core/scenario/validate.js';
import type { Scenario } from '../core/tcp/types.js';
import { formatProblem, type LoadedLessons, mergeLessons } from './builtin-lessons.js';

export type { LoadedLessons };
export { formatProblem };

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

/** A JSON file with positions; `comments` allows comments and trailing commas (JSONC). */
export function readJsonFile(file: string, { comments = false }: { comments?: boolean } = {}): ParsedJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'the file does not exist' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return { text: '', problems: [{ field: '', message: `cannot read the file: ${why}` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: comments, disallowComments: !comments });
  if (errors.length > 0 || !root) {
    return {
      text,
      problems: errors.slice(0, 5).map((e) => {
        const line = lineOf(text, e.offset);
        const column = e.offset - text.lastIndexOf('\n', e.offset - 1);
        return {
          line,
          field: '',
          message: `invalid ${comments ? 'JSONC' : 'JSON'}: ${printParseErrorCode(e.error)} at line ${line}, column ${column}`,
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
  const structureFile = join(dir, STRUCTURE_FILE);
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
        file: structureFile,
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

/** A lesson's structure: ids, order, answers and model settings (its texts are in `<locale>.md`). */
export const STRUCTURE_FILE = 'lesson.jsonc';
/** The first lesson format, one JSON file with every text in it: no longer read, only converted. */
const V1_FILE = 'lesson.json';
const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;

export interface FolderResult {
  lesson?: Lesson;
  /** The id lesson.jsonc gives, when it has one: a lesson that is not loaded is still known by it. */
  id?: string;
  problems: LessonProblem[];
  /** Texts a translation lacks (English is shown instead): problems under `lessons check --strict`. */
  warnings: LessonProblem[];
}

/** Loads one lesson folder: lesson.jsonc, its `<locale>.md` files and the scenario files it names. */
export function loadLessonFolder(dir: string, pack: string): FolderResult {
  const file = join(dir, STRUCTURE_FILE);
  if (!existsSync(file) && existsSync(join(dir, V1_FILE))) {
    return {
      problems: [
        {
          file: join(dir, V1_FILE),
          field: '',
          message: `this is the first lesson format (one lesson.json); convert it with \`nettutor lessons convert ${dir}\` (it writes lesson.jsonc and one Markdown file per language, and keeps the old file as lesson.json.v1)`,
        },
      ],
      warnings: [],
    };
  }
  const parsed = readJsonFile(file, { comments: true });
  if (parsed.problems.length > 0) return { problems: parsed.problems.map((p) => ({ file, ...p })), warnings: [] };

  const problems: LessonProblem[] = [];
  const warnings: LessonProblem[] = [];
  const texts: Record<string, LocaleTexts> = {};
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => LOCALE_FILE.test(n))
      .sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    const locale = LOCALE_FILE.exec(name)![1]!;
    const mdFile = join(dir, name);
    let source: string;
    try {
      source = readFileSync(mdFile, 'utf8');
    } catch (error) {
      problems.push({ file: mdFile, field: '', message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const table = parseLocaleTexts(source);
    problems.push(...table.problems.map((p) => ({ file: mdFile, line: p.line, field: '', message: p.message })));
    texts[locale] = table;
  }
  const composed = composeLesson(parsed.value, texts);
  const fileOf = (locale: string) => (locale === STRUCTURE ? file : join(dir, `${locale}.md`));
  for (const p of composed.problems) {
    const problem: LessonProblem = {
      file: fileOf(p.locale),
      line: p.locale === STRUCTURE ? lineOfField(parsed.root, parsed.text, p.field) : p.line,
      field: p.field,
      message: p.message,
    };
    (p.severity === 'warning' ? warnings : problems).push(problem);
  }
  const files = loadScenarioFiles(dir, parsed.value);
  problems.push(...files.problems);
  const checked = validateLesson(composed.document, { scenarios: files.scenarios });
  // A text already reported as missing is not reported again as a field without a value.
  const reported = new Set(composed.problems.map((p) => p.field).filter((f) => f !== ''));
  for (const p of checked.problems) {
    if (reported.has(p.field)) continue;
    const origin = composed.origins.get(p.field);
    problems.push(
      origin
        ? { file: fileOf(origin.locale), line: origin.line, field: p.field, message: p.message }
        : { file, line: lineOfField(parsed.root, parsed.text, p.field), field: p.field, message: p.message },
    );
  }
  if (!checked.lesson || problems.length > 0) {
    const value = parsed.value as { id?: unknown } | undefined;
    return { ...(typeof value?.id === 'string' ? { id: value.id } : {}), problems, warnings };
  }
  // Whether a review page's lesson and item exist is known once every lesson is loaded: the line is kept for then.
  const pages = checked.lesson.pages.map((page, i) =>
    page.review
      ? { ...page, review: { ...page.review, line: lineOfField(parsed.root, parsed.text, `pages[${i}].review.from`) } }
      : page,
  );
  return { lesson: { ...checked.lesson, pages, source: file, pack }, id: checked.lesson.id, problems: [], warnings };
}

const isLessonFolder = (dir: string) => existsSync(join(dir, STRUCTURE_FILE)) || existsSync(join(dir, V1_FILE));

/** Every `<dir>/*\/lesson.jsonc` (or `<dir>/lesson.jsonc` when dir is itself a lesson). */
export function loadLessonPack(dir: string, pack: string): LoadedLessons {
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  const warnings: LessonProblem[] = [];
  const skipped: string[] = [];
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      return {
        lessons,
        problems: [{ file: dir, field: '', message: 'expected a folder of lessons, found a file' }],
        warnings: [],
        notices: [],
      };
    }
    entries = isLessonFolder(dir) ? ['.'] : readdirSync(dir).sort();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' ? 'the folder does not exist' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return {
      lessons,
      problems: [{ file: dir, field: '', message: `cannot read the lessons folder: ${why}` }],
      warnings: [],
      notices: [],
    };
  }
  for (const entry of entries) {
    const folder = join(dir, entry);
    let isLesson = false;
    try {
      isLesson = statSync(folder).isDirectory() && isLessonFolder(folder);
    } catch {
      isLesson = false;
    }
    if (!isLesson) continue;
    const r = loadLessonFolder(folder, pack);
    if (r.lesson) lessons.push(r.lesson);
    else if (r.id !== undefined) skipped.push(r.id);
    problems.push(...r.problems);
    warnings.push(...r.warnings);
  }
  if (lessons.length === 0 && problems.length === 0) {
    problems.push({
      file: dir,
      field: '',
      message: `no lessons found: expected folders each holding a ${STRUCTURE_FILE}`,
    });
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
  return { lessons: unique, problems, warnings, notices: [], ...(skipped.length > 0 ? { skipped } : {}) };
}

/** The built-in lessons, plus those of `--lessons <dir>` (which replace built-ins with the same id), all from source. */
export function loadLessons(opts: { builtinDir: string; extraDir?: string }): LoadedLessons {
  const builtin = loadLessonPack(opts.builtinDir, 'builtin');
  if (!opts.extraDir) return mergeLessons(builtin);
  return mergeLessons(builtin, { dir: opts.extraDir, loaded: loadLessonPack(opts.extraDir, opts.extraDir) });
}
