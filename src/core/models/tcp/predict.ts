// "What happens next?" questions asked by the simulation player. The answer
// is the engine's own next event, so it is right for any scenario, including
// one the learner has just changed.
import type { LocalText } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import { explainSegment, segmentLabel } from '../../tcp/describe.js';
import type { PredictAsk } from './types.js';
import type { SimEvent, SimResult, Side, SendEvent, TcpState } from '../../tcp/types.js';
import { TCP_STATES, flagLabel } from '../../tcp/types.js';
import type { Verdict } from '../../answers/verdict.js';
import { normalizeFlags, normalizeNumber, normalizeState } from '../../answers/normalize.js';
import { ZH } from './predict.zh-CN.js';

function nextSend(result: SimResult, index: number): SendEvent | undefined {
  return result.events.slice(index + 1).find((e): e is SendEvent => e.type === 'send');
}

function nextState(result: SimResult, index: number, side?: Side) {
  return result.events
    .slice(index + 1)
    .find(
      (e): e is Extract<SimEvent, { type: 'state' }> => e.type === 'state' && (side === undefined || e.side === side),
    );
}

/** The engine's answer, or undefined when nothing of that kind happens next. */
export function predictExpected(result: SimResult, index: number, ask: PredictAsk, side?: Side): string | undefined {
  if (ask === 'next-state') return nextState(result, index, side)?.to;
  const send = nextSend(result, index);
  if (!send) return undefined;
  if (ask === 'next-flags') return flagLabel(send.segment.flags);
  if (ask === 'next-ack') return send.segment.ack === null ? 'none' : String(send.segment.ack);
  return String(send.segment.seq);
}

const EN = {
  nextState: (side: string, from: string, to: string, t: number) =>
    `The ${side} goes from ${from} to ${to} at ${t} ms.`,
  nextSend: (t: number, side: string, label: string) => `At ${t} ms the ${side} sends ${label}.`,
  whichState: (side: string | undefined) => `Which state does the ${side ?? 'next side'} enter next?`,
  whichFlags: (side: string | undefined) => `Which flags does ${side ? `the ${side}'s` : 'the'} next segment carry?`,
  whichAck: (side: string | undefined) =>
    `What acknowledgment number does ${side ? `the ${side}'s` : 'the'} next segment carry?`,
  whichSeq: (side: string | undefined) =>
    `What sequence number does ${side ? `the ${side}'s` : 'the'} next segment carry?`,
};

/** The phrases in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const PREDICT_PHRASES = book;

/** Why the answer is what it is: what the engine does next, and the rule behind it. */
function explain(result: SimResult, index: number, ask: PredictAsk): LocalText[] {
  if (ask === 'next-state') {
    const e = nextState(result, index);
    return e ? [say('nextState', e.side, e.from, e.to, e.t)] : [];
  }
  const send = nextSend(result, index);
  if (!send) return [];
  return [
    say('nextSend', send.t, send.side, segmentLabel(send.segment)),
    explainSegment(result, result.events.indexOf(send)),
  ];
}

export function gradePredict(result: SimResult, index: number, ask: PredictAsk, answer: string, side?: Side): Verdict {
  const expected = predictExpected(result, index, ask, side) ?? 'nothing';
  const norm = (s: string) =>
    ask === 'next-state'
      ? normalizeState(s)
      : ask === 'next-flags'
        ? normalizeFlags(s)
        : s.trim().toLowerCase() === 'none'
          ? 'none'
          : normalizeNumber(s);
  const given = norm(answer);
  const correct = given !== undefined && given === norm(expected);
  return { correct, expected: [expected], feedback: explain(result, index, ask), normalized: given };
}

/**
 * The states RFC 9293 lets a side enter from each state (§3.10; the table of transitions in the facts sheet),
 * the likeliest mistake first: another way the same moment could have gone.
 */
const SUCCESSORS: Record<TcpState, readonly TcpState[]> = {
  CLOSED: ['LISTEN', 'SYN-SENT'],
  LISTEN: ['SYN-RECEIVED', 'SYN-SENT', 'CLOSED'],
  'SYN-SENT': ['ESTABLISHED', 'SYN-RECEIVED', 'CLOSED'],
  'SYN-RECEIVED': ['ESTABLISHED', 'LISTEN', 'CLOSED', 'FIN-WAIT-1', 'CLOSE-WAIT'],
  ESTABLISHED: ['FIN-WAIT-1', 'CLOSE-WAIT', 'CLOSED'],
  'FIN-WAIT-1': ['FIN-WAIT-2', 'CLOSING', 'TIME-WAIT', 'CLOSED'],
  'FIN-WAIT-2': ['TIME-WAIT', 'CLOSED'],
  'CLOSE-WAIT': ['LAST-ACK', 'CLOSED'],
  CLOSING: ['TIME-WAIT', 'CLOSED'],
  'LAST-ACK': ['CLOSED'],
  'TIME-WAIT': ['CLOSED', 'SYN-RECEIVED'],
};

/**
 * The flags a learner may expect from a side, by the state it sends in, the likeliest first. Before the
 * connection is synchronized: the handshake's. In ESTABLISHED: an ACK, a FIN or a RST, and SYN,ACK (a side
 * that has just been synchronized). Once closing: an ACK, a FIN with or without the ACK bit, a RST.
 */
const HANDSHAKE_FLAGS = ['SYN', 'SYN,ACK', 'ACK', 'FIN,ACK', 'RST', 'RST,ACK'];
const ESTABLISHED_FLAGS = ['ACK', 'FIN,ACK', 'SYN,ACK', 'RST', 'FIN'];
const CLOSING_FLAGS = ['ACK', 'FIN,ACK', 'FIN', 'RST', 'RST,ACK'];

function flagsExpectedIn(state: TcpState): readonly string[] {
  if (state === 'ESTABLISHED') return ESTABLISHED_FLAGS;
  return TCP_STATES.indexOf(state) > TCP_STATES.indexOf('ESTABLISHED') ? CLOSING_FLAGS : HANDSHAKE_FLAGS;
}

/**
 * The state a side sends a segment in: where it was before the step that sends it. A change of state in the
 * same step (at the same time) may come before the segment in the run (an abort: CLOSED, then the RST) or
 * after it (a close: the FIN, then FIN-WAIT-1), so its `from` is the answer; otherwise the last state entered.
 */
function stateWhenSending(result: SimResult, send: SendEvent): TcpState {
  let state: TcpState = 'CLOSED';
  for (const e of result.events) {
    if (e.type !== 'state' || e.side !== send.side || e.t > send.t) continue;
    if (e.t === send.t) return e.from;
    state = e.to;
  }
  return state;
}

/** Three to five plausible answers, the right one among them, in a stable order. */
export function predictChoices(result: SimResult, index: number, ask: PredictAsk, side?: Side): string[] {
  const right = predictExpected(result, index, ask, side);
  if (right === undefined) return ['nothing'];
  let options: string[];
  if (ask === 'next-state') {
    const current = nextState(result, index, side)?.from;
    // First the other states the side could have entered from where it is, then the nearest in the list.
    const successors = current ? SUCCESSORS[current].filter((s) => s !== right) : [];
    const near = TCP_STATES.filter((s) => s !== right && s !== current && s !== 'CLOSED' && !successors.includes(s));
    const i = TCP_STATES.indexOf(right as (typeof TCP_STATES)[number]);
    const pick = [...near].sort(
      (a, b) => Math.abs(TCP_STATES.indexOf(a) - i) - Math.abs(TCP_STATES.indexOf(b) - i) || a.localeCompare(b),
    );
    options = [right, ...[...successors, ...pick].slice(0, 3)];
  } else if (ask === 'next-flags') {
    const send = nextSend(result, index)!;
    const likely = flagsExpectedIn(stateWhenSending(result, send));
    options = [right, ...likely.filter((f) => f !== right).slice(0, 3)];
  } else {
    const n = Number(right);
    const candidates = Number.isFinite(n) ? [n - 1, n + 1, n + 100, n - 100].filter((x) => x >= 0).map(String) : [];
    options = [right, ...candidates.filter((c) => c !== right).slice(0, 3)];
  }
  // A stable order that does not always put the right answer first.
  return [...new Set(options)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The question a predict point asks, in words, naming the side it is about. */
export function predictQuestion(result: SimResult, at: number, ask: PredictAsk): LocalText {
  const rest = result.events.slice(at + 1);
  if (ask === 'next-state') return say('whichState', rest.find((e) => e.type === 'state')?.side);
  const side = rest.find((e) => e.type === 'send')?.side;
  if (ask === 'next-flags') return say('whichFlags', side);
  if (ask === 'next-ack') return say('whichAck', side);
  return say('whichSeq', side);
}
