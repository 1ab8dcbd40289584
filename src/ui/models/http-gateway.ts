// The gateway model's view: what happens upstream (↑/↓ choose it), the
// exchange unfolding as a three-lane sequence diagram (client, gateway,
// upstream), and under it the moment in words — a step, the question the
// page asks before the reply leaves the gateway, or, at the end, the status
// the client gets, who generated it, the fields it calls for and why.
// Teaching text is wrapped, never cut; the diagram gets the rows that are
// left, following the current step.
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import { statusLine } from '../../core/models/http-gateway/exchange.js';
import { GATEWAY_TEXT as T } from '../../core/models/http-gateway/phrases.js';
import type { GatewayAction, GatewayState } from '../../core/models/http-gateway/player.js';
import { gatewayDiagram } from '../../core/models/http-gateway/sequence.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { type UiLine, type UiSpan, plain } from '../lines.js';
import { keyText as K } from '../strings.js';
import type { Theme } from '../theme.js';
import { WHY, questionSections } from './question-lines.js';
import { type Part, TEACHING, fitAround, rowsOf } from './sections.js';
import { type DrawOptions, type QuestionView, defineView } from './view.js';

type Tr = (t: LocalText) => string;

const key = (keys: Binding['keys'], does: LocalText, action: GatewayAction, hint = false): Binding => ({
  intent: 'model',
  keys,
  does,
  action,
  ...(hint ? { hint } : {}),
});

function wrap(text: string, width: number, first = '', rest = first): string[] {
  return wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);
}

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}, indent = ''): UiLine[] =>
  wrap(text, width, indent).map((l) => plain(l, style));

/** The condition upstream, then where the exchange is. */
function headLines(state: GatewayState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const g = theme.glyphs;
  const { exchange, step } = state;
  const lines = wrapped(tr(T.upstream(exchange.condition)), width, { bold: true });
  const now = exchange.steps[step];
  const status: UiSpan = {
    text: state.playing
      ? `${theme.ascii ? '>' : '▶'} ${tr(T.playing())}`
      : `${theme.ascii ? '||' : '❚❚'} ${tr(T.paused())}`,
    color: state.playing ? theme.colors.ok : undefined,
  };
  const where = `${tr(T.stepOf(step + 1, exchange.steps.length))}${now ? ` · ${now.t} ms` : ''}`;
  const conditions = state.settings.conditions.length;
  const choose = conditions > 1 ? `   ${g.up}/${g.down} ${tr(T.position(state.at + 1, conditions))}` : '';
  const row: UiLine = [status, { text: `  ${theme.text(where)}`, dim: true }, { text: theme.text(choose), dim: true }];
  if (row.reduce((w, s) => w + displayWidth(s.text), 0) <= width) lines.push(row);
  else lines.push([status], plain(theme.text(where), { dim: true }));
  return lines;
}

/** The status the client gets, who generated it, the fields it calls for, and why. */
function outcomeLines(state: GatewayState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const e = state.exchange;
  const color = e.generatedBy === 'gateway' ? theme.colors.warn : theme.colors.accent;
  return [
    ...wrapped(tr(T.gets(statusLine(e.status), e.generatedBy)), width, { bold: true, color }),
    ...Object.entries(e.headers).flatMap(([name, value]) => wrapped(tr(T.field(name, value)), width, {}, '  ')),
    ...wrapped(tr(e.why), width),
  ];
}

/**
 * The text under the diagram: the question (drawn as every model's is), or the outcome, or the step, or how to
 * start; then a message.
 */
function footParts(state: GatewayState, width: number, theme: Theme, tr: Tr, question: QuestionView | null): Part[] {
  const parts: Part[] = [];
  const last = state.exchange.steps.length - 1;
  // Once answered, the question and its choices give way before the why (the verdict names the right one).
  if (question) parts.push(...questionSections(question, width, theme, tr, true).map((q) => ({ ...q, asked: true })));
  else if (state.step >= last) parts.push({ lines: outcomeLines(state, width, theme, tr) });
  else if (state.step >= 0) parts.push({ lines: wrapped(tr(T.step(state.exchange.steps[state.step]!)), width) });
  else parts.push({ lines: wrapped(tr(T.howToStart()), width, { dim: true }) });
  if (state.message) parts.push({ lines: wrapped(tr(state.message), width, { color: theme.colors.warn }) });
  return parts;
}

/** The diagram so far in `room` rows: its header, and the rows that end with the current step. */
function diagramLines(state: GatewayState, width: number, room: number, theme: Theme, tr: Tr, screenReader: boolean) {
  if (room <= 0) return [];
  if (screenReader) {
    // Sentences, not a drawing: the steps so far, the latest last.
    const spoken = state.exchange.steps.slice(0, state.step + 1).map((s) => plain(tr(T.step(s))));
    return spoken.slice(Math.max(0, spoken.length - room));
  }
  let diagram: ReturnType<typeof gatewayDiagram>;
  try {
    diagram = gatewayDiagram(state.exchange, {
      width,
      charset: theme.ascii ? 'ascii' : 'unicode',
      tr,
      upTo: state.step,
    });
  } catch (error) {
    return wrapped((error as Error).message, width, { color: theme.colors.warn }).slice(0, room);
  }
  const header = diagram.lines.slice(0, 2).map((l) => plain(l, { bold: true }));
  const body = diagram.lines.slice(2);
  const bodyRoom = room - header.length;
  if (bodyRoom < 1) return [];
  const current = state.step >= 0 ? (diagram.eventRows[state.step] ?? 2) - 2 : -1;
  // The window ends with the last row drawn so far, which holds the current step.
  const top = Math.max(0, body.length - bodyRoom);
  return [
    ...header,
    ...body.slice(top, top + bodyRoom).map((line, i): UiLine => {
      const here = top + i === current;
      return [{ text: line, bold: here, color: here ? theme.colors.accent : undefined }];
    }),
  ];
}

/** Rows of the whole diagram so far (a screen reader's: one per step). */
function diagramRows(state: GatewayState, width: number, theme: Theme, tr: Tr, screenReader: boolean): number {
  if (screenReader) return state.step + 1;
  try {
    return gatewayDiagram(state.exchange, { width, charset: theme.ascii ? 'ascii' : 'unicode', tr, upTo: state.step })
      .lines.length;
  } catch {
    return 1;
  }
}

/** The diagram is worth its rows with its header and a few rows of the exchange. */
const DIAGRAM_COMFORT_ROWS = 2 + 5;
/** Below this (its header and one row), the diagram is left out. */
const DIAGRAM_MIN_ROWS = 3;
/** The condition upstream and where the exchange is: when the text does not fit, it gives way after the hints. */
const HEAD_RANK = TEACHING + 0.5;

function drawing(state: GatewayState, o: DrawOptions): UiLine[] {
  const { width, height, theme, question, screenReader, tr } = o;
  // The diagram, when there is room for it, and a blank row under it; the answered question's choices and the
  // question give way without a word (the verdict names the right one), the hints with the line that says i.
  const fit = fitAround(
    [{ lines: headLines(state, width, theme, tr), drop: HEAD_RANK }],
    [
      ...footParts(state, width, theme, tr, question),
      // Once a question is answered, how to go on: it gives way first, to the diagram too.
      ...(question?.verdict ? [{ lines: wrapped(tr(T.goOn()), width, { dim: true }), drop: -1 }] : []),
    ],
    {
      height,
      width,
      tr,
      wanted: DIAGRAM_MIN_ROWS + 1,
      keep: question?.verdict ? WHY : Number.POSITIVE_INFINITY,
      saidFrom: TEACHING,
    },
  );
  const diagramRoom = fit.room - 1;
  const diagram =
    diagramRoom >= DIAGRAM_MIN_ROWS ? diagramLines(state, width, diagramRoom, theme, tr, screenReader) : [];
  return [...fit.above, ...diagram, ...(fit.room > 0 ? [[]] : []), ...fit.below, ...fit.tail].slice(0, height);
}

export const httpGatewayView = defineView<GatewayState>({
  kind: 'http-gateway',
  bindings: [
    key([k('space')], K('playPause'), { type: 'play/toggle' }, true),
    key([k('right'), c('l')], K('stepForward'), { type: 'step', delta: 1 }),
    key([k('left')], K('stepBack'), { type: 'step', delta: -1 }),
    summary('model', '→/←', K('step')),
    key([k('down'), c('j')], K('nextCondition'), { type: 'condition', delta: 1 }),
    key([k('up'), c('k')], K('previousCondition'), { type: 'condition', delta: -1 }),
    summary('model', '↑/↓', K('upstream')),
    INFO,
    key([k('home'), c('g')], K('exchangeStart'), { type: 'home' }),
    key([k('end'), c('G')], K('exchangeEnd'), { type: 'end' }),
    key([c('r')], K('replay'), { type: 'restart' }),
  ],
  lines: (state, o) => drawing(state, o),
  need(state, o) {
    const { width, theme, question, screenReader, tr } = o;
    const head = headLines(state, width, theme, tr).length;
    const foot = rowsOf(footParts(state, width, theme, tr, question));
    return head + Math.min(DIAGRAM_COMFORT_ROWS, diagramRows(state, width, theme, tr, screenReader)) + 1 + foot;
  },
  info(state, o) {
    const { width, theme, question, tr } = o;
    const lines: UiLine[] = [...wrapped(tr(T.upstream(state.exchange.condition)), width, { bold: true }), []];
    for (const s of state.exchange.steps.slice(0, state.step + 1)) lines.push(...wrapped(tr(T.step(s)), width));
    if (state.step < 0) lines.push(...wrapped(tr(T.howToStart()), width));
    lines.push([]);
    if (question) for (const s of questionSections(question, width, theme, tr)) lines.push(...s.lines);
    else if (state.step >= state.exchange.steps.length - 1) lines.push(...outcomeLines(state, width, theme, tr));
    return lines;
  },
});
