// Draws the TCP model (the simulation player) as styled lines: the scenario's
// title and where the run is, the ladder so far (a window that follows the
// current event, or scrolled with ↑/↓), both sides' states, and the text of
// the moment — the selected event and what it means, the scenario's
// description before the first event, a predict question, the player's
// message. Text is never cut: it is wrapped, and the ladder gets the rows
// that are left. Only on the smallest terminals is a part left out whole,
// and a line then says that `i` shows everything (see playerInfo).
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { type Ladder, renderLadder } from '../../core/ladder/render.js';
import { lineText, padToWidth, type Span, wrapSpans } from '../../core/layout/prose.js';
import { type PlayerState, type ScrollRange, firstDivergence } from '../../core/models/tcp/player.js';
import { scenarioTexts } from '../../core/scenario/builtins.js';
import { describeEvent, explainSegment } from '../../core/tcp/describe.js';
import { scaleNote } from '../../core/tcp/scale.js';
import { statesAt } from '../../core/tcp/snapshot.js';
import { type Scenario, type SimResult, flagLabel } from '../../core/tcp/types.js';
import { type UiLine, type UiSpan, fromProse, plain } from '../ui-line.js';
import { playerText as P } from '../strings.js';
import type { Theme } from '../theme.js';
import { questionSections } from './question-lines.js';
import { type Section, TEACHING, leaveOutWith, rowsOf } from './sections.js';
import type { ModelDrawing, QuestionView } from './view.js';

/** What the player drew that its scroll keys need: how far the ladder can scroll, and a page of rows. */
export interface PlayerShown {
  ladder: ScrollRange & { page: number };
}

/** The ladder is shown when it gets its header and at least this many rows. */
const LADDER_MIN_ROWS = 1;
/** Rows of ladder the page's text leaves the player before it gives way to one line (see `need`). */
const LADDER_COMFORT_ROWS = 6;
/** In compare, each run keeps at least this many rows before the page's text is shown. */
const COMPARE_COMFORT_ROWS = 5;

type Tr = (t: LocalText) => string;

function wrap(text: string, width: number, first = '', rest = ''): string[] {
  return wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);
}

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}, indent = ''): UiLine[] =>
  wrap(text, width, indent, indent).map((l) => plain(l, style));

/** A window of `room` rows over `total`, where it sits by itself at `follow`, moved by `offset`. */
function windowOf(total: number, room: number, follow: number, offset: number) {
  const maxTop = Math.max(0, total - room);
  const base = Math.max(0, Math.min(follow, maxTop));
  const top = Math.max(0, Math.min(base + offset, maxTop));
  return { top, range: { min: -base, max: maxTop - base }, above: top > 0, below: top + room < total };
}

const union = (a: ScrollRange, b: ScrollRange): ScrollRange => ({
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
});

/** Ladders already drawn, by run: a frame asks for the same one more than once (its size, then its drawing). */
const drawnLadders = new WeakMap<SimResult, Map<string, Ladder>>();

function drawLadder(
  result: SimResult,
  scenario: Scenario,
  width: number,
  theme: Theme,
  upTo?: number,
  locale = 'en',
): Ladder {
  const charset = theme.ascii ? 'ascii' : 'unicode';
  const key = `${width} ${charset} ${upTo ?? 'all'} ${scenario.client.port} ${scenario.server.port} ${scenario.latencyMs} ${locale}`;
  let drawn = drawnLadders.get(result);
  if (!drawn) drawnLadders.set(result, (drawn = new Map()));
  let ladder = drawn.get(key);
  if (!ladder) drawn.set(key, (ladder = renderLadder(result, scenario, { width, charset, upTo, locale })));
  return ladder;
}

/** The title, whether it plays, where the run is; then the learner's changes. Wrapped, never cut. */
function headLines(state: PlayerState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const t = theme.text;
  const { result, index } = state;
  const event = index >= 0 ? result.events[index] : undefined;
  const title = tr(scenarioTexts(state.scenario).title);
  const status: UiSpan = {
    text: state.playing
      ? `${t('▶')} ${tr(P('playing', state.speed))}`
      : `${theme.ascii ? '||' : '❚❚'} ${tr(P('paused'))}`,
    color: state.playing ? theme.colors.ok : undefined,
  };
  const where: UiSpan = {
    text: `${tr(P('eventAt', index + 1, result.events.length))}${event ? t(` · ${event.t} ms`) : ''}`,
    dim: true,
  };
  const lines: UiLine[] = [];
  if (displayWidth(title) + 2 + displayWidth(status.text) + 2 + displayWidth(where.text) <= width) {
    lines.push([
      { text: title, bold: true },
      { ...status, text: `  ${status.text}` },
      { ...where, text: `  ${where.text}` },
    ]);
  } else {
    for (const line of wrap(title, width)) lines.push(plain(line, { bold: true }));
    lines.push([status, { ...where, text: `  ${where.text}` }]);
  }
  return [...lines, ...changesLines(state, width, theme, tr)];
}

/** The learner's changes to the run (faults added, the what-if), if any. */
function changesLines(state: PlayerState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const changes = [
    ...state.added.map((f) =>
      tr(P(typeof f.fault === 'string' ? f.fault : 'delay', tr(P(f.side === 'client' ? 'client' : 'server')), f.nth)),
    ),
    ...(state.whatIf ? [tr(P(state.scenario.options.handshake === 'two-way' ? 'twoWay' : 'noTimeWait'))] : []),
  ];
  if (changes.length === 0) return [];
  return wrapped(tr(P('changes', changes.join(', '))), width, { color: theme.colors.warn });
}

/** The run's scale, when TIME-WAIT is in it (in the scenario as written or as changed). */
function scaleOf(state: PlayerState): LocalText | undefined {
  return scaleNote(state.scenario, state.result) ?? scaleNote(state.base, state.baseResult);
}

/** Where the selected segment is: the one the current event sends, delivers or drops, else the last one sent. */
function selectedSend(result: SimResult, index: number): number {
  const event = result.events[index];
  if (!event) return -1;
  const id = 'id' in event ? event.id : undefined;
  for (let i = index; i >= 0; i--) {
    const e = result.events[i]!;
    if (e.type === 'send' && (id === undefined || e.id === id)) return i;
  }
  return -1;
}

/** The selected event in a sentence, the segment it concerns, and what that segment means. */
function eventSections(state: PlayerState, width: number, theme: Theme, tr: Tr): Section[] {
  const { result, index } = state;
  const event = result.events[index]!;
  const sections: Section[] = [{ lines: wrapped(tr(describeEvent(result, index)), width) }];
  const sendIndex = selectedSend(result, index);
  const send = result.events[sendIndex];
  if (send?.type === 'send') {
    // The sentence of a send, an arrival or a loss names the segment already; a state change or a timer does not.
    if (!['send', 'deliver', 'drop'].includes(event.type)) {
      const s = send.segment;
      const from = tr(P(send.side === 'client' ? 'client' : 'server'));
      const to = tr(P(send.side === 'client' ? 'server' : 'client'));
      const line: UiLine = [
        { text: `#${send.id} ${from}${theme.ascii ? '->' : '→'}${to} `, dim: true },
        { text: flagLabel(s.flags), bold: true },
        { text: ` seq=${s.seq} ack=${s.ack ?? '-'} len=${s.len}` },
      ];
      sections.push({ lines: [line], drop: 1 });
    }
    sections.push({ lines: wrapped(tr(explainSegment(result, sendIndex)), width, { dim: true }) });
  }
  return sections;
}

/** The text under the ladder, in the order it is shown. */
function textSections(state: PlayerState, width: number, theme: Theme, predict: QuestionView | null, tr: Tr) {
  const { result, index } = state;
  const sections: Section[] = [];
  if (predict) sections.push(...questionSections(predict, width, theme, tr));
  else if (index >= 0 && result.events[index]) sections.push(...eventSections(state, width, theme, tr));
  else {
    const description = scenarioTexts(state.scenario).description;
    if (description) sections.push({ lines: wrapped(tr(description), width, { dim: true }), drop: TEACHING + 1 });
    sections.push({ lines: wrapped(tr(P('howToStart')), width, { dim: true }), drop: 0 });
  }
  // The scale is said before the first event and while a side is in TIME-WAIT (or leaves it).
  const scale = scaleOf(state);
  const states = statesAt(result, index);
  const event = result.events[index];
  const timeWaitNow =
    states.client === 'TIME-WAIT' ||
    states.server === 'TIME-WAIT' ||
    (event?.type === 'timer' && event.timer === 'time-wait');
  if (scale && !predict && (index < 0 || timeWaitNow)) {
    sections.push({ lines: wrapped(tr(scale), width, { dim: true }), drop: 2 });
  }
  if (state.message && !predict) {
    sections.push({ lines: wrapped(tr(state.message), width, { color: theme.colors.warn }), drop: TEACHING + 2 });
  }
  return sections;
}

function stateSpans(state: PlayerState, theme: Theme, tr: Tr): UiLine {
  const { result, index } = state;
  const event = index >= 0 ? result.events[index] : undefined;
  const states = statesAt(result, index);
  return [
    { text: `${tr(P('client'))} `, dim: true },
    {
      text: states.client,
      bold: true,
      color: theme.colors.client,
      inverse: event?.type === 'state' && event.side === 'client',
    },
    { text: `   ${tr(P('server'))} `, dim: true },
    {
      text: states.server,
      bold: true,
      color: theme.colors.server,
      inverse: event?.type === 'state' && event.side === 'server',
    },
  ];
}

/** "↑ more above" and the like (`short`: "↑ more"), for a window with rows hidden above or below it. */
function moreMark(above: boolean, below: boolean, theme: Theme, tr: Tr, short = false): string | undefined {
  const g = theme.glyphs;
  if (above && below) return tr(P('moreBoth', `${g.up}${theme.ascii ? '/' : ''}${g.down}`));
  if (above) return tr(short ? P('moreBoth', g.up) : P('moreAbove', g.up));
  if (below) return tr(short ? P('moreBoth', g.down) : P('moreBelow', g.down));
  return undefined;
}

/** The ladder so far (or, for a screen reader, its sentences) in `room` rows, following the current event. */
function runView(
  state: PlayerState,
  width: number,
  room: number,
  theme: Theme,
  screenReader: boolean,
  tr: Tr,
  locale?: string,
) {
  const { result, index } = state;
  if (screenReader) {
    // A screen reader gets each event as a sentence (the same as `sim --format text`), not a drawing.
    const spoken: UiLine[] = [];
    for (let i = 0; i <= index; i++) spoken.push(plain(tr(describeEvent(result, i))));
    const w = windowOf(spoken.length, room, spoken.length, state.ladderOffset);
    return { lines: spoken.slice(w.top, w.top + room), ...w };
  }
  let ladder: ReturnType<typeof drawLadder>;
  try {
    ladder = drawLadder(result, state.scenario, width, theme, index, locale);
  } catch (error) {
    return {
      lines: [plain((error as Error).message, { color: theme.colors.warn })],
      range: { min: 0, max: 0 },
      above: false,
      below: false,
    };
  }
  const header = ladder.lines.slice(0, 2).map((l) => plain(l, { bold: true }));
  const body = ladder.lines.slice(2);
  const bodyRoom = Math.max(0, room - header.length);
  const currentRow = index >= 0 ? (ladder.eventRows[index] ?? ladder.lines.length - 1) - 2 : 0;
  // Following the run, the window ends with the last row drawn, which holds the current event.
  const maxTop = Math.max(0, body.length - bodyRoom);
  const follow = currentRow >= maxTop ? maxTop : Math.max(0, currentRow - bodyRoom + 2);
  const w = windowOf(body.length, bodyRoom, follow, state.ladderOffset);
  const lines = [...header];
  body.slice(w.top, w.top + bodyRoom).forEach((line, i) => {
    const current = w.top + i === currentRow && index >= 0;
    lines.push([{ text: line, color: current ? theme.colors.accent : undefined, bold: current }]);
  });
  return { lines, ...w };
}

/** The rows the ladder may have in the player: its header and its rows so far. */
function ladderRows(state: PlayerState, width: number, theme: Theme, screenReader: boolean, locale?: string): number {
  if (screenReader) return state.index + 1;
  try {
    return drawLadder(state.result, state.scenario, width, theme, state.index, locale).lines.length;
  } catch {
    return 1;
  }
}

/** Both runs, with and without the learner's change, around their first difference, in `height` rows. */
function compareView(state: PlayerState, width: number, height: number, theme: Theme, tr: Tr, locale?: string) {
  const t = theme.text;
  const diverge = firstDivergence(state.baseResult, state.result);
  const markGlyph = theme.ascii ? '*' : '>';
  const note = wrapped(tr(diverge < 0 ? P('noDifference') : P('firstDifference', diverge + 1, markGlyph)), width, {
    color: theme.colors.warn,
  });
  const sideBySide = width >= 119;
  const paneWidth = sideBySide ? Math.floor((width - 3) / 2) : width;
  const runs = [
    { result: state.baseResult, scenario: state.base, label: tr(P('without')) },
    { result: state.result, scenario: state.scenario, label: tr(P('withIt')) },
  ].map((run) => {
    const ladder = drawLadder(run.result, run.scenario, paneWidth - 2, theme, undefined, locale);
    const at = diverge < 0 ? Math.max(0, state.index) : Math.min(diverge, run.result.events.length - 1);
    const mark = diverge < 0 || at < 0 ? -1 : (ladder.eventRows[at] ?? -1) - 2;
    const sentence = diverge >= 0 && run.result.events[diverge] ? tr(describeEvent(run.result, diverge)) : undefined;
    return { ...run, ladder, mark, anchor: Math.max(0, (ladder.eventRows[Math.max(0, at)] ?? 2) - 2), sentence };
  });
  const labelLines = (run: (typeof runs)[number], withSentence: boolean, w: number): UiLine[] => {
    const spans: Span[] = [{ text: t(run.label), style: 'strong' }];
    if (withSentence && run.sentence) spans.push({ text: t(` — ${run.sentence}`), style: 'plain' });
    else spans.push({ text: tr(P('labelEnd')), style: 'strong' });
    return fromProse(wrapSpans(spans, w), theme);
  };
  /** A pane's rows: its names, then `room` rows of the run around the difference, the difference marked. */
  const pane = (run: (typeof runs)[number], room: number, names = true) => {
    const body = run.ladder.lines.slice(2);
    const win = windowOf(body.length, room, run.anchor - Math.floor(room / 2), state.ladderOffset);
    // The names of the sides, and at the end of their row, when the run has more above or below.
    const nameRow = `  ${run.ladder.lines[0]}`.replace(/\s+$/, '');
    const more = moreMark(win.above, win.below, theme, tr, true);
    const lines: UiLine[] = !names
      ? []
      : more && displayWidth(nameRow) + 1 + displayWidth(more) <= paneWidth
        ? [
            [
              { text: padToWidth(nameRow, paneWidth - displayWidth(more)), bold: true },
              { text: more, dim: true },
            ],
          ]
        : [[{ text: nameRow, bold: true }]];
    body.slice(win.top, win.top + room).forEach((line, i) => {
      const marked = win.top + i === run.mark;
      lines.push([
        { text: marked ? `${markGlyph} ` : '  ', bold: marked, color: marked ? theme.colors.warn : undefined },
        { text: line, bold: marked, color: marked ? theme.colors.warn : undefined },
      ]);
    });
    while (lines.length < room + (names ? 1 : 0)) lines.push([]);
    return { lines, win };
  };
  const [a, b] = runs as [(typeof runs)[number], (typeof runs)[number]];
  const lines: UiLine[] = [...note];
  let range: ScrollRange = { min: 0, max: 0 };
  let above = false;
  let below = false;
  const avail = Math.max(0, height - note.length);
  if (sideBySide) {
    const labelsWith = Math.max(labelLines(a, true, paneWidth).length, labelLines(b, true, paneWidth).length);
    const withSentences = avail - labelsWith - 1 >= 6;
    const la = labelLines(a, withSentences, paneWidth);
    const lb = labelLines(b, withSentences, paneWidth);
    const labels = Math.max(la.length, lb.length);
    const room = Math.max(1, avail - labels - 1);
    const pa = pane(a, room);
    const pb = pane(b, room);
    const side = (l: UiLine | undefined, r: UiLine | undefined): UiLine => [
      ...fitPane(l ?? [], paneWidth),
      { text: ' | ', dim: true },
      ...(r ?? []),
    ];
    for (let i = 0; i < labels; i++) lines.push(side(la[i], lb[i]));
    for (let i = 0; i < pa.lines.length; i++) lines.push(side(pa.lines[i], pb.lines[i]));
    range = union(pa.win.range, pb.win.range);
    above = pa.win.above || pb.win.above;
    below = pa.win.below || pb.win.below;
    return { lines: lines.slice(0, height), range, above, below, page: room };
  }
  // Stacked: each run gets half of what is left after the labels and their names; a short run gives its rest.
  const split = (withSentences: boolean) => {
    const la = labelLines(a, withSentences, width);
    const lb = labelLines(b, withSentences, width);
    // The names of the sides above each run, unless they would leave it less than two rows.
    const names = avail - la.length - lb.length - 2 >= 4;
    const room = Math.max(0, avail - la.length - lb.length - (names ? 2 : 0));
    const needA = a.ladder.lines.length - 2;
    const needB = b.ladder.lines.length - 2;
    // Half each; a run shorter than its half leaves the rest to the other.
    const ra = Math.min(needA, Math.max(Math.ceil(room / 2), room - needB));
    const rb = Math.min(needB, room - ra);
    return { la, lb, ra, rb, names };
  };
  let s = split(true);
  if (Math.min(s.ra, s.rb) < 5 && (s.ra < a.ladder.lines.length - 2 || s.rb < b.ladder.lines.length - 2)) {
    s = split(false);
  }
  const pa = pane(a, Math.max(1, s.ra), s.names);
  const pb = pane(b, Math.max(1, s.rb), s.names);
  lines.push(...s.la, ...pa.lines, ...s.lb, ...pb.lines);
  range = union(pa.win.range, pb.win.range);
  above = pa.win.above || pb.win.above;
  below = pa.win.below || pb.win.below;
  return { lines: lines.slice(0, height), range, above, below, page: Math.max(1, Math.min(s.ra, s.rb)) };
}

/** A pane's line cut to its width (ladder lines fit; a label was wrapped to it). */
function fitPane(line: UiLine, width: number): UiLine {
  const used = line.reduce((w, s) => w + displayWidth(s.text), 0);
  return used < width ? [...line, { text: ' '.repeat(width - used) }] : line;
}

/** The rows the compare view needs for both runs to show a useful stretch each. */
function compareNeed(state: PlayerState, width: number, tr: Tr): number {
  const diverge = firstDivergence(state.baseResult, state.result);
  const note = tr(diverge < 0 ? P('noDifference') : P('firstDifference', diverge + 1, '>'));
  const noteRows = wrap(note, width).length;
  return width >= 119 ? noteRows + 2 + 2 * COMPARE_COMFORT_ROWS : noteRows + 4 + 2 * COMPARE_COMFORT_ROWS;
}

export interface PlayerDrawOptions {
  width: number;
  height: number;
  theme: Theme;
  question: QuestionView | null;
  screenReader: boolean;
  tr: Tr;
  /** The language of the ladder's notes (timers, errors). */
  locale?: string;
}

/** The player in at most `height` lines of at most `width` columns, and how far its ladder can scroll. */
export function playerDrawing(state: PlayerState, opts: PlayerDrawOptions): ModelDrawing & { shown: PlayerShown } {
  const { width, height, theme, question, screenReader, tr } = opts;
  const head = headLines(state, width, theme, opts.tr);
  if (state.compare) {
    const view = compareView(state, width, Math.max(1, height - head.length), theme, tr, opts.locale);
    return {
      lines: [...head, ...view.lines].slice(0, height),
      shown: { ladder: { ...view.range, page: Math.max(1, view.page - 1) } },
    };
  }
  let sections = textSections(state, width, theme, question, tr);
  const stateLine = stateSpans(state, theme, tr);
  const fixed = head.length + 1;
  // The ladder is worth its rows with its header and one row of the run (a screen reader's, with one sentence).
  const drawn = ladderRows(state, width, theme, screenReader, opts.locale);
  const ladderFloor = screenReader ? 1 : 2 + LADDER_MIN_ROWS;
  const ladderMin = drawn >= ladderFloor ? ladderFloor : 0;
  // Left out whole, lowest first, and `i` shows them: the extras (ranked below TEACHING) to keep a minimal
  // ladder on screen; the rest only when the text alone does not fit, the ladder gone already.
  let omitted = false;
  const room = () => height - fixed - rowsOf(sections) - (omitted ? 1 : 0);
  const dropLowest = (below: number) => {
    const droppable = sections.filter((s) => s.drop !== undefined && s.drop < below);
    if (droppable.length === 0) return false;
    const lowest = droppable.reduce((lo, s) => (s.drop! < lo.drop! ? s : lo));
    sections = leaveOutWith(sections, lowest);
    omitted = true;
    return true;
  };
  while (room() < ladderMin && dropLowest(TEACHING)) {}
  while (room() < 0 && dropLowest(Number.POSITIVE_INFINITY)) {}
  let text = sections.flatMap((s) => s.lines);
  const readAll = () => wrapped(tr(P('readTheRest')), width, { dim: true }).slice(0, 1);
  let pointer = omitted ? readAll() : [];
  let ladderRoom = room();
  if (ladderRoom < 0) {
    // Still too much: the text keeps the rows it can, whole lines, and the rest is left to `i`.
    pointer = readAll();
    text = text.slice(0, Math.max(0, height - fixed - pointer.length));
  }
  if (ladderRoom < Math.max(1, ladderMin) || (!screenReader && ladderRoom < 2)) ladderRoom = 0;
  const run =
    ladderRoom > 0
      ? runView(state, width, ladderRoom, theme, screenReader, tr, opts.locale)
      : { lines: [] as UiLine[], range: { min: 0, max: 0 }, above: false, below: false };
  const ladder = [...run.lines];
  while (ladder.length < ladderRoom) ladder.push([]);
  const more = moreMark(run.above, run.below, theme, tr);
  const stateWidth = stateLine.reduce((w, s) => w + displayWidth(s.text), 0);
  const line: UiLine =
    more && stateWidth + 3 + displayWidth(more) <= width
      ? [...stateLine, { text: `   ${more}`, dim: true }]
      : stateLine;
  const lines = [...head, ...ladder, line, ...text, ...pointer];
  return {
    lines: lines.slice(0, height),
    shown: { ladder: { ...run.range, page: Math.max(1, ladderRoom - 3) } },
  };
}

/** The rows the player needs for all its text and a few rows of ladder (or, comparing, of both runs). */
export function playerNeed(state: PlayerState, opts: Omit<PlayerDrawOptions, 'height'>): number {
  const { width, theme, question, screenReader, tr } = opts;
  const head = headLines(state, width, theme, tr).length;
  if (state.compare) return head + compareNeed(state, width, tr);
  const text = rowsOf(textSections(state, width, theme, question, tr));
  const ladder = Math.min(
    (screenReader ? 0 : 2) + LADDER_COMFORT_ROWS,
    ladderRows(state, width, theme, screenReader, opts.locale),
  );
  return head + ladder + 1 + text;
}

/** Everything the player says, in full, for the `i` screen: the scenario, the scale, the moment, the question. */
export function playerInfo(state: PlayerState, opts: Omit<PlayerDrawOptions, 'height'>): UiLine[] {
  const { width, theme, question, tr } = opts;
  const lines: UiLine[] = [];
  const texts = scenarioTexts(state.scenario);
  lines.push(...wrapped(tr(P('scenario', tr(texts.title))), width, { bold: true }));
  if (texts.description) lines.push(...wrapped(tr(texts.description), width));
  const scale = scaleOf(state);
  if (scale) lines.push([], ...wrapped(tr(scale), width));
  const changes = changesLines(state, width, theme, tr);
  if (changes.length > 0) lines.push([], ...changes);
  lines.push([]);
  const { result, index } = state;
  if (index >= 0 && result.events[index]) {
    lines.push(...wrapped(tr(P('eventOf', index + 1, result.events.length)), width, { bold: true }));
    for (const s of eventSections(state, width, theme, tr)) lines.push(...s.lines);
  } else lines.push(...wrapped(tr(P('howToStart')), width));
  if (state.message) lines.push([], ...wrapped(tr(state.message), width, { color: theme.colors.warn }));
  if (question) {
    lines.push([]);
    for (const s of questionSections(question, width, theme, tr)) lines.push(...s.lines);
  }
  return lines;
}
