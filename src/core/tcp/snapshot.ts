// The state of a run at one event: what the player shows as the learner steps.
import type { SimResult, Side, TcpState } from './types.js';

/** Both sides' states after events[0..index]; index -1 is before the first event. */
export function statesAt(result: SimResult, index: number): Record<Side, TcpState> {
  const states: Record<Side, TcpState> = { client: 'CLOSED', server: 'CLOSED' };
  const last = Math.min(index, result.events.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = result.events[i]!;
    if (e.type === 'state') states[e.side] = e.to;
  }
  return states;
}
