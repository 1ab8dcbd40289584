// Reads one value out of a simulation run: the answer to a question such as
// "the ack number of the server's first segment".
import type { SimQuery } from './types.js';
import { type SimResult, flagLabel, type SendEvent } from '../../tcp/types.js';

/** The value the query selects, or an error saying why there is none. */
export function runQuery(result: SimResult, query: SimQuery): { value: string } | { error: string } {
  if ('segment' in query) {
    const { side, nth = 1, flags } = query.segment;
    const sends = result.events.filter(
      (e): e is SendEvent =>
        e.type === 'send' &&
        (side === undefined || e.side === side) &&
        (flags === undefined || flags.every((f) => e.segment.flags.includes(f as never))),
    );
    const send = sends[nth - 1];
    if (!send) {
      return { error: `the run has ${sends.length} matching segment${sends.length === 1 ? '' : 's'}, not ${nth}` };
    }
    const value = send.segment[query.field];
    if (query.field === 'ack' && value === null) return { error: 'that segment has no ACK flag, so no ack number' };
    return { value: Array.isArray(value) ? flagLabel(value) : String(value) };
  }
  if ('state' in query) {
    const states = result.events.filter((e) => e.type === 'state' && e.side === query.state.side);
    const e = states[query.state.nth - 1];
    if (e?.type !== 'state')
      return { error: `the ${query.state.side} changes state ${states.length} times, not ${query.state.nth}` };
    return { value: e.to };
  }
  if ('final' in query) return { value: result.final[query.final] };
  const { side, flags } = query.count;
  const n = result.events.filter(
    (e) =>
      e.type === 'send' &&
      (side === undefined || e.side === side) &&
      (flags === undefined || flags.every((f) => e.segment.flags.includes(f as never))),
  ).length;
  return { value: String(n) };
}
