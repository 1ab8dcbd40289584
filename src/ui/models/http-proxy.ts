// The proxy model's view: a request walked from the client through one or two
// proxies to the server, drawn as a sequence diagram with a lane each; under
// it, the header block of the hop on screen, each line marked with what the
// sender did to it (✕ removed, + added, ~ changed: a mark and a word in the
// legend, never colour alone); then the rule in a sentence, or the question.
// Text is never cut: it wraps, and the diagram gets the rows that are left;
// on the smallest terminals a part is left out whole and `i` shows it.
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import type { LineChange } from '../../core/models/http-proxy/forward.js';
import { type Block, journeyEvents } from '../../core/models/http-proxy/journey.js';
import type { ProxyAction, ProxyState } from '../../core/models/http-proxy/model.js';
import { layoutSequence } from '../../core/sequence/layout.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { type UiLine, type UiSpan, plain } from '../lines.js';
import { keyText as K, proxyViewText as S, proxyViewTextWith as SW } from '../strings.js';
import type { Theme } from '../theme.js';
import { WHY, questionSections } from './question-lines.js';
import { type Part, TEACHING, fitAround, rowsOf } from './sections.js';
import { type DrawOptions, defineView, type ModelDrawing, type QuestionView } from './view.js';

type Tr = (t: LocalText) => string;

const key = (
  keys: Binding['keys'],
  does: LocalText,
  action: ProxyAction,
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

const wrapText = (text: string, width: number, first = '', rest = '') =>
  wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}, indent = ''): UiLine[] =>
  wrapText(text, width, indent, indent).map((l) => plain(l, style));

/** The mark before a line of a header block: a character that says it without colour. */
function markOf(mark: LineChange['mark'], theme: Theme): string {
  return theme.text(mark === 'remove' ? '✕' : mark === 'add' ? '+' : mark === 'change' ? '~' : ' ');
}

function markStyle(mark: LineChange['mark'], theme: Theme): Omit<UiSpan, 'text'> {
  if (mark === 'remove') return { color: theme.colors.error, dim: true };
  if (mark === 'add') return { color: theme.colors.ok, bold: true };
  if (mark === 'change') return { color: theme.colors.warn, bold: true };
  return {};
}

/** One line of the block, marked, wrapped under itself; a changed value says what it was. */
function markedLine(
  mark: LineChange['mark'],
  body: string,
  was: string | undefined,
  width: number,
  theme: Theme,
  screenReader: boolean,
  tr: Tr,
): UiLine[] {
  const t = theme.text;
  const spoken = { remove: S('spokenRemove'), add: S('spokenAdd'), change: S('spokenChange'), keep: '' };
  const lead = screenReader ? tr(spoken[mark]) : `${markOf(mark, theme)} `;
  const style = markStyle(mark, theme);
  const spans = [
    { text: t(body), style: 'plain' as const },
    ...(was === undefined ? [] : [{ text: ` ${tr(S('was', was))}`, style: 'muted' as const }]),
  ];
  return wrapSpans(spans, width, t(lead), '    ').map((line, i) =>
    line.map((span, j) =>
      span.style === 'muted'
        ? { text: span.text, dim: true }
        : { text: span.text, ...(i === 0 && j === 0 && screenReader ? {} : style) },
    ),
  );
}

function laneName(state: ProxyState, lane: number): string {
  const name = state.journey.lanes[lane]?.name ?? '';
  return typeof name === 'string' ? name : (name[0] ?? '');
}

/** How a lane is named in a sentence: "the client", "the proxy" (the only one), "proxy2", "the server". */
function who(state: ProxyState, lane: number): LocalText {
  if (lane === 0) return S('theClient');
  if (lane === state.journey.lanes.length - 1) return S('theServer');
  return state.proxies === 1 ? S('theProxy') : laneName(state, lane);
}

/** Who sends the block on screen to whom, and what it is. */
function blockTitle(state: ProxyState, block: Block, width: number, theme: Theme, tr: Tr): UiLine[] {
  const t = theme.text;
  const what =
    block.kind === 'response'
      ? SW('answers', who(state, block.from))
      : block.next
        ? S('next')
        : block.from === 0
          ? S('asSent')
          : SW('sendsOn', who(state, block.from));
  return wrapSpans(
    [
      { text: t(tr(S('sends', laneName(state, block.from), laneName(state, block.to)))), style: 'strong' },
      { text: t(`: ${tr(what)}`), style: 'muted' },
    ],
    width,
  ).map((line) =>
    line.map((span) => ({ text: span.text, bold: span.style === 'strong', dim: span.style === 'muted' })),
  );
}

/** The block's lines, each marked with what the sender did to it. */
function blockBody(block: Block, width: number, theme: Theme, screenReader: boolean, tr: Tr): UiLine[] {
  const lines: UiLine[] = [];
  lines.push(
    ...markedLine(block.line.was ? 'change' : 'keep', block.line.text, block.line.was, width, theme, screenReader, tr),
  );
  for (const f of block.fields)
    lines.push(...markedLine(f.mark, `${f.name}: ${f.value}`, f.was, width, theme, screenReader, tr));
  if (block.body) {
    const text = tr(
      block.body.was ? S('bodyDechunked', block.body.bytes) : S('body', block.body.bytes, block.body.chunked),
    );
    lines.push(...markedLine(block.body.was ? 'change' : 'keep', text, undefined, width, theme, screenReader, tr));
  }
  return lines;
}

/** The block of the step on screen: who sends it to whom, then its lines, marked. */
function blockLines(
  state: ProxyState,
  block: Block,
  width: number,
  theme: Theme,
  screenReader: boolean,
  tr: Tr,
): UiLine[] {
  return [...blockTitle(state, block, width, theme, tr), ...blockBody(block, width, theme, screenReader, tr)];
}

/** The marks a block uses, said in words: "✕ removed · + added". */
function legendLines(block: Block, width: number, theme: Theme, tr: Tr): UiLine[] {
  const used = new Set<LineChange['mark']>(block.fields.map((f) => f.mark));
  if (block.line.was || block.body?.was) used.add('change');
  const parts = (['remove', 'add', 'change'] as const)
    .filter((m) => used.has(m))
    .map(
      (m) =>
        `${markOf(m, theme)} ${tr(S(m === 'remove' ? 'legendRemoved' : m === 'add' ? 'legendAdded' : 'legendChanged'))}`,
    );
  if (parts.length === 0) return [];
  return wrapped(parts.join(theme.glyphs.separator), width, { dim: true });
}

/** The request's title, and where the walk is (mode, proxies, step): on one line when both fit. */
function headParts(state: ProxyState, width: number, theme: Theme, tr: Tr): { title: UiLine[]; status: UiLine[] } {
  const t = theme.text;
  const title = tr(state.example.title);
  // How many steps there are says how the walk ends (a hang takes one more): not while a question waits.
  const waiting = state.pending !== null && !state.pending.answered;
  const status = t(
    [
      S(state.mode === 'rfc' ? 'rfc' : 'old'),
      S('proxies', state.proxies),
      waiting ? S('stepOnly', state.step + 1) : S('step', state.step + 1, state.journey.steps.length),
    ]
      .map(tr)
      .join(theme.glyphs.separator),
  );
  if (displayWidth(title) + 2 + displayWidth(status) <= width) {
    return {
      title: [
        [
          { text: title, bold: true },
          { text: `  ${status}`, dim: true },
        ],
      ],
      status: [],
    };
  }
  return { title: wrapped(title, width, { bold: true }), status: wrapped(status, width, { dim: true }) };
}

function headLines(state: ProxyState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const { title, status } = headParts(state, width, theme, tr);
  return [...title, ...status];
}

/** The diagram drawn so far in `room` rows: its header, and the rows up to the step on screen. */
function diagramLines(state: ProxyState, width: number, room: number, theme: Theme, tr: Tr): UiLine[] {
  const { journey, step } = state;
  const upTo = journey.steps[step]?.upTo ?? -1;
  let drawn: ReturnType<typeof layoutSequence>;
  try {
    drawn = layoutSequence(journey.lanes, journeyEvents(journey.events, tr), {
      width,
      charset: theme.ascii ? 'ascii' : 'unicode',
      upTo,
      noteWidth: 14,
    });
  } catch (error) {
    return wrapped((error as Error).message, width, { color: theme.colors.warn }).slice(0, room);
  }
  const header = drawn.lines.slice(0, 2).map((l) => plain(l, { bold: true }));
  const last = upTo >= 0 ? (drawn.eventRows[upTo] ?? 1) : 1;
  const body = drawn.lines.slice(2, last + 1);
  const shown = body.slice(Math.max(0, body.length - Math.max(0, room - header.length)));
  // The message of this step, from the row it leaves on to the row it arrives on, stands out.
  let sent = -1;
  for (let i = upTo; i >= 0 && sent < 0; i--) if (journey.events[i]?.kind === 'send') sent = i;
  const from = sent < 0 ? Number.POSITIVE_INFINITY : (drawn.eventRows[sent] ?? last) - 2 - (body.length - shown.length);
  return [
    ...header,
    ...shown.map((line, i) => plain(line, i >= from ? { color: theme.colors.accent, bold: true } : {})),
  ];
}

function diagramRows(state: ProxyState, width: number, theme: Theme, tr: Tr): number {
  const upTo = state.journey.steps[state.step]?.upTo ?? -1;
  try {
    const drawn = layoutSequence(state.journey.lanes, journeyEvents(state.journey.events, tr), {
      width,
      charset: theme.ascii ? 'ascii' : 'unicode',
      upTo,
      noteWidth: 14,
    });
    return upTo >= 0 ? (drawn.eventRows[upTo] ?? 1) + 1 : 2;
  } catch {
    return 1;
  }
}

/** The spoken walk so far, for a screen reader: who sent what to whom, step by step. */
function spokenWalk(state: ProxyState, tr: Tr): UiLine[] {
  return state.journey.steps.slice(1, state.step + 1).map((s) => {
    const from = laneName(state, s.block.from);
    const to = laneName(state, s.block.to);
    return plain(`${tr(S('sends', from, to))}: ${s.block.line.text}`);
  });
}

/** What is said under the block: the question when one is asked, else the step's sentence; then the message. */
function textSections(state: ProxyState, width: number, theme: Theme, question: QuestionView | null, tr: Tr): Part[] {
  const sections: Part[] = [];
  const step = state.journey.steps[state.step];
  // Once answered, the question and its choices give way before the why (the verdict names the right one).
  if (question)
    sections.push(...questionSections(question, width, theme, tr, true).map((q) => ({ ...q, asked: true })));
  else if (step) sections.push({ lines: wrapped(tr(step.sentence), width), drop: TEACHING });
  if (state.message && !question)
    sections.push({ lines: wrapped(tr(state.message), width, { color: theme.colors.warn }), drop: 1 });
  return sections;
}

export function proxyDrawing(state: ProxyState, opts: DrawOptions): ModelDrawing {
  const { width, height, theme, question, screenReader, tr } = opts;
  const step = state.journey.steps[state.step]!;
  const head = headParts(state, width, theme, tr);
  // While a question waits, the block is what the learner answers from; once answered, the why matters more.
  const blockRank = question?.verdict ? TEACHING : TEACHING + 2;
  // In the order they are shown; the diagram goes after the head, in the rows that are left.
  const top: Part[] = [
    { lines: head.title, drop: head.status.length > 0 ? 1 : 2 },
    { lines: head.status, drop: 2 },
  ];
  const bottom: Part[] = [
    { lines: blockTitle(state, step.block, width, theme, tr), drop: 1 },
    { lines: blockBody(step.block, width, theme, screenReader, tr), drop: blockRank },
    ...(screenReader ? [] : [{ lines: legendLines(step.block, width, theme, tr), drop: 2 }]),
    ...textSections(state, width, theme, question, tr),
  ];
  const drawnRows = screenReader ? state.step : diagramRows(state, width, theme, tr);
  // Titles and the legend give way without a word (the status bar says i); a part that teaches gets the line.
  const fit = fitAround(top, bottom, {
    height,
    width,
    tr,
    wanted: screenReader ? Math.min(1, drawnRows) : Math.min(4, drawnRows),
    keep: question?.verdict ? WHY : Number.POSITIVE_INFINITY,
    saidFrom: TEACHING,
  });
  const diagramRoom = Math.min(fit.room, drawnRows);
  const diagram = screenReader
    ? diagramRoom > 0
      ? spokenWalk(state, tr).slice(-diagramRoom)
      : []
    : diagramRoom >= 2 && diagramRoom >= Math.min(3, drawnRows)
      ? diagramLines(state, width, diagramRoom, theme, tr)
      : [];
  return { lines: [...fit.above, ...diagram, ...fit.below, ...fit.tail].slice(0, height) };
}

/** The rows the model needs for its text whole and a few rows of diagram. */
export function proxyNeed(state: ProxyState, opts: DrawOptions): number {
  const { width, theme, question, screenReader, tr } = opts;
  const step = state.journey.steps[state.step]!;
  const text =
    blockLines(state, step.block, width, theme, screenReader, tr).length +
    (screenReader ? 0 : legendLines(step.block, width, theme, tr).length) +
    rowsOf(textSections(state, width, theme, question, tr));
  return headLines(state, width, theme, tr).length + Math.min(6, diagramRows(state, width, theme, tr)) + text;
}

/** Everything, in full, for the `i` screen: the request, each hop so far with its block and its rule, the question. */
export function proxyInfo(state: ProxyState, opts: DrawOptions): UiLine[] {
  const { width, theme, question, screenReader, tr } = opts;
  const lines: UiLine[] = [...headLines(state, width, theme, tr), [], ...wrapped(tr(S('walk')), width, { bold: true })];
  state.journey.steps.slice(0, state.step + 1).forEach((s, i) => {
    lines.push([]);
    lines.push(...blockLines(state, s.block, width, theme, screenReader, tr));
    if (!(question && i === state.step)) lines.push(...wrapped(tr(s.detail), width, { dim: true }));
  });
  const legend = legendLines(state.journey.steps[state.step]!.block, width, theme, tr);
  if (legend.length > 0) lines.push([], ...legend);
  if (state.message) lines.push([], ...wrapped(tr(state.message), width, { color: theme.colors.warn }));
  if (question) {
    lines.push([]);
    for (const s of questionSections(question, width, theme, tr)) lines.push(...s.lines);
  }
  return lines;
}

export const httpProxyView = defineView<ProxyState>({
  kind: 'http-proxy',
  bindings: [
    key([k('right'), c('l'), k('space')], K('nextHop'), { type: 'step', delta: 1 }),
    key([k('left')], K('backHop'), { type: 'step', delta: -1 }),
    summary('model', '→/←', K('hop')),
    key([c('e')], K('nextExample'), { type: 'example', delta: 1 }, true, K('example')),
    key([c('E')], K('previousExample'), { type: 'example', delta: -1 }),
    key([c('r')], K('randomRequest'), { type: 'random' }, true, K('random')),
    key([c('m')], K('proxyMode'), { type: 'mode' }, true, K('mode')),
    key([c('2')], K('proxyCount'), { type: 'proxies' }, true, K('proxies')),
    INFO,
    key([k('home'), c('g')], K('backToClient'), { type: 'home' }),
    key([k('end'), c('G')], K('toTheEnd'), { type: 'end' }),
  ],
  lines: (state, options) => proxyDrawing(state, options),
  need: (state, options) => proxyNeed(state, options),
  info: (state, options) => proxyInfo(state, options),
});
