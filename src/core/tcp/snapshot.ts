// The state of a run at one event: what the player shows as the learner steps.
import type { SimEvent, SimResult, Side, TcpState } from './types.js';

type SendEvent = Extract<SimEvent, { type: 'send' }>;

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

/** Segments sent by events[0..index] that have not yet arrived or been lost, oldest first. */
export function inFlightAt(result: SimResult, index: number): SendEvent[] {
  const open = new Map<number, { send: SendEvent; copies: number }>();
  const last = Math.min(index, result.events.length - 1);
  // A duplicated segment arrives twice; it is in flight until its last copy is delivered.
  const copies = new Map<number, number>();
  for (const e of result.events) if (e.type === 'deliver') copies.set(e.id, (copies.get(e.id) ?? 0) + 1);
  for (let i = 0; i <= last; i++) {
    const e = result.events[i]!;
    if (e.type === 'send') open.set(e.id, { send: e, copies: Math.max(1, copies.get(e.id) ?? 1) });
    else if (e.type === 'drop') open.delete(e.id);
    else if (e.type === 'deliver') {
      const entry = open.get(e.id);
      if (!entry) continue;
      entry.copies -= 1;
      if (entry.copies <= 0) open.delete(e.id);
    }
  }
  return [...open.values()].map((x) => x.send);
}
