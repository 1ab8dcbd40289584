// Validates a scenario document (the sim CLI contract's "Scenario file") and
// fills in every default. Problems name the field by path (`actions[2].call`)
// and say what was expected and what was found.
import { didYouMean } from '../suggest.js';
import { APP_CALLS, type Action, type Fault, type Scenario, type Side } from '../tcp/types.js';

export interface ScenarioProblem {
  field: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export const SCENARIO_DEFAULTS = {
  latencyMs: 50,
  mslMs: 1000,
  rtoMs: 300,
  maxRetries: 5,
  mss: 1000,
  client: { isn: 1000, port: 50000 },
  server: { isn: 5000, port: 80 },
  options: { handshake: 'three-way', timeWait: true },
  seed: 1,
  loss: 0,
} as const;

const TOP_KEYS = [
  'name',
  'title',
  'description',
  'latencyMs',
  'mslMs',
  'rtoMs',
  'maxRetries',
  'mss',
  'client',
  'server',
  'options',
  'actions',
  'faults',
  'seed',
  'loss',
  'whatIf',
] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return JSON.stringify(v);
}

export function parseScenario(input: unknown, opts: { defaultName?: string } = {}): ParseResult {
  const problems: ScenarioProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isObj(input))
    return { ok: false, problems: [{ field: '', message: `expected a JSON object, found ${shown(input)}` }] };

  const unknownKeys = (o: Obj, path: string, allowed: readonly string[]) => {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) {
        problem(
          path ? `${path}.${key}` : key,
          `unknown field${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}`,
        );
      }
    }
  };
  const number = (
    v: unknown,
    field: string,
    fallback: number,
    { min, max, integer = false }: { min?: number; max?: number; integer?: boolean },
  ): number => {
    if (v === undefined) return fallback;
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!integer || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max);
    if (!ok) {
      const range =
        min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` ≥ ${min}` : '';
      problem(field, `expected ${integer ? 'an integer' : 'a number'}${range}, found ${shown(v)}`);
      return fallback;
    }
    return v as number;
  };
  const string = (v: unknown, field: string, fallback: string | undefined): string | undefined => {
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || v.trim() === '') {
      problem(field, `expected a non-empty string, found ${shown(v)}`);
      return fallback;
    }
    return v;
  };
  const side = (v: unknown, field: string): Side | undefined => {
    if (v === 'client' || v === 'server') return v;
    problem(
      field,
      `expected "client" or "server", found ${shown(v)}${typeof v === 'string' ? didYouMean(v, ['client', 'server']) : ''}`,
    );
    return undefined;
  };

  unknownKeys(input, '', TOP_KEYS);
  const name = string(input.name, 'name', opts.defaultName);
  if (name === undefined) problem('name', 'expected a name (a file is named after itself when it has none)');
  const title = string(input.title, 'title', name);
  const description = string(input.description, 'description', undefined);

  const endpoint = (key: 'client' | 'server') => {
    const d = SCENARIO_DEFAULTS[key];
    const v = input[key];
    if (v === undefined) return { ...d };
    if (!isObj(v)) {
      problem(key, `expected an object like {"isn": ${d.isn}, "port": ${d.port}}, found ${shown(v)}`);
      return { ...d };
    }
    unknownKeys(v, key, ['isn', 'port']);
    return {
      isn: number(v.isn, `${key}.isn`, d.isn, { min: 0, max: 4294967295, integer: true }),
      port: number(v.port, `${key}.port`, d.port, { min: 0, max: 65535, integer: true }),
    };
  };

  let handshake: Scenario['options']['handshake'] = 'three-way';
  let timeWait = true;
  if (input.options !== undefined) {
    if (!isObj(input.options)) problem('options', `expected an object, found ${shown(input.options)}`);
    else {
      unknownKeys(input.options, 'options', ['handshake', 'timeWait']);
      const h = input.options.handshake;
      if (h !== undefined) {
        if (h === 'three-way' || h === 'two-way') handshake = h;
        else problem('options.handshake', `expected "three-way" or "two-way", found ${shown(h)}`);
      }
      const tw = input.options.timeWait;
      if (tw !== undefined) {
        if (typeof tw === 'boolean') timeWait = tw;
        else problem('options.timeWait', `expected true or false, found ${shown(tw)}`);
      }
    }
  }

  const actions: Action[] = [];
  if (input.actions === undefined) problem('actions', 'expected an array of application calls, found nothing');
  else if (!Array.isArray(input.actions))
    problem('actions', `expected an array of application calls, found ${shown(input.actions)}`);
  else {
    input.actions.forEach((raw, i) => {
      const path = `actions[${i}]`;
      if (!isObj(raw)) {
        problem(path, `expected an object like {"at": 0, "side": "server", "call": "listen"}, found ${shown(raw)}`);
        return;
      }
      unknownKeys(raw, path, ['at', 'side', 'call', 'bytes']);
      const at = number(raw.at, `${path}.at`, Number.NaN, { min: 0 });
      if (raw.at === undefined) problem(`${path}.at`, 'expected a time in ms (≥ 0), found nothing');
      const s = side(raw.side, `${path}.side`);
      const call = raw.call;
      if (typeof call !== 'string' || !(APP_CALLS as readonly string[]).includes(call)) {
        problem(
          `${path}.call`,
          `expected one of ${APP_CALLS.join(', ')}; found ${shown(call)}${typeof call === 'string' ? didYouMean(call, APP_CALLS) : ''}`,
        );
        return;
      }
      let bytes: number | undefined;
      if (call === 'send') {
        if (raw.bytes === undefined)
          problem(`${path}.bytes`, 'expected the number of bytes to send (an integer ≥ 1), found nothing');
        else bytes = number(raw.bytes, `${path}.bytes`, 1, { min: 1, max: 1e12, integer: true });
      } else if (raw.bytes !== undefined) problem(`${path}.bytes`, `only "send" takes bytes, not "${call}"`);
      if (s && !Number.isNaN(at))
        actions.push(call === 'send' ? { at, side: s, call, bytes } : { at, side: s, call: call as Action['call'] });
    });
    const sorted = actions.every((a, i) => i === 0 || actions[i - 1]!.at <= a.at);
    if (!sorted) {
      // File order breaks ties at one instant, so the calls are kept in time order, stably.
      actions.sort((a, b) => a.at - b.at);
    }
  }

  const faults: Fault[] = [];
  if (input.faults !== undefined) {
    if (!Array.isArray(input.faults)) problem('faults', `expected an array, found ${shown(input.faults)}`);
    else {
      input.faults.forEach((raw, i) => {
        const path = `faults[${i}]`;
        if (!isObj(raw)) {
          problem(path, `expected an object like {"side": "client", "nth": 1, "fault": "drop"}, found ${shown(raw)}`);
          return;
        }
        unknownKeys(raw, path, ['side', 'nth', 'fault']);
        const s = side(raw.side, `${path}.side`);
        const nth = number(raw.nth, `${path}.nth`, Number.NaN, { min: 1, integer: true });
        if (raw.nth === undefined)
          problem(`${path}.nth`, 'expected which segment of that side (1 = the first it sends), found nothing');
        const f = raw.fault;
        let fault: Fault['fault'] | undefined;
        if (f === 'drop' || f === 'duplicate') fault = f;
        else if (isObj(f) && Object.keys(f).length === 1 && 'delayMs' in f) {
          const d = f.delayMs;
          if (typeof d === 'number' && Number.isFinite(d) && d >= 0) fault = { delayMs: d };
          else problem(`${path}.fault.delayMs`, `expected a delay in ms (≥ 0), found ${shown(d)}`);
        } else {
          problem(
            `${path}.fault`,
            `expected "drop", "duplicate" or {"delayMs": N}, found ${shown(f)}${typeof f === 'string' ? didYouMean(f, ['drop', 'duplicate']) : ''}`,
          );
        }
        if (s && fault !== undefined && !Number.isNaN(nth)) faults.push({ side: s, nth, fault });
      });
    }
  }

  let whatIf: Scenario['whatIf'];
  if (input.whatIf !== undefined) {
    if (input.whatIf === 'two-way' || input.whatIf === 'no-time-wait') whatIf = input.whatIf;
    else problem('whatIf', `expected "two-way" or "no-time-wait", found ${shown(input.whatIf)}`);
  }

  const scenario: Scenario = {
    name: name ?? 'scenario',
    title: title ?? name ?? 'scenario',
    ...(description ? { description } : {}),
    latencyMs: number(input.latencyMs, 'latencyMs', SCENARIO_DEFAULTS.latencyMs, { min: 0, max: 3_600_000 }),
    mslMs: number(input.mslMs, 'mslMs', SCENARIO_DEFAULTS.mslMs, { min: 0, max: 3_600_000 }),
    rtoMs: number(input.rtoMs, 'rtoMs', SCENARIO_DEFAULTS.rtoMs, { min: 1, max: 3_600_000 }),
    maxRetries: number(input.maxRetries, 'maxRetries', SCENARIO_DEFAULTS.maxRetries, {
      min: 0,
      max: 50,
      integer: true,
    }),
    mss: number(input.mss, 'mss', SCENARIO_DEFAULTS.mss, { min: 1, max: 1_000_000, integer: true }),
    client: endpoint('client'),
    server: endpoint('server'),
    options: { handshake, timeWait },
    actions,
    faults,
    seed: number(input.seed, 'seed', SCENARIO_DEFAULTS.seed, { min: 0, max: 4294967295, integer: true }),
    loss: number(input.loss, 'loss', SCENARIO_DEFAULTS.loss, { min: 0, max: 1 }),
    ...(whatIf ? { whatIf } : {}),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
}
