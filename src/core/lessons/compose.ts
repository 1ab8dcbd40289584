// Puts a lesson together from its files: the structure (lesson.jsonc: ids,
// order, answers, parameters, model settings — written once) and one text
// table per locale (`<locale>.md`). The result is the lesson document that
// parse.ts checks, each text a `{ "en": …, "zh-CN": … }` object. Every text
// remembers the file and line it came from, so a problem in it can say where.
import { findKind } from '../models/registry.js';
import { setOwnEntry } from '../own.js';
import { isObject, type Json, type JsonObject } from '../schema/checker.js';
import { didYouMean } from '../suggest.js';
import { describeKey, type LocaleTexts, type TextKey } from './texts.js';

export const BASE_LOCALE = 'en';
/** The `locale` of a problem found in lesson.jsonc rather than in a locale file. */
export const STRUCTURE = '';

export interface ComposeProblem {
  /** The locale file the problem is in, or STRUCTURE for lesson.jsonc. */
  locale: string;
  line?: number;
  /** The field of the lesson document the text belongs to (for messages), or ''. */
  field: string;
  message: string;
  /** A text missing in a translation is a warning; `lessons check --strict` makes it an error. */
  severity: 'error' | 'warning';
}

export interface Composed {
  document: Json;
  problems: ComposeProblem[];
  /** Field path of the document → the locale file and line its English text came from. */
  origins: Map<string, { locale: string; line: number }>;
}

type Slot = { key: TextKey; field: string; required: boolean };

/** Fills the texts of every locale into a copy of the structure. */
export function composeLesson(structure: Json, texts: Readonly<Record<string, LocaleTexts>>): Composed {
  const problems: ComposeProblem[] = [];
  const origins = new Map<string, { locale: string; line: number }>();
  const locales = Object.keys(texts).sort((a, b) =>
    a === BASE_LOCALE ? -1 : b === BASE_LOCALE ? 1 : a.localeCompare(b),
  );
  const used = new Map<string, Set<TextKey>>(locales.map((l) => [l, new Set()]));
  const base = texts[BASE_LOCALE];
  if (!base) {
    problems.push({
      locale: BASE_LOCALE,
      field: '',
      message: `the lesson has no ${BASE_LOCALE}.md: every lesson is written in English first`,
      severity: 'error',
    });
  }

  /** The text of one slot in every locale, or undefined when English has none. */
  const fill = (slot: Slot): Record<string, string> | undefined => {
    const out: Record<string, string> = {};
    for (const locale of locales) {
      const entry = texts[locale]!.entries.get(slot.key);
      if (entry) {
        used.get(locale)!.add(slot.key);
        out[locale] = entry.text;
        if (locale === BASE_LOCALE) origins.set(slot.field, { locale, line: entry.line });
      }
    }
    if (base && out[BASE_LOCALE] === undefined) {
      if (slot.required || Object.keys(out).length > 0) {
        problems.push({
          locale: BASE_LOCALE,
          line: lineOfPage(base, slot.key),
          field: slot.field,
          message: `missing ${describeKey(slot.key)}`,
          severity: 'error',
        });
      }
      return undefined;
    }
    for (const locale of locales) {
      if (locale !== BASE_LOCALE && out[locale] === undefined) {
        problems.push({
          locale,
          line: lineOfPage(texts[locale]!, slot.key),
          field: slot.field,
          message: `missing ${describeKey(slot.key)} (English is shown instead)`,
          severity: 'warning',
        });
      }
    }
    return base ? out : undefined;
  };
  /** A numbered series (hints): as many as English has. */
  const series = (prefix: TextKey, field: string): Array<Record<string, string>> => {
    const out: Array<Record<string, string>> = [];
    for (let n = 1; base?.entries.has(`${prefix}:${n}`); n++) {
      const t = fill({ key: `${prefix}:${n}`, field: `${field}[${n - 1}]`, required: true });
      if (t) out.push(t);
    }
    return out;
  };
  /** Options and items are listed by id in the structure; their texts are in the locale files. */
  const notAnId = (v: Json, field: string, what: string) => {
    if (typeof v !== 'string') {
      problems.push({
        locale: STRUCTURE,
        field,
        message: `expected the ${what}'s id (its text goes under "### ${what} <id>" in ${BASE_LOCALE}.md), found ${isObject(v) ? 'an object' : JSON.stringify(v)}`,
        severity: 'error',
      });
    }
  };
  /** Texts belong in the locale files; one written into the structure is a mistake worth naming. */
  const noTextIn = (o: JsonObject, path: string, keys: readonly string[]) => {
    for (const key of keys) {
      if (key in o) {
        problems.push({
          locale: STRUCTURE,
          field: path ? `${path}.${key}` : key,
          message: `texts are written in ${BASE_LOCALE}.md (and one file per translation), not in lesson.jsonc`,
          severity: 'error',
        });
      }
    }
  };

  if (!isObject(structure)) return { document: structure, problems, origins };
  const { $schema: _schema, ...rest } = structure;
  const doc: JsonObject = { ...rest };
  noTextIn(structure, '', ['title', 'summary']);
  const title = fill({ key: 'title', field: 'title', required: true });
  if (title) doc.title = title;
  const summary = fill({ key: 'summary', field: 'summary', required: true });
  if (summary) doc.summary = summary;

  if (Array.isArray(structure.pages)) {
    doc.pages = structure.pages.map((raw, i) => {
      if (!isObject(raw) || typeof raw.id !== 'string') return raw;
      const page: JsonObject = { ...raw };
      const path = `pages[${i}]`;
      const id = raw.id;
      noTextIn(raw, path, ['title', 'text']);
      const pageTitle = fill({ key: `page:${id}:title`, field: `${path}.title`, required: false });
      if (pageTitle) page.title = pageTitle;
      const pageText = fill({ key: `page:${id}:text`, field: `${path}.text`, required: false });
      if (pageText) page.text = pageText;
      if (isObject(raw.exercise)) page.exercise = exerciseTexts(raw.exercise, id, `${path}.exercise`);
      if (isObject(raw.model)) {
        // The texts of a model's questions (their hints) go under `hints`, by question id; the kind reads them.
        noTextIn(raw.model, `${path}.model`, ['hints']);
        const kind = typeof raw.model.kind === 'string' ? findKind(raw.model.kind) : undefined;
        const ids = kind?.rawQuestionIds(raw.model) ?? [];
        if (ids.length > 0) {
          page.model = {
            ...raw.model,
            hints: Object.fromEntries(
              ids.map((q) => [q, series(`ex:${id}:predict:${q}:hint`, `${path}.model.hints.${q}`)]),
            ),
          };
        }
      }
      return page;
    });
  }

  function exerciseTexts(raw: JsonObject, page: string, path: string): JsonObject {
    const ex: JsonObject = { ...raw };
    noTextIn(raw, path, ['prompt', 'hints', 'explanation', 'why']);
    const k = (name: string) => `ex:${page}:${name}`;
    const prompt = fill({ key: k('prompt'), field: `${path}.prompt`, required: true });
    if (prompt) ex.prompt = prompt;
    ex.hints = series(k('hint'), `${path}.hints`);
    const explanation = fill({ key: k('explanation'), field: `${path}.explanation`, required: false });
    if (explanation) ex.explanation = explanation;
    // An option or item is named by its id; one written as an object is reported (notAnId) and read by its id.
    const idOf = (v: Json) => (typeof v === 'string' ? v : isObject(v) && typeof v.id === 'string' ? v.id : undefined);
    if (Array.isArray(raw.options)) {
      raw.options.forEach((o, i) => {
        notAnId(o, `${path}.options[${i}]`, 'option');
      });
      ex.options = raw.options.map((o, i) => {
        const id = idOf(o);
        return id === undefined
          ? o
          : {
              id,
              text: fill({ key: k(`option:${id}`), field: `${path}.options[${i}].text`, required: true }),
              why: fill({ key: k(`why:${id}`), field: `${path}.options[${i}].why`, required: true }),
            };
      });
    }
    if (Array.isArray(raw.items)) {
      const why: Record<string, Record<string, string>> = {};
      raw.items.forEach((o, i) => {
        notAnId(o, `${path}.items[${i}]`, 'item');
      });
      ex.items = raw.items.map((o, i) => {
        const id = idOf(o);
        if (id === undefined) return o;
        const w = fill({ key: k(`why:${id}`), field: `${path}.why.${id}`, required: false });
        if (w) setOwnEntry(why, id, w);
        return { id, text: fill({ key: k(`item:${id}`), field: `${path}.items[${i}].text`, required: true }) };
      });
      if (Object.keys(why).length > 0) ex.why = why;
    }
    if (Array.isArray(raw.mistakes)) {
      raw.mistakes.forEach((m, i) => {
        if (isObject(m)) noTextIn(m, `${path}.mistakes[${i}]`, ['why']);
      });
      ex.mistakes = raw.mistakes.map((m, i) =>
        isObject(m) && typeof m.id === 'string'
          ? { ...m, why: fill({ key: k(`mistake:${m.id}`), field: `${path}.mistakes[${i}].why`, required: true }) }
          : m,
      );
    }
    return ex;
  }

  // A text no part of the lesson asks for is a mistake: most often a misspelt id.
  const pageIds = Array.isArray(structure.pages)
    ? structure.pages.flatMap((p) => (isObject(p) && typeof p.id === 'string' ? [p.id] : []))
    : [];
  for (const locale of locales) {
    const table = texts[locale]!;
    for (const [page, line] of table.pages) {
      if (!pageIds.includes(page)) {
        problems.push({
          locale,
          line,
          field: '',
          message: `lesson.jsonc has no page "${page}"${didYouMean(page, pageIds)}`,
          severity: 'error',
        });
      }
    }
    for (const [key, entry] of table.entries) {
      const page = key.split(':')[1];
      if (used.get(locale)!.has(key) || (page !== undefined && !pageIds.includes(page))) continue;
      problems.push({
        locale,
        line: entry.line,
        field: '',
        message: `${describeKey(key)}: ${unusedReason(key, locale)}`,
        severity: 'error',
      });
    }
  }
  return { document: doc, problems, origins };
}

function unusedReason(key: TextKey, locale: string): string {
  const parts = key.split(':');
  if (parts[0] === 'page') return 'this page has no such text';
  if (parts[2] === 'hint' || parts[2] === 'predict') {
    return locale === BASE_LOCALE ? 'the page has no such question' : `${BASE_LOCALE}.md has fewer hints here`;
  }
  if (parts.length === 3) return "the page's exercise has no such text (or the page has no exercise)";
  return `the page's exercise has no ${parts[2]} "${parts[3]}" in lesson.jsonc`;
}

function lineOfPage(table: LocaleTexts, key: TextKey): number | undefined {
  const page = key.split(':')[1];
  return page === undefined ? undefined : table.pages.get(page);
}
