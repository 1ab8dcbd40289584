// Two small diagrams that use every part of the layout: a request and its
// response through a proxy, a lost message and its resend, a message that
// skips a lane, notes on the inner lanes, and a quiet stretch drawn as a break.
import type { SequenceEvent, SequenceLane } from '../../../src/core/sequence/layout.js';

const GET = ['GET /index.html HTTP/1.1', 'GET /index.html', 'GET'];
const OK = ['200 OK text/html 5120 B', '200 OK', '200'];

export const threeLanes: { lanes: SequenceLane[]; events: SequenceEvent[] } = {
  lanes: [{ name: 'client' }, { name: 'proxy', sub: ':3128' }, { name: 'server', sub: ':80' }],
  events: [
    { t: 0, kind: 'note', lane: 2, text: 'LISTEN' },
    { t: 0, kind: 'send', id: 1, from: 0, to: 1, labels: GET },
    { t: 20, kind: 'arrive', id: 1 },
    { t: 20, kind: 'note', lane: 1, text: ['cache miss', 'miss'] },
    { t: 20, kind: 'send', id: 2, from: 1, to: 2, labels: GET },
    { t: 40, kind: 'arrive', id: 2 },
    { t: 40, kind: 'send', id: 3, from: 2, to: 1, labels: OK },
    { t: 60, kind: 'arrive', id: 3 },
    { t: 60, kind: 'note', lane: 1, text: ['stored', 'store'] },
    { t: 60, kind: 'send', id: 4, from: 1, to: 0, labels: OK },
    { t: 80, kind: 'arrive', id: 4 },
    { t: 80, kind: 'note', lane: 0, text: 'rendered' },
    { t: 2030, kind: 'send', id: 5, from: 0, to: 2, labels: ['GET /health HTTP/1.1', 'GET /health', 'GET'] },
    { t: 2050, kind: 'lose', id: 5 },
    { t: 2230, kind: 'note', lane: 0, text: 'timeout' },
    { t: 2230, kind: 'send', id: 6, from: 0, to: 2, labels: ['GET /health HTTP/1.1 (again)', 'GET /health', 'GET'] },
    { t: 2270, kind: 'arrive', id: 6 },
    { t: 2270, kind: 'send', id: 7, from: 2, to: 0, labels: ['204 No Content', '204'] },
    { t: 2310, kind: 'arrive', id: 7 },
  ],
};

export const fourLanes: { lanes: SequenceLane[]; events: SequenceEvent[] } = {
  lanes: [
    { name: 'client' },
    { name: ['proxy A', 'A'], sub: ':3128' },
    { name: ['proxy B', 'B'], sub: ':8080' },
    { name: 'server', sub: ':443' },
  ],
  events: [
    { t: 0, kind: 'send', id: 1, from: 0, to: 1, labels: GET },
    { t: 15, kind: 'arrive', id: 1 },
    { t: 15, kind: 'note', lane: 1, text: ['route to B', 'route'] },
    { t: 15, kind: 'send', id: 2, from: 1, to: 2, labels: GET },
    { t: 30, kind: 'lose', id: 2 },
    { t: 215, kind: 'note', lane: 1, text: ['retry', 'RTO'] },
    { t: 215, kind: 'send', id: 3, from: 1, to: 2, labels: ['GET /index.html HTTP/1.1 (retry)', ...GET] },
    { t: 230, kind: 'arrive', id: 3 },
    { t: 230, kind: 'note', lane: 2, text: ['add Via', 'Via'] },
    { t: 230, kind: 'send', id: 4, from: 2, to: 3, labels: GET },
    { t: 245, kind: 'arrive', id: 4 },
    { t: 245, kind: 'send', id: 5, from: 3, to: 2, labels: OK },
    { t: 260, kind: 'arrive', id: 5 },
    { t: 260, kind: 'note', lane: 2, text: ['compress', 'gzip'] },
    { t: 260, kind: 'send', id: 6, from: 2, to: 0, labels: OK },
    { t: 290, kind: 'arrive', id: 6 },
    { t: 290, kind: 'note', lane: 0, text: 'done' },
    { t: 3290, kind: 'mark' },
    { t: 3290, kind: 'send', id: 7, from: 0, to: 3, labels: ['FIN seq=1200', 'FIN'] },
    { t: 3335, kind: 'arrive', id: 7 },
    { t: 3335, kind: 'note', lane: 3, text: 'CLOSE-WAIT' },
  ],
};
