// The learner's changes to a running scenario: drop or duplicate the next
// segment, or switch on the scenario's what-if.
import type { Fault, Scenario, SimResult } from './types.js';

/** The fault that hits the first segment sent after event `index`, or null if none is sent. */
export function faultForNextSegment(result: SimResult, index: number, kind: 'drop' | 'duplicate'): Fault | null {
  const counts = { client: 0, server: 0 };
  for (let i = 0; i < result.events.length; i++) {
    const e = result.events[i]!;
    if (e.type !== 'send') continue;
    counts[e.side] += 1;
    if (i > index) return { side: e.side, nth: counts[e.side], fault: kind };
  }
  return null;
}

/** The scenario with its what-if on: a two-way handshake, or no TIME-WAIT. */
export function toggleWhatIf(scenario: Scenario): Scenario {
  const kind = scenario.whatIf ?? (scenario.actions.some((a) => a.call === 'close') ? 'no-time-wait' : 'two-way');
  if (kind === 'two-way') {
    const handshake = scenario.options.handshake === 'two-way' ? 'three-way' : 'two-way';
    return { ...scenario, options: { ...scenario.options, handshake } };
  }
  return { ...scenario, options: { ...scenario.options, timeWait: !scenario.options.timeWait } };
}
