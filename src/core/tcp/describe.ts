// Events in plain English: `--format text`, the player's screen-reader mode
// and the player's detail pane all use these sentences.
import { type SimResult, flagLabel, type SendEvent } from './types.js';

export function segmentLabel(s: SendEvent['segment']): string {
  return `${flagLabel(s.flags)} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`}${s.len > 0 ? ` len=${s.len}` : ''}`;
}

function sendOf(result: SimResult, id: number): SendEvent | undefined {
  return result.events.find((e): e is SendEvent => e.type === 'send' && e.id === id);
}

/** A state change right before a send by the same side at the same time reads as one sentence with it. */
function mergedState(result: SimResult, index: number) {
  const e = result.events[index];
  const prev = result.events[index - 1];
  if (e?.type === 'send' && prev?.type === 'state' && prev.side === e.side && prev.t === e.t) return prev;
  return undefined;
}

function isMergedIntoNext(result: SimResult, index: number): boolean {
  return mergedState(result, index + 1) !== undefined;
}

export function describeEvent(result: SimResult, index: number): string {
  const e = result.events[index];
  if (!e) return '';
  const at = `${e.t} ms: `;
  switch (e.type) {
    case 'call':
      return `${at}the ${e.side} application calls ${e.call}()${e.call === 'send' && e.bytes ? ` with ${e.bytes} bytes` : ''}`;
    case 'state':
      return `${at}the ${e.side} goes from ${e.from} to ${e.to}`;
    case 'send': {
      const state = mergedState(result, index);
      const again = e.retransmission ? ' again' : '';
      return `${at}the ${e.side} sends${again} ${segmentLabel(e.segment)} (segment ${e.id})${state ? ` and enters ${state.to}` : ''}`;
    }
    case 'deliver': {
      const s = sendOf(result, e.id);
      return `${at}the ${e.side} receives segment ${e.id}${s ? ` (${segmentLabel(s.segment)})` : ''}`;
    }
    case 'drop': {
      const s = sendOf(result, e.id);
      return `${at}segment ${e.id}${s ? ` (${segmentLabel(s.segment)})` : ''} is lost on its way to the ${e.side}`;
    }
    case 'timer':
      return e.timer === 'retransmit'
        ? `${at}the ${e.side}'s retransmission timer expires`
        : `${at}the ${e.side}'s TIME-WAIT timer (2·MSL) expires`;
    case 'error':
      return `${at}the ${e.side} reports an error: ${e.reason}${e.call ? ` (answering ${e.call}())` : ''}`;
  }
}

/** The lines of `nettutor sim --format text`: one sentence per event. */
export function formatText(result: SimResult): string[] {
  const lines: string[] = [];
  result.events.forEach((_, i) => {
    if (!isMergedIntoNext(result, i)) lines.push(describeEvent(result, i));
  });
  lines.push(`Final states: client ${result.final.client}, server ${result.final.server}.`);
  return lines;
}

/** One sentence on what a segment means, in the learner's terms. */
export function explainSegment(result: SimResult, sendIndex: number): string {
  const e = result.events[sendIndex];
  if (e?.type !== 'send') return '';
  const s = e.segment;
  const peer = e.side === 'client' ? 'server' : 'client';
  const has = (f: string) => s.flags.includes(f as never);
  const earlier = result.events.slice(0, sendIndex);
  const peerSends = earlier.filter((x): x is SendEvent => x.type === 'send' && x.side === peer);
  if (e.retransmission) {
    return `A retransmission: the same ${flagLabel(s.flags)} with seq=${s.seq}, sent again because no acknowledgment came back in time.`;
  }
  if (has('RST')) {
    if (s.ack !== null)
      return `RST,ACK from a side with no connection: seq=0 and ack = the offending segment's seq + its length, so the ${peer} will accept it.`;
    const aborted = earlier.some((x) => x.type === 'call' && x.side === e.side && x.call === 'abort' && x.t === e.t);
    return aborted
      ? `RST: the ${e.side} aborts the connection; seq = its next sequence number. The ${peer} drops the connection at once.`
      : `RST: the ${e.side} has no connection matching the segment it just received; seq = that segment's ack number.`;
  }
  if (has('SYN') && !has('ACK'))
    return `Opens a connection: the SYN carries the ${e.side}'s initial sequence number (${s.seq}) and occupies one sequence number.`;
  if (has('SYN') && has('ACK')) {
    return `Acknowledges the ${peer}'s SYN (ack = its seq + 1 = ${s.ack}) and carries the ${e.side}'s own initial sequence number (${s.seq}).`;
  }
  if (has('FIN'))
    return `FIN: the ${e.side} has no more data to send. It occupies one sequence number (${s.seq}), so its acknowledgment will be ${s.seq + 1}.`;
  if (s.len > 0)
    return `${s.len} bytes of data from seq=${s.seq}; the ${peer} will acknowledge them with ack = ${s.seq + s.len}.`;
  const lastPeer = peerSends.at(-1);
  if (lastPeer?.segment.flags.includes('SYN') && lastPeer.segment.flags.includes('ACK')) {
    return `Completes the handshake: acknowledges the ${peer}'s SYN (ack = ${s.ack}). A pure ACK occupies no sequence number.`;
  }
  if (lastPeer?.segment.flags.includes('FIN')) return `Acknowledges the ${peer}'s FIN: ack = its seq + 1 = ${s.ack}.`;
  return `A pure acknowledgment: the ${e.side} has received everything before ${s.ack}. It occupies no sequence number.`;
}
