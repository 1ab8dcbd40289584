// Turns a lesson of the first format (one lesson.json holding structure and
// every language's text) into the current one: lesson.jsonc for the structure
// and one Markdown file per locale for the words. Nothing is lost: composing
// the result gives back the same lesson. `nettutor lessons convert` writes it.
import { ownEntry } from '../own.js';
import { isObject, type Json, type JsonObject } from '../schema/checker.js';
import { BASE_LOCALE } from './compose.js';
import { formatJsonc } from './jsonc-format.js';

export interface Converted {
  /** lesson.jsonc, as text. */
  structure: string;
  /** `<locale>.md` texts by locale; `en` always. */
  texts: Record<string, string>;
}

type Texts = Record<string, string>;

/** The per-locale strings of a v1 text: a plain string is English. */
function localesOf(t: Json): Texts {
  if (typeof t === 'string') return { [BASE_LOCALE]: t };
  if (isObject(t))
    return Object.fromEntries(Object.entries(t).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return {};
}

export function convertLessonV1(v1: Json, schemaPath: string): Converted {
  if (!isObject(v1)) throw new Error('expected a lesson object');
  const md = new Map<string, string[]>();
  const locales = new Set<string>([BASE_LOCALE]);
  // Every locale any text is written in gets a file.
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      if (typeof v.en === 'string') for (const l of Object.keys(v)) locales.add(l);
      else Object.values(v).forEach(visit);
    }
  };
  visit(v1);
  for (const l of locales) md.set(l, []);
  // A plain string was the text for every language (a state name, a number), so every file gets it.
  const textIn = (t: Json, l: string) => (typeof t === 'string' ? t : localesOf(t)[l]);
  const write = (heading: string, t: Json) => {
    for (const [l, lines] of md) {
      const text = textIn(t, l);
      if (text !== undefined) lines.push(heading, '', text, '');
    }
  };
  for (const [l, lines] of md) {
    const title = textIn(v1.title, l);
    const summary = textIn(v1.summary, l);
    if (title !== undefined) lines.push(`# ${title}`, '');
    if (summary !== undefined) lines.push(summary, '');
  }

  const pages: Json[] = [];
  for (const raw of Array.isArray(v1.pages) ? v1.pages : []) {
    if (!isObject(raw)) continue;
    const id = String(raw.id);
    for (const [l, lines] of md) {
      const title = textIn(raw.title, l);
      lines.push(title !== undefined ? `## ${id}: ${title}` : `## ${id}`, '');
      const text = textIn(raw.text, l);
      if (text !== undefined) lines.push(text, '');
    }
    const page: JsonObject = { id };
    if (isObject(raw.exercise)) page.exercise = convertExercise(raw.exercise, write);
    if (isObject(raw.simulation)) {
      const sim = raw.simulation;
      const model: JsonObject = { kind: 'tcp', scenario: sim.scenario };
      if (Array.isArray(sim.predict)) {
        model.predict = sim.predict.map((q) => {
          if (!isObject(q)) return q;
          const { hints, ...rest } = q;
          if (Array.isArray(hints)) for (const h of hints) write(`### hint for ${q.id}`, h);
          return rest;
        });
      }
      page.model = model;
    }
    pages.push(page);
  }

  const structure: JsonObject = {
    $schema: schemaPath,
    formatVersion: 2,
    id: v1.id,
    order: v1.order,
    pages,
  };
  const texts: Record<string, string> = {};
  for (const [l, lines] of md) texts[l] = `${lines.join('\n').trimEnd()}\n`;
  return {
    structure: `// The structure of the lesson "${String(v1.id)}": its texts are in ${[...locales].map((l) => `${l}.md`).join(' and ')}.\n${formatJsonc(structure)}\n`,
    texts,
  };
}

function convertExercise(raw: JsonObject, write: (heading: string, t: Json) => void): JsonObject {
  const { prompt, hints, explanation, options, items, why, mistakes, answer, ...rest } = raw;
  write('### prompt', prompt);
  const out: JsonObject = { ...rest };
  if (Array.isArray(options)) {
    out.options = options.map((o) => {
      if (!isObject(o)) return o;
      write(`### option ${o.id}`, o.text);
      write(`### why ${o.id}`, o.why);
      return o.id;
    });
  }
  if (Array.isArray(items)) {
    out.items = items.map((it) => {
      if (!isObject(it)) return it;
      write(`### item ${it.id}`, it.text);
      const itemWhy = isObject(why) ? ownEntry(why, String(it.id)) : undefined;
      if (itemWhy !== undefined) write(`### why ${it.id}`, itemWhy);
      return it.id;
    });
  }
  out.answer = isObject(answer) && isObject(answer.sim) ? { model: { kind: 'tcp', ...answer.sim } } : answer;
  if (Array.isArray(mistakes)) {
    out.mistakes = mistakes.map((m, i) => {
      if (!isObject(m)) return m;
      const id = typeof m.id === 'string' ? m.id : `mistake-${i + 1}`;
      write(`### mistake ${id}`, m.why);
      return { id, answer: m.answer };
    });
  }
  if (Array.isArray(hints)) for (const h of hints) write('### hint', h);
  if (explanation !== undefined) write('### explanation', explanation);
  return out;
}
