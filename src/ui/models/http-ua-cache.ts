// The User-Agent model's view: what the origin's responses say, then a table
// of the requests, one row each (the client, HIT or MISS, what it got, and a
// mark where that is not what the origin would have sent it: a mark and
// words, never colour alone), then the request on screen: its User-Agent
// (and client hint), and why it went as it did, or the question the page
// asks before its outcome is shown. Text is never cut: it wraps, and the
// table gets the rows that are left; on the smallest terminals a part is
// left out whole and `i` shows it.
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, padToWidth, wrapSpans } from '../../core/layout/prose.js';
import type { Outcome } from '../../core/models/http-ua-cache/cache.js';
import { clientOf, fieldValue } from '../../core/models/http-ua-cache/clients.js';
import { explain, type UaCacheAction, type UaCacheState } from '../../core/models/http-ua-cache/model.js';
import { uaText as say } from '../../core/models/http-ua-cache/phrases.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { type UiLine, type UiSpan, plain } from '../lines.js';
import { keyText as K } from '../strings.js';
import type { Theme } from '../theme.js';
import { WHY, questionSections } from './question-lines.js';
import { type Part, TEACHING, fitAround, rowsOf } from './sections.js';
import { type DrawOptions, defineView, type ModelDrawing } from './view.js';

type Tr = (t: LocalText) => string;

const key = (
  keys: Binding['keys'],
  does: LocalText,
  action: UaCacheAction,
  hint = false,
  brief?: LocalText,
): Binding => ({
  intent: 'model',
  keys,
  does,
  action,
  ...(hint ? { hint } : {}),
  ...(brief ? { brief } : {}),
});

const wrapText = (text: string, width: number, first = '', rest = first) =>
  wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}, indent = ''): UiLine[] =>
  wrapText(text, width, indent).map((l) => plain(l, style));

const widthOf = (line: UiLine) => line.reduce((w, s) => w + displayWidth(s.text), 0);

/** The request the text is about: the one asked about, else the last one shown. */
function current(state: UaCacheState): number {
  if (state.asking) {
    const q = state.settings.questions.find((x) => x.id === state.asking!.id);
    if (q) return q.at - 1;
  }
  return state.shown - 1;
}

/** The question waits: its request's outcome is not shown yet. */
const hidden = (state: UaCacheState, index: number) =>
  index >= state.shown || (state.asking !== null && !state.asking.answered && index === current(state));

/** What the responses say and where the run is: on one line, with fewer figures if need be, or on two. */
function headLines(state: UaCacheState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const t = theme.text;
  const sep = theme.glyphs.separator;
  const name = t(tr(say(`name:${state.response}`)));
  const last = state.outcomes[state.shown - 1];
  const figures = [
    t(tr(say('requestOf', state.shown, state.clients.length))),
    t(tr(say('storedCount', last?.entries.length ?? 0))),
    t(tr(say('originCount', state.outcomes.slice(0, state.shown).filter((o) => o.result === 'miss').length))),
  ];
  const list = state.settings.responses;
  const position =
    list.length > 1 ? t(`  v ${tr(say('position', list.indexOf(state.response) + 1, list.length))}`) : '';
  const line = (pos: string, shown: string[]): UiLine => [
    { text: name, bold: true },
    { text: pos, dim: true },
    { text: `${sep}${shown.join(sep)}`, dim: true },
  ];
  for (const candidate of [line(position, figures), line('', figures), line('', figures.slice(0, 2))])
    if (widthOf(candidate) <= width) return [candidate];
  return [
    [
      { text: name, bold: true },
      { text: position, dim: true },
    ],
    ...wrapped(figures.join(sep), width, { dim: true }),
  ];
}

/** The columns of the table, fitted to the width. */
interface Columns {
  number: number;
  client: number;
  cache: number;
  served: number;
  note: number;
}

function columns(state: UaCacheState, width: number, tr: Tr, theme: Theme): Columns {
  const t = theme.text;
  const number = Math.max(2, String(state.clients.length).length);
  const client = Math.max(displayWidth(t(tr(say('colClient')))), ...state.clients.map((c) => c.length));
  const cache = Math.max(displayWidth(t(tr(say('colCache')))), `HIT #${state.clients.length}`.length);
  const served = Math.max(displayWidth(t(tr(say('colServed')))), '403 Forbidden'.length);
  const used = 2 + number + 1 + client + 2 + cache + 2 + served + 2;
  return { number, client, cache, served, note: Math.max(0, width - used) };
}

/** The note of a row, the longest that fits: stored or not, or what the origin would have sent. */
function noteOf(o: Outcome, room: number, theme: Theme, tr: Tr): UiSpan | null {
  const t = theme.text;
  const g = theme.glyphs;
  const wrong = o.served !== o.origin.page;
  const candidates = wrong
    ? [`${g.wrong} ${tr(say('originWould', o.origin.page))}`, `${g.wrong} ${o.origin.page}`, g.wrong]
    : o.result === 'miss'
      ? [tr(say(o.stored ? 'stored' : 'notStored'))]
      : [];
  const fit = candidates.map(t).find((x) => displayWidth(x) <= room);
  if (fit === undefined) return null;
  return wrong ? { text: fit, color: theme.colors.error, bold: true } : { text: fit, dim: true };
}

/** The table: a header row, then a row per request (those not sent yet dim, the one on screen marked). */
function tableLines(state: UaCacheState, width: number, theme: Theme, tr: Tr): { lines: UiLine[]; at: number } {
  const t = theme.text;
  const col = columns(state, width, tr, theme);
  const cell = (s: string, w: number) => padToWidth(t(s), w);
  const head: UiLine = [
    {
      text: `  ${'#'.padStart(col.number)} ${cell(tr(say('colClient')), col.client)}  ${cell(tr(say('colCache')), col.cache)}  ${t(tr(say('colServed')))}`,
      dim: true,
    },
  ];
  const at = current(state);
  const body = state.clients.map((client, i): UiLine => {
    const here = i === at;
    const lead = `${here ? theme.glyphs.pointer : ' '} ${String(i + 1).padStart(col.number)} ${cell(client, col.client)}  `;
    const style = { bold: here, color: here ? theme.colors.accent : undefined };
    if (hidden(state, i)) {
      const mark = here ? '?' : theme.ascii ? '.' : '·';
      return [{ text: `${lead}${cell(mark, col.cache)}  ${mark}`, ...style, dim: !here }];
    }
    const o = state.outcomes[i]!;
    const cache = o.result === 'hit' ? `HIT #${o.from! + 1}` : 'MISS';
    const line: UiLine = [
      { text: `${lead}${cell(cache, col.cache)}  `, ...style },
      { text: o.served, bold: true, color: here ? theme.colors.accent : undefined },
    ];
    const note = noteOf(o, col.note, theme, tr);
    if (note) line.push({ text: `${' '.repeat(Math.max(0, col.served - o.served.length))}  ` }, note);
    return line;
  });
  return { lines: [head, ...body], at };
}

/** The table in sentences, for a screen reader: the requests shown so far. */
function spokenTable(state: UaCacheState, tr: Tr): UiLine[] {
  return state.outcomes.slice(0, state.shown).map((o) => {
    const cache = o.result === 'hit' ? `HIT #${o.from! + 1}` : 'MISS';
    return plain(`${tr(say('requestTitle', o.index + 1, o.client))}: ${cache}, ${o.served}`);
  });
}

/** The request on screen: who asks, with its User-Agent and (for Chromium) its mobile hint. */
function requestLines(state: UaCacheState, index: number, width: number, theme: Theme, tr: Tr): UiLine[] {
  const id = state.clients[index];
  if (!id) return [];
  const t = theme.text;
  const client = clientOf(id);
  const lines = wrapped(t(tr(say('requestTitle', index + 1, id))), width, { bold: true });
  lines.push(...wrapped(t(`User-Agent: ${client.ua}`), width, {}, '  '));
  const mobile = fieldValue(client.hints, 'Sec-CH-UA-Mobile');
  if (mobile) lines.push(...wrapped(t(`Sec-CH-UA-Mobile: ${mobile}`), width, {}, '  '));
  return lines;
}

/** Why the request on screen went as it did. */
function whyLines(state: UaCacheState, index: number, width: number, theme: Theme, tr: Tr): UiLine[] {
  const o = state.outcomes[index];
  if (!o) return [];
  return explain(o, state.response, state.outcomes).flatMap((s) => wrapped(theme.text(tr(s)), width));
}

/** What is said under the table: the request on screen, then the question or why it went so, then a message. */
function textSections(state: UaCacheState, o: DrawOptions): Part[] {
  const { width, theme, question, tr } = o;
  const at = current(state);
  const sections: Part[] = [];
  if (at >= 0) {
    // While a question waits, the User-Agent is what the learner answers from; once answered, the why matters more.
    const request = requestLines(state, at, width, theme, tr);
    // A question names the request and its client itself.
    if (!question) sections.push({ lines: request.slice(0, 1), drop: 1.5 });
    sections.push({ lines: request.slice(1), drop: question && !question.verdict ? TEACHING + 2 : TEACHING - 1 });
  }
  // Once answered, the question and its choices give way before the why (the verdict names the right one).
  if (question)
    sections.push(...questionSections(question, width, theme, tr, true).map((q) => ({ ...q, asked: true })));
  else if (at >= 0) sections.push({ lines: whyLines(state, at, width, theme, tr), drop: TEACHING });
  else {
    sections.push({ lines: wrapped(theme.text(tr(say(`sends:${state.response}`))), width), drop: TEACHING });
    sections.push({ lines: wrapped(theme.text(tr(say('howToStart'))), width, { dim: true }), drop: 1 });
  }
  if (state.message && !question)
    sections.push({ lines: wrapped(theme.text(tr(state.message)), width, { color: theme.colors.warn }), drop: 1 });
  return sections;
}

/** The table's rows in `room`: its header, and a window of requests around the one on screen. */
function tableWindow(table: { lines: UiLine[]; at: number }, room: number): UiLine[] {
  const [head, ...body] = table.lines;
  const bodyRoom = room - 1;
  if (bodyRoom < 1 || !head) return [];
  if (body.length <= bodyRoom) return [head, ...body];
  // The row on screen, with the next one below it when there is room: the learner sees what comes.
  const focus = Math.max(0, table.at);
  const top = Math.max(0, Math.min(body.length - bodyRoom, focus + 2 - bodyRoom));
  return [head, ...body.slice(top, top + bodyRoom)];
}

/** The table is worth its rows with its header and a few requests. */
const TABLE_MIN_ROWS = 3;

export function uaDrawing(state: UaCacheState, o: DrawOptions): ModelDrawing {
  const { width, height, theme, screenReader, tr } = o;
  const table = screenReader
    ? { lines: [[], ...spokenTable(state, tr)], at: state.shown - 1 }
    : tableLines(state, width, theme, tr);
  const wanted = Math.min(table.lines.length, TABLE_MIN_ROWS + 1);
  // The head, the question and, once it is answered, the request's headers say so when they give way (i shows them).
  const fit = fitAround([{ lines: headLines(state, width, theme, tr), drop: 2.5 }], textSections(state, o), {
    height,
    width,
    tr,
    wanted,
    keep: o.question?.verdict ? WHY : Number.POSITIVE_INFINITY,
    saidFrom: TEACHING - 1,
  });
  // A blank row between the table and the text, when there is room for it.
  const gap = fit.room > wanted && fit.below.length > 0 ? 1 : 0;
  const drawn =
    fit.room - gap >= Math.min(TABLE_MIN_ROWS, table.lines.length) ? tableWindow(table, fit.room - gap) : [];
  return {
    lines: [...fit.above, ...drawn, ...(drawn.length > 0 && gap ? [[]] : []), ...fit.below, ...fit.tail].slice(
      0,
      height,
    ),
  };
}

/** The rows the model needs for its text whole and the whole table (up to a few rows). */
export function uaNeed(state: UaCacheState, o: DrawOptions): number {
  const text = rowsOf(textSections(state, o));
  const table = Math.min(1 + state.clients.length, 1 + 6);
  return headLines(state, o.width, o.theme, o.tr).length + table + 1 + text;
}

/** Everything, in full, for the `i` screen: the setting and the rule, each request so far and why, the cache. */
export function uaInfo(state: UaCacheState, o: DrawOptions): UiLine[] {
  const { width, theme, question, tr } = o;
  const t = theme.text;
  const lines: UiLine[] = [
    ...headLines(state, width, theme, tr),
    ...wrapped(t(tr(say(`sends:${state.response}`))), width),
    ...wrapped(t(tr(say('rule'))), width),
  ];
  const at = current(state);
  if (state.shown > 0 || at >= 0) lines.push([], ...wrapped(t(tr(say('requestsTitle'))), width, { bold: true }));
  for (let i = 0; i < state.clients.length; i++) {
    if (i >= state.shown && i !== at) continue;
    lines.push([]);
    lines.push(...requestLines(state, i, width, theme, tr));
    const client = clientOf(state.clients[i]!);
    for (const [name, value] of client.hints)
      if (name !== 'Sec-CH-UA-Mobile') lines.push(...wrapped(t(`${name}: ${value}`), width, {}, '  '));
    if (hidden(state, i)) continue;
    const out = state.outcomes[i]!;
    lines.push(plain(t(`${out.result === 'hit' ? `HIT #${out.from! + 1}` : 'MISS'}  ${out.served}`), { bold: true }));
    lines.push(...whyLines(state, i, width, theme, tr).map((l) => l.map((s) => ({ ...s, dim: true }))));
  }
  const entries = state.outcomes[state.shown - 1]?.entries ?? [];
  lines.push([]);
  if (entries.length === 0) lines.push(...wrapped(t(tr(say('storedNone'))), width, { bold: true }));
  else {
    lines.push(...wrapped(t(tr(say('storedTitle', entries.length))), width, { bold: true }));
    for (const e of entries) {
      lines.push(...wrapped(t(`#${e.from + 1} ${e.page}`), width, {}, '  '));
      if (e.key.length === 0) lines.push(...wrapped(t(tr(say('keyAny'))), width, { dim: true }, '    '));
      for (const [name, value] of e.key)
        lines.push(...wrapped(t(`${name}: ${value ?? tr(say('absent'))}`), width, { dim: true }, '    '));
    }
  }
  if (state.message) lines.push([], ...wrapped(t(tr(state.message)), width, { color: theme.colors.warn }));
  if (question) {
    lines.push([]);
    for (const s of questionSections(question, width, theme, tr)) lines.push(...s.lines);
  }
  return lines;
}

export const httpUaCacheView = defineView<UaCacheState>({
  kind: 'http-ua-cache',
  bindings: [
    key([k('right'), c('l'), k('space')], K('nextRequest'), { type: 'step', delta: 1 }),
    key([k('left')], K('backRequest'), { type: 'step', delta: -1 }),
    summary('model', '→/←', K('request')),
    key([c('v')], K('nextResponses'), { type: 'response', delta: 1 }, true, K('vary')),
    key([c('V')], K('previousResponses'), { type: 'response', delta: -1 }),
    key([c('c')], K('nextClient'), { type: 'client', delta: 1 }, true, K('client')),
    key([c('C')], K('previousClient'), { type: 'client', delta: -1 }),
    key([c('r')], K('randomClients'), { type: 'random' }),
    INFO,
    key([k('home'), c('g')], K('startEmpty'), { type: 'home' }),
    key([k('end'), c('G')], K('everyRequest'), { type: 'end' }),
  ],
  lines: (state, options) => uaDrawing(state, options),
  need: (state, options) => uaNeed(state, options),
  info: (state, options) => uaInfo(state, options),
});
