// The questions the HTTP versions model asks, and how it grades them: the
// choices come from the run (the right value, and the values a typical
// mistake gives), the right one is the model's, and the why names the rule
// with the learner's own numbers.
import type { Verdict } from '../../answers/verdict.js';
import type { LocalText } from '../../i18n/localize.js';
import { joinTexts } from '../../i18n/phrases.js';
import { ownEntry } from '../../own.js';
import { modeLabel, modeName, versionsText, versionsTextWith } from './phrases.js';
import { type RequestTiming, type VersionMode, type VersionsResult, firstDone, serverTime } from './timeline.js';
import type { VersionsQuestion } from './types.js';

export interface AskedQuestion {
  text: LocalText;
  choices: string[];
  /** How a choice that holds a word is shown (a mode: HTTP/1.1 管线化), by choice; the others as they are. */
  labels?: Record<string, LocalText>;
  /** The choices that are right. */
  right: string[];
  /** Why, after any answer: the rule with these numbers (and what a wrong choice was). */
  why: (choice: string) => LocalText[];
}

const ms = (n: number) => `${n} ms`;

/** The request a `done` question asks about, within the requests there are. */
export function requestOf(q: VersionsQuestion, requests: number): number {
  return q.request === undefined || q.request === 'last' ? requests : Math.min(q.request, requests);
}

/** How request `r` of `mode` comes to be done when it is: the rule, with the numbers. */
export function doneWhy(result: VersionsResult, mode: VersionMode, r: RequestTiming): LocalText {
  const s = result.settings;
  const half = s.rtt / 2;
  let sum = 0;
  for (let j = 1; j <= r.i; j++) sum += serverTime(s, j);
  switch (mode) {
    case '1.0':
      return versionsText('why10', r.i, s.rtt, sum, r.done);
    case '1.1':
      return versionsText('why11', r.i, s.rtt, sum, r.done);
    case '1.1-pipelined':
      return versionsText('whyPipelined', r.i, s.rtt, half, sum, r.done);
    case '1.1-parallel':
      return r.handshake
        ? versionsText('whyParallelNew', r.i, r.connection, s.rtt, serverTime(s, r.i), r.done)
        : versionsText('whyParallelReuse', r.i, r.connection, r.sent, s.rtt, serverTime(s, r.i), r.done);
    case '2':
      return versionsText('why2', s.rtt, serverTime(s, r.i), r.done);
  }
}

/** The other modes' values for the same thing: what a learner mixing up the modes would answer. */
type Others = Array<{ mode: VersionMode; value: number }>;

/** A timing question's choices: the right value, the other modes' values, one round trip off. */
function timingChoices(right: number, others: Others, rtt: number): number[] {
  const candidates = [right, ...others.map((o) => o.value), right - rtt, right + rtt, right + 2 * rtt];
  const out: number[] = [];
  for (const c of candidates) if (c > 0 && !out.includes(c) && out.length < 4) out.push(c);
  return out.sort((a, b) => a - b);
}

/** Why a wrong value is wrong: the mode it belongs to, or the round trip it misses or adds. */
function timingMistake(result: VersionsResult, right: number, chosen: number, others: Others): LocalText {
  const { rtt, connections } = result.settings;
  const other = others.find((o) => o.value === chosen);
  if (other) return versionsTextWith('chosenOther', chosen, modeName(other.mode, connections));
  if (chosen === right - rtt) return versionsText('chosenShort', chosen, rtt);
  if (chosen === right + rtt) return versionsText('chosenLong', chosen, rtt);
  return versionsText('chosenOff', chosen);
}

function timingQuestion(
  result: VersionsResult,
  mode: VersionMode,
  r: RequestTiming,
  right: number,
  others: Others,
  text: LocalText,
): AskedQuestion {
  const values = timingChoices(right, others, result.settings.rtt);
  const rule = doneWhy(result, mode, r);
  return {
    text,
    choices: values.map(ms),
    right: [ms(right)],
    why: (choice) => {
      const chosen = values.find((v) => ms(v) === choice);
      return chosen === undefined || chosen === right ? [rule] : [timingMistake(result, right, chosen, others), rule];
    },
  };
}

/** Why the winner wins, in one sentence naming its rule. */
function firstWhy(result: VersionsResult, winners: VersionMode[], shown: readonly VersionMode[]): LocalText | null {
  const k = result.settings.connections;
  if (winners.includes('2')) return versionsText('firstWhy2');
  if (winners.includes('1.1-parallel')) return versionsText('firstWhyParallel', k);
  if (winners.includes('1.1-pipelined')) return versionsText('firstWhyPipelined');
  if (winners.includes('1.1') && shown.includes('1.0')) return versionsText('firstWhy11');
  return null;
}

/** The question `q` asks of this run, with these modes on screen. */
export function askQuestion(q: VersionsQuestion, result: VersionsResult, shown: readonly VersionMode[]): AskedQuestion {
  const s = result.settings;
  const k = s.connections;
  if (q.ask === 'first-done') {
    const winners = firstDone(result, shown);
    const totals = joinTexts(
      shown.map((m) => versionsTextWith('totalOf', modeName(m, k), result.modes[m].total)),
      { en: '; ', 'zh-CN': '；' },
    );
    const names = joinTexts(
      winners.map((m) => modeName(m, k)),
      { en: ', ', 'zh-CN': '、' },
    );
    const tie = winners.length > 1 ? [versionsTextWith('tie', names)] : [];
    const why = firstWhy(result, winners, shown);
    return {
      text: versionsText('askFirst', s.requests),
      choices: shown.map((m) => modeLabel(m, k)),
      labels: Object.fromEntries(shown.map((m) => [modeLabel(m, k), modeName(m, k)])),
      right: winners.map((m) => modeLabel(m, k)),
      why: () => [totals, ...tie, ...(why ? [why] : [])],
    };
  }
  const mode = q.mode!;
  const t = result.modes[mode];
  // The other modes on screen: what a learner mixing them up would answer (a mode not shown would puzzle).
  const otherModes = shown.filter((m) => m !== mode);
  if (q.ask === 'done') {
    const i = requestOf(q, s.requests);
    const r = t.requests[i - 1]!;
    const others = otherModes.map((m) => ({ mode: m, value: result.modes[m].requests[i - 1]!.done }));
    return timingQuestion(result, mode, r, r.done, others, versionsTextWith('askDone', i, modeName(mode, k)));
  }
  // total: the last response to arrive, and the others modes' totals as the mistakes.
  const last = [...t.requests].reverse().find((r) => r.done === t.total)!;
  const others = otherModes.map((m) => ({ mode: m, value: result.modes[m].total }));
  const asked = timingQuestion(
    result,
    mode,
    last,
    t.total,
    others,
    versionsTextWith('askTotal', s.requests, modeName(mode, k)),
  );
  const lastIs = last.i === s.requests ? [] : [versionsText('lastIs', last.i)];
  return { ...asked, why: (choice) => [...lastIs, ...asked.why(choice)] };
}

/** Grades a choice: right when it is one of the right ones; the why either way. */
export function gradeAsked(asked: AskedQuestion, choice: string): Verdict {
  return {
    correct: asked.right.includes(choice),
    expected: asked.right.map((r) => ownEntry(asked.labels, r) ?? r),
    feedback: asked.why(choice),
  };
}
