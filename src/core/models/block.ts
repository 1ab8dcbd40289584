// What kinds read the same way from a page's model block: a list of names
// the learner goes through (conditions, modes, response settings), the one
// shown first, and the questions the model asks, each `{"id", …}` with the
// hints the loader hands back by id under `"hints": { <id>: [texts…] }` (from
// the locale files, core/lessons/compose.ts). A kind reads only the fields of
// its own; the rest is read and reported here, with the same paths and
// messages for every kind.
import type { LocalText } from '../i18n/localize.js';
import { ownEntry } from '../own.js';
import { type Checker, isObject, type Json, type JsonObject } from '../schema/checker.js';
import { idField, localTexts } from '../schema/fields.js';

/** What every question has besides the fields of its kind. */
export interface Asked {
  id: string;
  hints: LocalText[];
}

/**
 * Reads a question's own fields from `o` (at `path`). It returns them; `undefined` when one is wrong (its problem
 * reported: the question's hints are still checked); or `null` when the question is refused as a whole (reported:
 * nothing more of it is read).
 */
export type ReadFields<T> = (o: JsonObject, path: string) => T | undefined | null;

/**
 * The question at `path` in the block at `blockPath`: an object with `"id"` and the fields `keys`, its hints read
 * from the block's `"hints"`. Undefined when anything of it is wrong (every problem reported).
 */
export function readQuestion<T extends object>(
  c: Checker,
  block: JsonObject,
  blockPath: string,
  v: Json,
  path: string,
  keys: readonly string[],
  read: ReadFields<T>,
): (Asked & T) | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.keys(o, path, ['id', ...keys]);
  const id = idField(c, o.id, `${path}.id`);
  const fields = read(o, path);
  if (fields === null) return undefined;
  const written = typeof o.id === 'string' && isObject(block.hints) ? ownEntry(block.hints, o.id) : undefined;
  const hints = written === undefined ? [] : localTexts(c, written, `${blockPath}.hints.${o.id}`, 0, 'hints');
  return id && fields && hints ? { id, ...fields, hints } : undefined;
}

/**
 * The list of questions under `field` of the block at `path` ("questions"; the TCP player's "predict"), each read
 * by readQuestion with `read(o, path, index)`: [] when the block has none; undefined when any is wrong (every
 * problem reported, a duplicate id among them). `what` names the list in problems: "questions" by default.
 */
export function readQuestions<T extends object>(
  c: Checker,
  block: JsonObject,
  path: string,
  {
    field = 'questions',
    what = 'questions',
    keys,
    read,
  }: {
    field?: string;
    what?: string;
    keys: readonly string[];
    read: (o: JsonObject, path: string, index: number) => T | undefined | null;
  },
): Array<Asked & T> | undefined {
  if (block[field] === undefined) return [];
  const listPath = `${path}.${field}`;
  const list = c.array(block[field], listPath, { what });
  if (!list) return undefined;
  const out: Array<Asked & T> = [];
  list.forEach((raw, i) => {
    const q = readQuestion(c, block, path, raw, `${listPath}[${i}]`, keys, (o, p) => read(o, p, i));
    if (q) out.push(q);
  });
  c.uniqueIds(out, listPath, what.replace(/s$/, ''));
  return out.length === list.length ? out : undefined;
}

/** The ids of the questions under `field` of a block as written, before it is parsed (ModelKind.rawQuestionIds). */
export function rawQuestionIds(block: JsonObject, field = 'questions'): string[] {
  const list = block[field];
  return Array.isArray(list) ? list.flatMap((q) => (isObject(q) && typeof q.id === 'string' ? [q.id] : [])) : [];
}

/**
 * A list of names from `values` (`what`: "conditions"), each once and at least one; every one of `values`, in order,
 * when the block lists none (`v` undefined). Undefined when it is wrong (every problem reported).
 */
export function nameList<T extends string>(
  c: Checker,
  v: Json,
  path: string,
  values: readonly T[],
  what: string,
): T[] | undefined {
  if (v === undefined) return [...values];
  const list = c.array(v, path, { min: 1, what });
  if (!list) return undefined;
  const out: T[] = [];
  list.forEach((x, i) => {
    const name = c.oneOf(x, `${path}[${i}]`, values);
    if (!name) return;
    if (out.includes(name)) c.problem(`${path}[${i}]`, `"${name}" is listed twice`);
    else out.push(name);
  });
  return out.length === list.length ? out : undefined;
}

/**
 * The name shown first: `v`, one of `values` that is also among the page's `list` (`what`: "conditions"); the first of
 * `list` when not given. Undefined when it is wrong (reported), or when the list is.
 */
export function firstName<T extends string>(
  c: Checker,
  v: Json,
  path: string,
  values: readonly T[],
  list: readonly T[] | undefined,
  what: string,
): T | undefined {
  if (v === undefined) return list?.[0];
  const name = c.oneOf(v, path, values);
  if (name && list && !list.includes(name)) {
    c.problem(path, `"${name}" is not among the page's ${what} (${list.join(', ')})`);
    return undefined;
  }
  return name;
}
