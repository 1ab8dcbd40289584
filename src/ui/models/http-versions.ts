// The HTTP versions model's view: the settings, the waterfall of every mode
// the page shows (stacked, or two side by side from 115 columns) or the
// HTTP/2 frames, and the question it asks, with the picture hidden until the
// question is answered. Text is wrapped, never cut; the picture gets the rows
// that are left and scrolls (↑/↓) when it has more.
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import { frameRows } from '../../core/models/http-versions/frames.js';
import { versionsText } from '../../core/models/http-versions/phrases.js';
import { type VersionsAction, type VersionsState, shownModes } from '../../core/models/http-versions/state.js';
import type { VersionMode } from '../../core/models/http-versions/timeline.js';
import {
  type Charset,
  GLYPHS,
  MIN_WATERFALL_WIDTH,
  type Phase,
  legendItems,
  settingsText,
  waterfallRows,
} from '../../core/models/http-versions/waterfall.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { type UiLine, type UiSpan, plain } from '../lines.js';
import { keyText as K, playerText } from '../strings.js';
import type { Theme } from '../theme.js';
import { questionSections } from './question-lines.js';
import { type Section, TEACHING, leaveOutWith, rowsOf } from './sections.js';
import { type DrawOptions, type ModelDrawing, defineView } from './view.js';

type Tr = (t: LocalText) => string;

/** What the drawing tells its scroll keys: how far the picture scrolls, and a page of rows. */
export interface VersionsShown {
  min: number;
  max: number;
  page: number;
}

/** Side by side from this width: two panes of at least the waterfall's least width. */
export const SIDE_BY_SIDE = 2 * MIN_WATERFALL_WIDTH + 3;
/** Rows of picture the page's text leaves the model before it gives way to one line (see `need`). */
const COMFORT_ROWS = 8;

const key = (
  keys: Binding['keys'],
  does: LocalText,
  action: VersionsAction | ((shown: unknown) => VersionsAction),
  hint?: LocalText,
): Binding => ({ intent: 'model', keys, does, action, ...(hint ? { hint: true, brief: hint } : {}) });

const scroll =
  (rows: number, pages = 0) =>
  (shown: unknown): VersionsAction => {
    const s = shown as VersionsShown | undefined;
    return { type: 'scroll', delta: rows + pages * (s?.page ?? 5), ...(s ? { min: s.min, max: s.max } : {}) };
  };

const wrap = (text: string, width: number, first = '', rest = '') =>
  wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}): UiLine[] =>
  wrap(text, width).map((l) => plain(l, style));

const charsetOf = (theme: Theme): Charset => (theme.ascii ? 'ascii' : 'unicode');

/** The colour of each phase of a bar: the handshake, the server and a response held behind another stand out. */
function phaseStyle(phase: Phase | undefined, theme: Theme): Omit<UiSpan, 'text'> {
  switch (phase) {
    case 'handshake':
      return { color: theme.colors.warn };
    case 'server':
      return { color: theme.colors.accent };
    case 'serverWait':
      return { color: theme.colors.error, bold: !theme.color };
    case 'wait':
      return { dim: true };
    default:
      return {};
  }
}

/** A request's row in spans, one per run of a glyph, coloured by phase; the slow request's number in bold. */
function requestSpans(text: string, slow: boolean, prefix: number, theme: Theme): UiLine {
  const g = GLYPHS[charsetOf(theme)];
  const byGlyph = new Map<string, Phase>(
    (['wait', 'handshake', 'flight', 'serverWait', 'server'] as const).map((p) => [g[p], p]),
  );
  const chars = Array.from(text);
  const spans: UiLine = [
    { text: chars.slice(0, prefix).join(''), bold: slow, color: slow ? theme.colors.warn : undefined },
  ];
  let run = '';
  let phase: Phase | undefined;
  const flush = () => {
    if (run) spans.push({ text: run, ...phaseStyle(phase, theme) });
    run = '';
  };
  for (const ch of chars.slice(prefix)) {
    const p = byGlyph.get(ch);
    if (p !== phase) {
      flush();
      phase = p;
    }
    run += ch;
  }
  flush();
  return spans;
}

/** The waterfall of `modes` in `width` columns: its axis, and every mode's title and rows. */
function waterfallPane(
  state: VersionsState,
  modes: readonly VersionMode[],
  width: number,
  scaleMs: number,
  theme: Theme,
  tr: Tr,
): { axis: UiLine[]; body: UiLine[]; focus: { from: number; to: number } | null } {
  const rows = waterfallRows(state.result, { width, charset: charsetOf(theme), modes, scaleMs });
  const axis: UiLine[] = [];
  const body: UiLine[] = [];
  let focus: { from: number; to: number } | null = null;
  const prefix = 1 + String(state.settings.requests).length + 2;
  for (const row of rows) {
    if (row.role === 'axis' || row.role === 'rule') axis.push(plain(row.text, { dim: true }));
    else if (row.role === 'mode') {
      if (state.focus?.mode === row.mode) focus = { from: body.length, to: body.length };
      body.push(...wrapped(tr(row.title), width, { bold: true }));
    } else {
      const connectionWidth = row.text.slice(prefix).indexOf(' ') + 1;
      const line = requestSpans(row.text, row.slow, prefix + connectionWidth, theme);
      // The row a question was about stands out, and the picture opens where it and its mode's title show.
      const asked = state.focus?.mode === row.mode && (state.focus.request ?? row.i) === row.i;
      if (asked && focus) focus.to = body.length;
      body.push(asked && state.focus?.request ? line.map((span) => ({ ...span, inverse: true })) : line);
    }
  }
  return { axis, body, focus };
}

const widthOf = (line: UiLine) => line.reduce((w, s) => w + displayWidth(s.text), 0);

/** Two panes' lines side by side, the left padded to its width. */
function beside(left: UiLine[], right: UiLine[], paneWidth: number, theme: Theme): UiLine[] {
  const out: UiLine[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? [];
    out.push([
      ...l,
      { text: ' '.repeat(Math.max(0, paneWidth - widthOf(l))) },
      { text: ' │ '.replace('│', theme.ascii ? '|' : '│'), dim: true },
      ...(right[i] ?? []),
    ]);
  }
  return out;
}

/** The picture: pinned rows (the axis, the frames' header) and rows that scroll. */
function picture(state: VersionsState, width: number, theme: Theme, tr: Tr, screenReader: boolean) {
  if (state.view === 'frames') {
    const f = frameRows(state.result, width, charsetOf(theme), {
      from: tr(versionsText('framesFrom')),
      frame: tr(versionsText('framesFrame')),
    });
    const lines = f.rows.map((r) =>
      plain(r.text, r.frame.from === 'client' ? { color: theme.colors.client } : { color: theme.colors.server }),
    );
    return {
      head: [...wrapped(tr(versionsText('framesTitle')), width, { bold: true })],
      note: wrapped(tr(versionsText('framesNote', state.settings.rtt / 2)), width, { dim: true }),
      pinned: [plain(f.header, { bold: true })],
      body: lines,
      focus: null,
    };
  }
  const modes = shownModes(state);
  if (screenReader) {
    const body: UiLine[] = [];
    for (const m of modes) {
      const t = state.result.modes[m];
      const title = tr(versionsText('title', m, state.settings.connections, t.total));
      body.push(...wrapped(tr(versionsText('screenMode', title, t.connections)), width, { bold: true }));
      for (const r of t.requests)
        body.push(...wrapped(tr(versionsText('screenRequest', r.i, r.connection, r.sent, r.done)), width));
    }
    return { head: [], note: [], pinned: [], body, focus: null };
  }
  const scaleMs = Math.max(...modes.map((m) => state.result.modes[m].total));
  if (width >= SIDE_BY_SIDE && modes.length > 1) {
    const paneWidth = Math.floor((width - 3) / 2);
    const half = Math.ceil(modes.length / 2);
    const left = waterfallPane(state, modes.slice(0, half), paneWidth, scaleMs, theme, tr);
    const right = waterfallPane(state, modes.slice(half), paneWidth, scaleMs, theme, tr);
    return {
      head: [],
      note: [],
      pinned: beside(left.axis, right.axis, paneWidth, theme),
      body: beside(left.body, right.body, paneWidth, theme),
      focus: left.focus ?? right.focus,
    };
  }
  const pane = waterfallPane(state, modes, width, scaleMs, theme, tr);
  return { head: [], note: [], pinned: pane.axis, body: pane.body, focus: pane.focus };
}

/** The legend, items whole, as many on a line as fit. */
function legendLines(width: number, theme: Theme, tr: Tr): UiLine[] {
  const lines: UiLine[] = [];
  let used = 0;
  for (const item of legendItems(charsetOf(theme))) {
    const words = tr(item.text);
    const w = displayWidth(item.glyph) + 1 + displayWidth(words);
    const spans: UiLine = [
      { text: item.glyph, ...phaseStyle(phaseOfGlyph(item.glyph, theme), theme) },
      { text: ` ${words}`, dim: true },
    ];
    if (lines.length > 0 && used + 3 + w <= width) {
      lines[lines.length - 1]!.push({ text: '   ' }, ...spans);
      used += 3 + w;
    } else if (w <= width) {
      lines.push(spans);
      used = w;
    } else {
      lines.push(...wrapped(`${item.glyph} ${words}`, width, { dim: true }));
      used = width;
    }
  }
  return lines;
}

function phaseOfGlyph(glyph: string, theme: Theme): Phase | undefined {
  const g = GLYPHS[charsetOf(theme)];
  return (['wait', 'handshake', 'flight', 'serverWait', 'server'] as const).find((p) => g[p] === glyph);
}

/** The settings, the key's message, and what the next question waits for. */
function headSections(state: VersionsState, width: number, theme: Theme, tr: Tr): Section[] {
  const settings = settingsText(state.result, shownModes(state))
    .map(tr)
    .join(theme.ascii ? ' | ' : ' · ');
  const sections: Section[] = [{ lines: wrapped(settings, width, { bold: true }) }];
  if (state.message) sections.push({ lines: wrapped(tr(state.message), width, { color: theme.colors.warn }) });
  return sections;
}

/** The prompt for the next question, while one waits for a change of setting. */
function pendingText(state: VersionsState): LocalText | null {
  if (state.asking && !state.asking.answered) return null;
  const q = state.page.questions[state.next];
  if (!q) return null;
  return versionsText(
    q.after === 'requests'
      ? 'nextRequests'
      : q.after === 'slow'
        ? 'nextSlow'
        : q.after === 'rtt'
          ? 'nextRtt'
          : q.after === 'connections'
            ? 'nextConnections'
            : 'nextAny',
  );
}

/** Every part of the model for this width, before it is fitted to a height. */
function parts(state: VersionsState, o: Omit<DrawOptions, 'height'>) {
  const { width, theme, question, tr, screenReader } = o;
  const head = headSections(state, width, theme, tr);
  const hidden = state.asking !== null && !state.asking.answered;
  const text: Section[] = [];
  // Once answered, the choices give way to the picture: the verdict names the right one, and the why the one
  // chosen when it was wrong.
  if (question) {
    const sections = questionSections(question.verdict ? { ...question, choices: [] } : question, width, theme, tr);
    // Answered, the question itself has been read: on a short terminal it gives way to the picture (i shows it).
    if (question.verdict && sections[0]) sections[0] = { ...sections[0], drop: 2 };
    text.push(...sections);
  }
  if (hidden) text.push({ lines: wrapped(tr(versionsText('hidden')), width, { dim: true }) });
  const pending = pendingText(state);
  if (pending) text.push({ lines: wrapped(tr(pending), width, { dim: true }) });
  let pic: ReturnType<typeof picture> | null = null;
  let problem: UiLine[] = [];
  if (!hidden) {
    try {
      pic = picture(state, width, theme, tr, screenReader);
    } catch (error) {
      problem = wrapped((error as Error).message, width, { color: theme.colors.warn });
    }
  }
  const legend = !hidden && state.view === 'waterfall' && !screenReader ? legendLines(width, theme, tr) : [];
  return { head, text, pic, problem, legend };
}

/** The axis's rule with ↑ and ↓ (^ and v in 7 bits) in its gutter: the picture has more above or below. */
function gutterArrows(rule: UiLine, up: boolean, down: boolean, theme: Theme): UiLine {
  const [first, ...rest] = rule;
  const marks = `${up ? (theme.ascii ? '^' : '↑') : ' '}${down ? (theme.ascii ? 'v' : '↓') : ' '}`;
  if (!first || !first.text.startsWith('   ')) return rule;
  return [
    { text: ' ' },
    { text: marks, bold: true, color: theme.colors.accent },
    { ...first, text: first.text.slice(3) },
    ...rest,
  ];
}

/** The model in at most `height` rows: the head, the picture in the rows left, the question and its verdict. */
function drawing(state: VersionsState, o: DrawOptions): ModelDrawing & { shown: VersionsShown } {
  const { width, height, theme, tr } = o;
  const { head, text, pic, problem, legend } = parts(state, o);
  let sections = [...head];
  const pictureHead = pic ? [...pic.head, ...pic.pinned] : [];
  // What gives way first when rows are short: the legend, the frames' note, what the next question waits for.
  const extras: Section[] = [
    ...(pic?.note.length ? [{ lines: pic.note, drop: 1 }] : []),
    ...(legend.length ? [{ lines: legend, drop: 0 }] : []),
  ];
  let below = [...text, ...extras];
  let omitted = false;
  const room = () =>
    height - rowsOf(sections) - pictureHead.length - problem.length - rowsOf(below) - (omitted ? 1 : 0);
  const wanted = pic ? Math.min(pic.body.length, 6) : 0;
  const dropLowest = (under: number) => {
    const droppable = below.filter((s) => s.drop !== undefined && s.drop < under);
    if (droppable.length === 0) return false;
    const lowest = droppable.reduce((lo, s) => (s.drop! < lo.drop! ? s : lo));
    below = leaveOutWith(below, lowest);
    omitted = true;
    return true;
  };
  while (room() < wanted && dropLowest(TEACHING)) {}
  while (room() < 0 && dropLowest(Number.POSITIVE_INFINITY)) {}
  let bodyRoom = Math.max(0, room());
  const body = pic?.body ?? [];
  // When the picture has more rows than room, it says so, and which way it scrolls: in the waterfall's gutter,
  // left of its axis; else on a row of its own.
  const scrolls = body.length > bodyRoom && bodyRoom >= 2;
  const inGutter = scrolls && state.view === 'waterfall' && !o.screenReader && pictureHead.length > 0;
  if (scrolls && !inGutter) bodyRoom -= 1;
  const maxTop = Math.max(0, body.length - bodyRoom);
  // Where the picture sits by itself (at the mode a question was about), moved by the learner's scrolling.
  const f = pic?.focus;
  const base = f ? Math.min(maxTop, Math.max(0, Math.max(f.from, f.to - bodyRoom + 1))) : 0;
  const top = Math.max(0, Math.min(maxTop, base + state.scroll));
  const g = theme.glyphs;
  const arrows = `${top > 0 ? g.up : ''}${top < maxTop ? g.down : ''}`;
  const more = scrolls && !inGutter ? [plain(tr(versionsText('more', arrows)), { dim: true })] : [];
  const shownHead = inGutter
    ? [...pictureHead.slice(0, -1), gutterArrows(pictureHead.at(-1)!, top > 0, top < maxTop, theme)]
    : pictureHead;
  sections = [
    ...sections,
    { lines: [...shownHead, ...problem, ...body.slice(top, top + bodyRoom), ...more] },
    ...below,
    ...(omitted ? [{ lines: wrapped(tr(playerText('readTheRest')), width, { dim: true }).slice(0, 1) }] : []),
  ];
  const lines = sections.flatMap((s) => s.lines).slice(0, height);
  return { lines, shown: { min: 0 - base, max: maxTop - base, page: Math.max(1, bodyRoom - 1) } };
}

export const httpVersionsView = defineView<VersionsState>({
  kind: 'http-versions',
  bindings: [
    summary('model', '+/-', K('requests')),
    key([c('+'), c('=')], K('moreRequests'), { type: 'requests', delta: 1 }),
    key([c('-')], K('fewerRequests'), { type: 'requests', delta: -1 }),
    key([c('s')], K('nextSlow'), { type: 'slow/next', delta: 1 }, K('slow')),
    key([c('S')], K('previousSlow'), { type: 'slow/next', delta: -1 }),
    key([c(']')], K('slowerServer'), { type: 'slow/ms', delta: 1 }),
    key([c('[')], K('fasterServer'), { type: 'slow/ms', delta: -1 }),
    key([c('t')], K('longerRtt'), { type: 'rtt', delta: 1 }, K('rtt')),
    key([c('T')], K('shorterRtt'), { type: 'rtt', delta: -1 }),
    key([c('k')], K('moreConnections'), { type: 'connections', delta: 1 }, K('connections')),
    key([c('K')], K('fewerConnections'), { type: 'connections', delta: -1 }),
    key([c('f')], K('frames'), { type: 'view/toggle' }, K('framesBrief')),
    key([c('a')], K('allModes'), { type: 'modes/toggle' }),
    INFO,
    key([k('up')], K('pictureUp'), scroll(-1)),
    key([k('down')], K('pictureDown'), scroll(1)),
    key([k('pageup')], K('pictureUpScreen'), scroll(0, -1)),
    key([k('pagedown')], K('pictureDownScreen'), scroll(0, 1)),
    key([c('r')], K('pageSettings'), { type: 'reset' }),
  ],
  lines: (state, options) => drawing(state, options),
  need(state, options) {
    const { head, text, pic, problem, legend } = parts(state, options);
    const picture = pic ? pic.head.length + pic.pinned.length + Math.min(COMFORT_ROWS, pic.body.length) : 0;
    return rowsOf(head) + rowsOf(text) + picture + problem.length + legend.length + (pic?.note.length ?? 0);
  },
  info(state, options) {
    const { width, theme, tr } = options;
    const { head, text, pic } = parts(state, options);
    const lines: UiLine[] = head.flatMap((s) => s.lines);
    if (pic?.note.length) lines.push([], ...pic.head, ...pic.note);
    lines.push([], ...legendLines(width, theme, tr));
    const said = text.flatMap((s) => s.lines);
    if (said.length > 0) lines.push([], ...said);
    return lines;
  },
});
