// The scale of a run: the built-in scenarios shrink MSL (and so TIME-WAIT) to
// keep the animation short. Wherever a run shows TIME-WAIT, the player and
// `sim` say so, with the real values beside the simulated ones.
import type { LocalText } from '../i18n/localize.js';
import { phraseBook } from '../i18n/phrases.js';
import type { Scenario, SimResult } from './types.js';
import { ZH } from './scale.zh-CN.js';

const EN = {
  scale: (msl: string, timeWait: string) =>
    `Scale: MSL is ${msl} here, so TIME-WAIT lasts 2 × MSL = ${timeWait}. RFC 9293 takes MSL = 2 min (TIME-WAIT 4 min); Linux keeps TIME-WAIT for 60 s.`,
};

/** The phrases in every language they are written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const SCALE_PHRASES = book;

/** A duration as a person writes it: `500 ms`, `1 s`, `1.5 s`, `2 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Whether TIME-WAIT appears in the run: a side enters it. */
export function hasTimeWait(result: SimResult): boolean {
  return result.events.some((e) => e.type === 'state' && e.to === 'TIME-WAIT');
}

/** The scale of the run in one sentence when TIME-WAIT appears in it (its length is the scenario's 2 × MSL), else undefined. */
export function scaleNote(scenario: Scenario, result: SimResult): LocalText | undefined {
  if (!hasTimeWait(result)) return undefined;
  return say('scale', formatDuration(scenario.mslMs), formatDuration(2 * scenario.mslMs));
}
