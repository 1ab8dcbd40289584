// The waterfall of the HTTP versions model: one row per request per mode, on
// a time axis common to every mode shown, so their lengths compare. Each row
// shows what the request is doing when: waiting, its connection's handshake,
// on its way, held at the server behind an earlier response (pipelining),
// at the server, on its way back; the number after it is when the response
// has arrived. Pure: a run + width + charset → rows of text (the command
// prints them, the lesson's view styles them by role).
import { displayWidth } from '../../layout/width.js';
import type { LocalText } from '../../i18n/localize.js';
import { versionsText } from './phrases.js';
import { MODES, type ModeTimeline, type RequestTiming, type VersionMode, type VersionsResult } from './timeline.js';

export type Charset = 'ascii' | 'unicode';

export const MIN_WATERFALL_WIDTH = 56;
export const MAX_WATERFALL_WIDTH = 200;

/** What a column of a request's row shows. */
export type Phase = 'wait' | 'handshake' | 'flight' | 'serverWait' | 'server';

export const PHASES: readonly Phase[] = ['wait', 'handshake', 'flight', 'serverWait', 'server'];

export const GLYPHS: Record<Charset, Record<Phase, string> & { tick: string; rule: string }> = {
  unicode: { wait: '·', handshake: '░', flight: '─', serverWait: '╌', server: '█', tick: '┬', rule: '─' },
  ascii: { wait: '.', handshake: '~', flight: '-', serverWait: ':', server: '#', tick: '+', rule: '-' },
};

export type WaterfallRow =
  | { role: 'axis'; text: string }
  | { role: 'rule'; text: string }
  | { role: 'mode'; mode: VersionMode; title: LocalText }
  | { role: 'request'; mode: VersionMode; i: number; slow: boolean; text: string };

export interface WaterfallOptions {
  width: number;
  charset: Charset;
  /** The modes drawn, in this order (default: all five). */
  modes?: readonly VersionMode[];
  /** The time at the right end (default: the longest total among the modes drawn): panes side by side share one. */
  scaleMs?: number;
}

export class WaterfallWidthError extends Error {
  constructor(width: number) {
    super(`a width of ${width} is too narrow: the waterfall needs at least ${MIN_WATERFALL_WIDTH} columns`);
    this.name = 'WaterfallWidthError';
  }
}

/** A mode's title: its label, how it uses connections, and its total. */
export function modeTitle(t: ModeTimeline, connections: number): LocalText {
  return versionsText('title', t.mode, connections, t.total);
}

/** The phases of a request as stretches of time, in time order (later ones drawn over earlier ones). */
export function phasesOf(r: RequestTiming, rtt: number): Array<{ phase: Phase; start: number; end: number }> {
  const half = rtt / 2;
  const first = r.handshake ? r.handshake.start : r.sent;
  const out: Array<{ phase: Phase; start: number; end: number }> = [];
  if (first > 0) out.push({ phase: 'wait', start: 0, end: first });
  if (r.handshake) out.push({ phase: 'handshake', ...r.handshake });
  out.push({ phase: 'flight', start: r.sent, end: r.sent + half });
  if (r.serverWait) out.push({ phase: 'serverWait', ...r.serverWait });
  out.push({ phase: 'server', ...r.server });
  out.push({ phase: 'flight', start: r.server.end, end: r.done });
  return out.filter((p) => p.end > p.start);
}

/** The geometry every row shares: where the bars start, how wide they are, the scale. */
export interface WaterfallFrame {
  /** Columns before the bars ("  3 c2 "). */
  prefix: number;
  /** Columns of the bars. */
  bar: number;
  /** Columns after them (" 1250"). */
  suffix: number;
  /** The time at the bars' right end. */
  scaleMs: number;
  numberWidth: number;
  connectionWidth: number;
  doneWidth: number;
}

export function waterfallFrame(
  result: VersionsResult,
  width: number,
  modes: readonly VersionMode[],
  scale?: number,
): WaterfallFrame {
  const shown = modes.map((m) => result.modes[m]);
  const numberWidth = String(result.settings.requests).length;
  const connectionWidth = String(Math.max(...shown.map((t) => t.connections))).length;
  const scaleMs = Math.max(1, scale ?? 0, ...shown.map((t) => t.total));
  const doneWidth = String(scaleMs).length;
  const prefix = 1 + numberWidth + 2 + connectionWidth + 1;
  const suffix = 1 + doneWidth;
  return {
    prefix,
    bar: width - prefix - suffix,
    suffix,
    scaleMs,
    numberWidth,
    connectionWidth,
    doneWidth,
  };
}

/** The bar of one request: a glyph per column, `bar` columns for `scaleMs`. */
export function requestBar(r: RequestTiming, rtt: number, f: WaterfallFrame, charset: Charset): string {
  const cells = Array.from({ length: f.bar }, () => ' ');
  const g = GLYPHS[charset];
  // Each phase gets the columns between its ends, rounded: proportions stay true, and a phase shorter than
  // half a column may vanish at a coarse scale.
  const at = (t: number) => Math.min(f.bar, Math.round((t * f.bar) / f.scaleMs));
  for (const p of phasesOf(r, rtt)) {
    for (let c = at(p.start); c < at(p.end); c++) cells[c] = g[p.phase];
  }
  return cells.join('').replace(/\s+$/, '');
}

/** A "nice" tick step: 1, 2 or 5 times a power of ten, with room for the labels between ticks. */
function tickStep(f: WaterfallFrame): number {
  const label = String(f.scaleMs).length + 2;
  for (let power = 1; ; power *= 10) {
    for (const m of [1, 2, 5]) {
      const step = m * power;
      if ((step * f.bar) / f.scaleMs >= label) return step;
    }
  }
}

/** The axis: the times of the ticks above the bars, and a rule with the ticks marked. */
export function axisRows(f: WaterfallFrame, charset: Charset): [string, string] {
  const g = GLYPHS[charset];
  const step = tickStep(f);
  const labels = Array.from({ length: f.prefix + f.bar }, () => ' ');
  const unit = 'ms';
  for (let k = 0; k < unit.length; k++) labels[f.prefix - 1 - unit.length + k] = unit[k]!;
  const rule = Array.from({ length: f.bar }, () => g.rule);
  let end = f.prefix - 1;
  for (let t = 0; t <= f.scaleMs; t += step) {
    const col = Math.min(f.bar - 1, Math.round((t * f.bar) / f.scaleMs));
    rule[col] = g.tick;
    const text = String(t);
    const start = Math.min(f.prefix + col, f.prefix + f.bar - text.length);
    if (start <= end) continue;
    for (let k = 0; k < text.length; k++) labels[start + k] = text[k]!;
    end = start + text.length;
  }
  return [labels.join('').replace(/\s+$/, ''), `${' '.repeat(f.prefix)}${rule.join('')}`];
}

/** A request's row: its number, its connection, its bar, and when its response arrived. */
export function requestRow(r: RequestTiming, rtt: number, f: WaterfallFrame, charset: Charset): string {
  const head = ` ${String(r.i).padStart(f.numberWidth)} c${String(r.connection).padEnd(f.connectionWidth)} `;
  const bar = requestBar(r, rtt, f, charset).padEnd(f.bar);
  return `${head}${bar} ${String(r.done).padStart(f.doneWidth)}`;
}

/** Every row of the waterfall: the axis, then each mode's title and its requests. */
export function waterfallRows(result: VersionsResult, options: WaterfallOptions): WaterfallRow[] {
  const { width, charset } = options;
  if (width < MIN_WATERFALL_WIDTH) throw new WaterfallWidthError(width);
  const modes = options.modes ?? MODES;
  const f = waterfallFrame(result, width, modes, options.scaleMs);
  const [axis, rule] = axisRows(f, charset);
  const rows: WaterfallRow[] = [
    { role: 'axis', text: axis },
    { role: 'rule', text: rule },
  ];
  const { settings } = result;
  for (const mode of modes) {
    const t = result.modes[mode];
    rows.push({ role: 'mode', mode, title: modeTitle(t, settings.connections) });
    for (const r of t.requests) {
      rows.push({
        role: 'request',
        mode,
        i: r.i,
        slow: r.i in settings.slow,
        text: requestRow(r, settings.rtt, f, charset),
      });
    }
  }
  return rows;
}

/** The legend: each glyph and what it means, in `locale`'s words via `tr`. */
export function legendItems(charset: Charset): Array<{ glyph: string; text: LocalText }> {
  const g = GLYPHS[charset];
  return [
    { glyph: g.wait, text: versionsText('legendWait') },
    { glyph: g.handshake, text: versionsText('legendHandshake') },
    { glyph: g.flight, text: versionsText('legendFlight') },
    { glyph: g.serverWait, text: versionsText('legendServerWait') },
    { glyph: g.server, text: versionsText('legendServer') },
  ];
}

/** The settings in a line: requests, RTT, server time, the slow ones, and K when HTTP/1.1 ×K is among `modes`. */
export function settingsText(result: VersionsResult, modes: readonly VersionMode[] = MODES): LocalText[] {
  const s = result.settings;
  return [
    versionsText('requests', s.requests),
    versionsText('rtt', s.rtt),
    versionsText('server', s.server),
    ...Object.entries(s.slow)
      .map(([i, ms]) => [Number(i), ms] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([i, ms]) => versionsText('slow', i, ms)),
    ...(modes.includes('1.1-parallel') ? [versionsText('connections', s.connections)] : []),
  ];
}

/** Display width of a row's text (every glyph used is one column wide). */
export const rowWidth = (text: string): number => displayWidth(text);
