// An exchange as a three-lane sequence diagram (core/sequence): the client,
// the gateway and the upstream, each hop an arrow labelled with what it
// carries (shortened as the width needs), each note beside its party. The
// steps map one to one onto the layout's events, so a player that shows
// steps 0..n draws events 0..n.
import type { LocalText } from '../../i18n/localize.js';
import {
  type Charset,
  type SequenceDiagram,
  type SequenceEvent,
  type SequenceLane,
  layoutSequence,
} from '../../sequence/layout.js';
import { type Exchange, PARTIES, type Party, UPSTREAM_PORT } from './exchange.js';

const lane = (p: Party) => PARTIES.indexOf(p);

/** The lanes: names stay as on the contract (client, gateway, upstream), in every language. */
export const GATEWAY_LANES: readonly SequenceLane[] = [
  { name: 'client' },
  { name: 'gateway', sub: ':443' },
  { name: 'upstream', sub: `:${UPSTREAM_PORT}` },
];

/** The layout's events for an exchange's steps; `tr` puts each text in the reader's language. */
export function gatewayEvents(exchange: Exchange, tr: (t: LocalText) => string): SequenceEvent[] {
  return exchange.steps.map((s): SequenceEvent => {
    if (s.kind === 'send') {
      const { id, from, to, labels } = s.hop;
      return { t: s.t, kind: 'send', id, from: lane(from), to: lane(to), labels: labels.map(tr) };
    }
    if (s.kind === 'arrive') return { t: s.t, kind: 'arrive', id: s.hop.id };
    return { t: s.t, kind: 'note', lane: lane(s.note.party), text: s.note.text.map(tr) };
  });
}

/**
 * The diagram, drawn up to step `upTo` (all of it by default). A quiet stretch of more than 400 ms (the
 * wait of a timeout) is drawn as one break row with its length. Throws SequenceWidthError below 56 columns.
 */
export function gatewayDiagram(
  exchange: Exchange,
  options: { width: number; charset: Charset; tr: (t: LocalText) => string; upTo?: number },
): SequenceDiagram {
  return layoutSequence(GATEWAY_LANES, gatewayEvents(exchange, options.tr), {
    width: options.width,
    charset: options.charset,
    ...(options.upTo === undefined ? {} : { upTo: options.upTo }),
  });
}
