// Reads a lesson document into the Lesson model, checking its shape: every
// problem names the field by its path (`pages[2].exercise.options[0].why`)
// and says what was expected and what was found; all problems are reported,
// not just the first. Whether the engine can answer the lesson's questions is
// checked above this, in core/grading/lesson-checks.ts.
import { SHORT_ANSWER_KINDS } from '../answers/normalize.js';
import type { LocalText } from '../i18n/localize.js';
import type { AnyModelKind } from '../models/kind.js';
import { findKind, kindNames, type ModelRef } from '../models/registry.js';
import type { Scenario } from '../tcp/types.js';
import { Checker, describe, type FieldProblem, isObject, type Json, type JsonObject } from '../schema/checker.js';
import { idField, localText, localTexts } from '../schema/fields.js';
import { didYouMean } from '../suggest.js';
import { hasOwnEntry, setOwnEntry } from '../own.js';
import { REVIEW_FROM } from './review.js';
import type { AnswerSource, ChoiceOption, Exercise, Lesson, OrderItem, Page, ParamSpec, Review } from './types.js';

const LESSON_FORMAT_VERSION = 2;

const LESSON_KEYS = ['formatVersion', 'id', 'order', 'title', 'summary', 'pages'] as const;
const PAGE_KEYS = ['id', 'title', 'text', 'exercise', 'model', 'review'] as const;
const COMMON_EXERCISE_KEYS = ['id', 'type', 'prompt', 'hints', 'explanation', 'params'];
const EXERCISE_KEYS: Record<Exercise['type'], readonly string[]> = {
  single: [...COMMON_EXERCISE_KEYS, 'options', 'answer'],
  multiple: [...COMMON_EXERCISE_KEYS, 'options', 'answer'],
  ordering: [...COMMON_EXERCISE_KEYS, 'items', 'answer', 'why'],
  short: [...COMMON_EXERCISE_KEYS, 'kind', 'answer', 'accept', 'mistakes'],
};
const EXERCISE_TYPES = Object.keys(EXERCISE_KEYS) as Array<Exercise['type']>;

export interface ParseContext {
  /** Scenario files of the lesson folder, by relative path (already validated). */
  scenarios?: Record<string, Scenario>;
}

function params(c: Checker, v: Json, path: string): Record<string, ParamSpec> | undefined {
  if (v === undefined) return undefined;
  const o = c.object(v, path);
  if (!o) return undefined;
  const out: Record<string, ParamSpec> = {};
  for (const [name, spec] of Object.entries(o)) {
    const p = `${path}.${name}`;
    if (!/^\w+$/.test(name)) c.problem(p, 'expected a parameter name of letters, digits and _');
    const s = c.object(spec, p);
    if (!s) continue;
    if ('int' in s) {
      c.keys(s, p, ['int']);
      const range = s.int;
      if (
        !Array.isArray(range) ||
        range.length !== 2 ||
        !range.every((n) => Number.isInteger(n)) ||
        (range[0] as number) > (range[1] as number)
      ) {
        c.problem(`${p}.int`, `expected [min, max] with whole numbers and min ≤ max, found ${JSON.stringify(range)}`);
      } else setOwnEntry(out, name, { int: [range[0] as number, range[1] as number] });
    } else if ('choice' in s) {
      c.keys(s, p, ['choice']);
      const list = c.array(s.choice, `${p}.choice`, { min: 1, what: 'values' });
      if (list?.every((x) => typeof x === 'string' || typeof x === 'number'))
        setOwnEntry(out, name, { choice: list as Array<string | number> });
      else if (list) c.problem(`${p}.choice`, 'expected strings or numbers');
    } else {
      c.problem(p, 'expected {"int": [min, max]} or {"choice": [values…]}');
    }
  }
  return out;
}

function options(c: Checker, v: Json, path: string): ChoiceOption[] | undefined {
  const list = c.array(v, path, { min: 2, what: 'options' });
  if (!list) return undefined;
  const out: ChoiceOption[] = [];
  list.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const o = c.object(raw, p);
    if (!o) return;
    c.keys(o, p, ['id', 'text', 'why']);
    const id = idField(c, o.id, `${p}.id`);
    const text = localText(c, o.text, `${p}.text`);
    const why = localText(c, o.why, `${p}.why`);
    if (id && text && why) out.push({ id, text, why });
  });
  c.uniqueIds(out, path, 'option');
  return out.length === list.length ? out : undefined;
}

function items(c: Checker, v: Json, path: string): OrderItem[] | undefined {
  const list = c.array(v, path, { min: 2, what: 'items' });
  if (!list) return undefined;
  const out: OrderItem[] = [];
  list.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const o = c.object(raw, p);
    if (!o) return;
    c.keys(o, p, ['id', 'text']);
    const id = idField(c, o.id, `${p}.id`);
    const text = localText(c, o.text, `${p}.text`);
    if (id && text) out.push({ id, text });
  });
  c.uniqueIds(out, path, 'item');
  return out.length === list.length ? out : undefined;
}

function answerSource(c: Checker, v: Json, path: string, ctx: ParseContext): AnswerSource | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  if ('value' in o) {
    c.keys(o, path, ['value']);
    if (typeof o.value !== 'string' && typeof o.value !== 'number') {
      c.problem(`${path}.value`, `expected a string or a number, found ${describe(o.value)}`);
      return undefined;
    }
    return { value: o.value };
  }
  if ('expr' in o) {
    c.keys(o, path, ['expr']);
    const expr = c.string(o.expr, `${path}.expr`);
    return expr ? { expr } : undefined;
  }
  if ('model' in o) {
    c.keys(o, path, ['model']);
    const ref = modelRef(c, o.model, `${path}.model`, (kind, raw, p) => kind.parseQuery(c, raw, p, ctx));
    return ref ? { model: ref } : undefined;
  }
  c.problem(path, 'expected {"value": …}, {"expr": "…"} or {"model": {"kind": …}}');
  return undefined;
}

/** `{name}` placeholders in a text must be declared parameters. */
function checkPlaceholders(
  c: Checker,
  t: LocalText | undefined,
  path: string,
  declared: Record<string, ParamSpec> | undefined,
) {
  if (t === undefined) return;
  const all = typeof t === 'string' ? [t] : Object.values(t);
  for (const s of all) {
    for (const m of s.matchAll(/\{(\w+)\}/g)) {
      if (!hasOwnEntry(declared, m[1]!))
        c.problem(path, `uses {${m[1]}}, which is not a declared parameter (see "params")`);
    }
  }
}

function exercise(c: Checker, v: Json, path: string, ctx: ParseContext): Exercise | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const type = c.oneOf(o.type, `${path}.type`, EXERCISE_TYPES);
  if (!type) return undefined;
  c.keys(o, path, EXERCISE_KEYS[type]);
  const before = c.problems.length;
  const id = idField(c, o.id, `${path}.id`);
  const prompt = localText(c, o.prompt, `${path}.prompt`);
  const hints = localTexts(c, o.hints, `${path}.hints`, 1, 'hints');
  const explanation = o.explanation === undefined ? undefined : localText(c, o.explanation, `${path}.explanation`);
  const declared = params(c, o.params, `${path}.params`);
  checkPlaceholders(c, prompt, `${path}.prompt`, declared);
  hints?.forEach((h, i) => {
    checkPlaceholders(c, h, `${path}.hints[${i}]`, declared);
  });
  checkPlaceholders(c, explanation, `${path}.explanation`, declared);
  const base = {
    id: id!,
    prompt: prompt!,
    hints: hints!,
    ...(explanation ? { explanation } : {}),
    ...(declared ? { params: declared } : {}),
  };
  let out: Exercise | undefined;
  if (type === 'single' || type === 'multiple') {
    const opts = options(c, o.options, `${path}.options`);
    const ids = opts?.map((x) => x.id) ?? [];
    if (type === 'single') {
      const answer = c.string(o.answer, `${path}.answer`, { what: 'the id of the right option' });
      if (answer && opts && !ids.includes(answer))
        c.problem(
          `${path}.answer`,
          `expected one of the option ids ${ids.join(', ')}; found "${answer}"${didYouMean(answer, ids)}`,
        );
      if (opts && answer) out = { ...base, type, options: opts, answer };
    } else {
      const list = c.array(o.answer, `${path}.answer`, { min: 1, what: 'option ids' });
      const answer: string[] = [];
      list?.forEach((a, i) => {
        if (typeof a !== 'string' || !ids.includes(a))
          c.problem(`${path}.answer[${i}]`, `expected one of the option ids ${ids.join(', ')}; found ${describe(a)}`);
        else if (answer.includes(a)) c.problem(`${path}.answer[${i}]`, `"${a}" is listed twice`);
        else answer.push(a);
      });
      if (opts && list) out = { ...base, type, options: opts, answer };
    }
  } else if (type === 'ordering') {
    const its = items(c, o.items, `${path}.items`);
    const list = c.array(o.answer, `${path}.answer`, { min: 2, what: 'item ids' });
    const ids = its?.map((x) => x.id) ?? [];
    let why: Record<string, LocalText> | undefined;
    if (o.why !== undefined) {
      const w = c.object(o.why, `${path}.why`);
      if (w) {
        why = {};
        for (const [k, t] of Object.entries(w)) {
          if (!ids.includes(k))
            c.problem(`${path}.why.${k}`, `expected an item id (${ids.join(', ')})${didYouMean(k, ids)}`);
          const x = localText(c, t, `${path}.why.${k}`);
          if (x) setOwnEntry(why, k, x);
        }
      }
    }
    if (its && list) {
      const answer = list.filter((a): a is string => typeof a === 'string');
      const sorted = (xs: string[]) => [...xs].sort().join('\u0000');
      if (answer.length !== list.length || sorted(answer) !== sorted(ids)) {
        c.problem(
          `${path}.answer`,
          `expected every item id exactly once (${ids.join(', ')}); found ${JSON.stringify(list)}`,
        );
      } else if (answer.every((a, i) => a === ids[i])) {
        c.problem(
          `${path}.items`,
          'the items are already listed in the right order: list them shuffled, the answer gives the order',
        );
      } else out = { ...base, type, items: its, answer, ...(why ? { why } : {}) };
    }
  } else {
    const kind = c.oneOf(o.kind, `${path}.kind`, SHORT_ANSWER_KINDS);
    const answer = answerSource(c, o.answer, `${path}.answer`, ctx);
    let accept: string[] | undefined;
    if (o.accept !== undefined) {
      const list = c.array(o.accept, `${path}.accept`, { what: 'answers' });
      if (list) {
        accept = list.map((a, i) =>
          typeof a === 'number'
            ? String(a)
            : (c.string(a, `${path}.accept[${i}]`, { what: 'an answer (text or a number)' }) ?? ''),
        );
      }
    }
    let mistakes: Array<{ id: string; answer: string | number | { expr: string }; why: LocalText }> | undefined;
    if (o.mistakes !== undefined) {
      const list = c.array(o.mistakes, `${path}.mistakes`, { what: 'mistakes' });
      mistakes = [];
      list?.forEach((m, i) => {
        const p = `${path}.mistakes[${i}]`;
        const mo = c.object(m, p);
        if (!mo) return;
        c.keys(mo, p, ['id', 'answer', 'why']);
        const mistakeId = idField(c, mo.id, `${p}.id`);
        const why = localText(c, mo.why, `${p}.why`);
        const a = mo.answer;
        let ans: string | number | { expr: string } | undefined;
        if (typeof a === 'string' || typeof a === 'number') ans = a;
        else if (isObject(a) && typeof a.expr === 'string') ans = { expr: a.expr };
        else c.problem(`${p}.answer`, `expected a string, a number or {"expr": "…"}, found ${describe(a)}`);
        if (mistakeId && why && ans !== undefined) mistakes!.push({ id: mistakeId, answer: ans, why });
      });
    }
    if (kind && answer)
      out = { ...base, type, kind, answer, ...(accept ? { accept } : {}), ...(mistakes ? { mistakes } : {}) };
  }
  if (c.problems.length > before || !out) return undefined;
  return out;
}

/**
 * `{"from": "<lesson-id>/<id>"}`: only its form is checked here; whether that lesson and item exist is known once
 * every lesson is loaded (core/lessons/review.ts).
 */
function review(c: Checker, v: Json, path: string): Review | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  c.keys(o, path, ['from']);
  const from = c.string(o.from, `${path}.from`, {
    pattern: REVIEW_FROM,
    what: '"<lesson-id>/<exercise-or-question-id>", two kebab-case ids joined by / (such as "teardown/fin-says")',
  });
  return from === undefined ? undefined : { from };
}

/** `{"kind": …, …}`: the kind from the registry, the rest read by the kind itself. */
function modelRef(
  c: Checker,
  v: Json,
  path: string,
  read: (kind: AnyModelKind, raw: JsonObject, path: string) => unknown,
): ModelRef | undefined {
  const o = c.object(v, path);
  if (!o) return undefined;
  const name = c.oneOf(o.kind, `${path}.kind`, kindNames());
  const kind = name === undefined ? undefined : findKind(name);
  if (!kind || !name) return undefined;
  const { kind: _kind, ...rest } = o;
  const before = c.problems.length;
  const settings = read(kind, rest, path);
  return settings === undefined || c.problems.length > before ? undefined : { kind: name, settings };
}

export type LessonData = Omit<Lesson, 'source' | 'pack'>;

export function parseLesson(json: Json, ctx: ParseContext = {}): { lesson?: LessonData; problems: FieldProblem[] } {
  const c = new Checker();
  const o = c.object(json, '');
  if (!o) return { problems: c.problems };
  c.keys(o, '', LESSON_KEYS);
  if (o.formatVersion !== LESSON_FORMAT_VERSION) {
    c.problem(
      'formatVersion',
      `expected ${LESSON_FORMAT_VERSION} (the lesson format this nettutor reads), found ${o.formatVersion === undefined ? 'nothing' : describe(o.formatVersion)}`,
    );
  }
  const id = idField(c, o.id, 'id');
  const order = c.number(o.order, 'order');
  const title = localText(c, o.title, 'title');
  const summary = localText(c, o.summary, 'summary');
  const rawPages = c.array(o.pages, 'pages', { min: 1, what: 'pages' }) ?? [];
  const pages: Page[] = [];
  const gradedIds = new Map<string, string>();
  rawPages.forEach((raw, i) => {
    const path = `pages[${i}]`;
    const p = c.object(raw, path);
    if (!p) return;
    c.keys(p, path, PAGE_KEYS);
    const pageId = idField(c, p.id, `${path}.id`);
    const page: Page = { id: pageId ?? `#${i}` };
    if (p.title !== undefined) page.title = localText(c, p.title, `${path}.title`);
    if (p.text !== undefined) page.text = localText(c, p.text, `${path}.text`);
    const blocks = (['exercise', 'model', 'review'] as const).filter((k) => p[k] !== undefined);
    if (blocks.length > 1) {
      c.problem(
        path,
        `a page has at most one interactive block: "exercise", "model" or "review", not ${blocks.map((b) => `"${b}"`).join(' and ')}`,
      );
    }
    if (p.exercise !== undefined) {
      page.exercise = exercise(c, p.exercise, `${path}.exercise`, ctx);
      if (page.exercise) {
        const other = gradedIds.get(page.exercise.id);
        if (other) c.problem(`${path}.exercise.id`, `duplicate exercise id "${page.exercise.id}" (also at ${other})`);
        gradedIds.set(page.exercise.id, `${path}.exercise.id`);
      }
    }
    if (p.model !== undefined) {
      const ref = modelRef(c, p.model, `${path}.model`, (kind, raw, at) => kind.parseBlock(c, raw, at, ctx));
      if (ref) {
        const questionIds = findKind(ref.kind)!.questionIds(ref.settings);
        for (const id of questionIds) {
          const other = gradedIds.get(id);
          if (other) c.problem(`${path}.model`, `duplicate question id "${id}" (also at ${other})`);
          gradedIds.set(id, `${path}.model`);
        }
        page.model = { ...ref, questionIds };
      }
    }
    if (p.review !== undefined) page.review = review(c, p.review, `${path}.review`);
    if (p.text === undefined && blocks.length === 0) {
      c.problem(path, 'expected a text, an "exercise", a "model" or a "review": the page is empty');
    }
    pages.push(page);
  });
  c.uniqueIds(pages, 'pages', 'page');
  if (c.problems.length > 0 || !id || order === undefined || !title || !summary) return { problems: c.problems };
  return {
    lesson: { id, order, title, summary, pages, ...(ctx.scenarios ? { scenarios: ctx.scenarios } : {}) },
    problems: [],
  };
}
