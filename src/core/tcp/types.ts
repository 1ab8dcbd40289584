// The vocabulary of the TCP simulator, as fixed by the sim CLI contract
// (shared spec `sim-cli.md`). Everything here is plain data.

export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

export const SIDES = ['client', 'server'] as const;
export type Side = (typeof SIDES)[number];
export const otherSide = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** Flags always appear in this order. */
export const FLAG_ORDER = ['SYN', 'ACK', 'FIN', 'RST'] as const;
export type Flag = (typeof FLAG_ORDER)[number];

/**
 * Flags as captures print them: the control flag first, then ACK
 * (`SYN,ACK`, `FIN,ACK`, `RST,ACK`). JSON keeps the contract's order.
 */
export function flagLabel(flags: readonly Flag[]): string {
  const control = flags.filter((f) => f !== 'ACK');
  return [...control, ...(flags.includes('ACK') ? ['ACK'] : [])].join(',');
}

export interface Segment {
  flags: Flag[];
  seq: number;
  /** null exactly when ACK is not among the flags. */
  ack: number | null;
  len: number;
}

export const APP_CALLS = ['listen', 'connect', 'send', 'close', 'abort'] as const;
export type AppCall = (typeof APP_CALLS)[number];

export interface Action {
  at: number;
  side: Side;
  call: AppCall;
  /** Required (≥ 1) for `send`. */
  bytes?: number;
}

export type FaultKind = 'drop' | 'duplicate' | { delayMs: number };

export interface Fault {
  side: Side;
  /** 1-based count of segments this side sends, retransmissions included. */
  nth: number;
  fault: FaultKind;
}

export interface EndpointConfig {
  isn: number;
  port: number;
}

export const HANDSHAKES = ['three-way', 'two-way'] as const;
export const WHAT_IFS = ['two-way', 'no-time-wait'] as const;

export interface ScenarioOptions {
  handshake: (typeof HANDSHAKES)[number];
  timeWait: boolean;
}

/** A scenario with every default filled in. */
export interface Scenario {
  name: string;
  title: string;
  /** One paragraph on what to watch (built-ins have one; files may). */
  description?: string;
  /** The title and description in other languages (a file's `translations`: `{"zh-CN": {"title", "description"}}`). */
  translations?: Record<string, { title?: string; description?: string }>;
  latencyMs: number;
  mslMs: number;
  rtoMs: number;
  maxRetries: number;
  mss: number;
  /** Delayed acknowledgment: how long an ACK may wait for a segment to ride on (0: acknowledge at once). */
  ackDelayMs: number;
  client: EndpointConfig;
  server: EndpointConfig;
  options: ScenarioOptions;
  actions: Action[];
  faults: Fault[];
  seed: number;
  loss: number;
  /** The what-if the player's `w` key turns on for this scenario. */
  whatIf?: (typeof WHAT_IFS)[number];
}

export type TimerKind = 'retransmit' | 'time-wait' | 'delayed-ack';

export type SimEvent =
  | { t: number; type: 'call'; side: Side; call: AppCall; bytes?: number }
  | { t: number; type: 'state'; side: Side; from: TcpState; to: TcpState }
  | { t: number; type: 'send'; side: Side; id: number; segment: Segment; retransmission?: boolean }
  | { t: number; type: 'deliver'; side: Side; id: number }
  | { t: number; type: 'drop'; side: Side; id: number }
  | { t: number; type: 'timer'; side: Side; timer: TimerKind }
  | { t: number; type: 'error'; side: Side; reason: string; call: AppCall | null };

export const SIM_EVENT_TYPES = ['send', 'state', 'deliver', 'drop', 'timer', 'error', 'call'] as const;
export type SimEventType = SimEvent['type'];
export type SendEvent = Extract<SimEvent, { type: 'send' }>;
type ListedEventType = (typeof SIM_EVENT_TYPES)[number];
// Fails to compile when SIM_EVENT_TYPES and SimEvent disagree.
const _simEventTypesComplete: [SimEventType] extends [ListedEventType]
  ? [ListedEventType] extends [SimEventType]
    ? true
    : never
  : never = true;

export interface SimResult {
  scenario: string;
  events: SimEvent[];
  final: Record<Side, TcpState>;
}
