// Validates a scenario document (the sim CLI contract's "Scenario file") and
// fills in every default. Problems name the field by path (`actions[2].call`)
// and say what was expected and what was found.
import { Checker, describe, type FieldProblem, isObject, type JsonObject, type NumberRule } from '../schema/checker.js';
import { didYouMean } from '../suggest.js';
import {
  APP_CALLS,
  HANDSHAKES,
  SIDES,
  WHAT_IFS,
  type Action,
  type Fault,
  type Scenario,
  type Side,
} from '../tcp/types.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: FieldProblem[] };

const SCENARIO_DEFAULTS = {
  latencyMs: 50,
  mslMs: 1000,
  rtoMs: 300,
  maxRetries: 5,
  mss: 1000,
  ackDelayMs: 0,
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
  'ackDelayMs',
  'client',
  'server',
  'options',
  'actions',
  'faults',
  'seed',
  'loss',
  'whatIf',
  'translations',
] as const;

export function parseScenario(input: unknown, opts: { defaultName?: string } = {}): ParseResult {
  const c = new Checker();
  const problem = (field: string, message: string) => c.problem(field, message);
  if (!isObject(input)) {
    return { ok: false, problems: [{ field: '', message: `expected a JSON object, found ${describe(input)}` }] };
  }
  const unknownKeys = (o: JsonObject, path: string, allowed: readonly string[]) => c.keys(o, path, allowed);
  /** An optional number: its default when absent, the default again (and a problem) when wrong. */
  const number = (v: unknown, field: string, fallback: number, rule: NumberRule): number =>
    v === undefined ? fallback : (c.number(v, field, rule) ?? fallback);
  const string = (v: unknown, field: string, fallback: string | undefined): string | undefined =>
    v === undefined ? fallback : (c.string(v, field) ?? fallback);
  const side = (v: unknown, field: string): Side | undefined => c.oneOf(v, field, SIDES);

  unknownKeys(input, '', TOP_KEYS);
  const name = string(input.name, 'name', opts.defaultName);
  if (name === undefined) problem('name', 'expected a name (a file is named after itself when it has none)');
  const title = string(input.title, 'title', name);
  const description = string(input.description, 'description', undefined);
  // The title and description in other languages, by language code: what the player and `sim --lang` show.
  let translations: Scenario['translations'];
  if (input.translations !== undefined) {
    const all = c.object(input.translations, 'translations', 'an object of languages, like {"zh-CN": {"title": …}}');
    if (all) {
      translations = {};
      for (const [locale, v] of Object.entries(all)) {
        const path = `translations.${locale}`;
        if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
          problem(path, 'expected a language code such as zh-CN');
          continue;
        }
        const one = c.object(v, path, 'an object like {"title": …, "description": …}');
        if (!one) continue;
        unknownKeys(one, path, ['title', 'description']);
        const t = string(one.title, `${path}.title`, undefined);
        const d = string(one.description, `${path}.description`, undefined);
        translations[locale] = { ...(t ? { title: t } : {}), ...(d ? { description: d } : {}) };
      }
    }
  }

  const endpoint = (key: 'client' | 'server') => {
    const d = SCENARIO_DEFAULTS[key];
    const v = input[key];
    if (v === undefined) return { ...d };
    if (!isObject(v)) {
      problem(key, `expected an object like {"isn": ${d.isn}, "port": ${d.port}}, found ${describe(v)}`);
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
    if (!isObject(input.options)) problem('options', `expected an object, found ${describe(input.options)}`);
    else {
      unknownKeys(input.options, 'options', ['handshake', 'timeWait']);
      const h = input.options.handshake;
      if (h !== undefined) handshake = c.oneOf(h, 'options.handshake', HANDSHAKES) ?? handshake;
      const tw = input.options.timeWait;
      if (tw !== undefined) timeWait = c.boolean(tw, 'options.timeWait') ?? timeWait;
    }
  }

  const actions: Action[] = [];
  if (input.actions === undefined) problem('actions', 'expected an array of application calls, found nothing');
  else if (!Array.isArray(input.actions))
    problem('actions', `expected an array of application calls, found ${describe(input.actions)}`);
  else {
    input.actions.forEach((raw, i) => {
      const path = `actions[${i}]`;
      if (!isObject(raw)) {
        problem(path, `expected an object like {"at": 0, "side": "server", "call": "listen"}, found ${describe(raw)}`);
        return;
      }
      unknownKeys(raw, path, ['at', 'side', 'call', 'bytes']);
      const at = number(raw.at, `${path}.at`, Number.NaN, { min: 0 });
      if (raw.at === undefined) problem(`${path}.at`, 'expected a time in ms (≥ 0), found nothing');
      const s = side(raw.side, `${path}.side`);
      const call = c.oneOf(raw.call, `${path}.call`, APP_CALLS);
      if (call === undefined) return;
      let bytes: number | undefined;
      if (call === 'send') {
        if (raw.bytes === undefined)
          problem(`${path}.bytes`, 'expected the number of bytes to send (an integer ≥ 1), found nothing');
        else bytes = number(raw.bytes, `${path}.bytes`, 1, { min: 1, max: 1e12, integer: true });
      } else if (raw.bytes !== undefined) problem(`${path}.bytes`, `only "send" takes bytes, not "${call}"`);
      if (s && !Number.isNaN(at)) actions.push(call === 'send' ? { at, side: s, call, bytes } : { at, side: s, call });
    });
    const sorted = actions.every((a, i) => i === 0 || actions[i - 1]!.at <= a.at);
    if (!sorted) {
      // File order breaks ties at one instant, so the calls are kept in time order, stably.
      actions.sort((a, b) => a.at - b.at);
    }
  }

  const faults: Fault[] = [];
  if (input.faults !== undefined) {
    if (!Array.isArray(input.faults)) problem('faults', `expected an array, found ${describe(input.faults)}`);
    else {
      input.faults.forEach((raw, i) => {
        const path = `faults[${i}]`;
        if (!isObject(raw)) {
          problem(
            path,
            `expected an object like {"side": "client", "nth": 1, "fault": "drop"}, found ${describe(raw)}`,
          );
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
        else if (isObject(f) && Object.keys(f).length === 1 && 'delayMs' in f) {
          const d = f.delayMs;
          if (typeof d === 'number' && Number.isFinite(d) && d >= 0) fault = { delayMs: d };
          else problem(`${path}.fault.delayMs`, `expected a delay in ms (≥ 0), found ${describe(d)}`);
        } else {
          problem(
            `${path}.fault`,
            `expected "drop", "duplicate" or {"delayMs": N}, found ${describe(f)}${typeof f === 'string' ? didYouMean(f, ['drop', 'duplicate']) : ''}`,
          );
        }
        if (s && fault !== undefined && !Number.isNaN(nth)) faults.push({ side: s, nth, fault });
      });
    }
  }

  let whatIf: Scenario['whatIf'];
  if (input.whatIf !== undefined) whatIf = c.oneOf(input.whatIf, 'whatIf', WHAT_IFS);

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
    ackDelayMs: number(input.ackDelayMs, 'ackDelayMs', SCENARIO_DEFAULTS.ackDelayMs, { min: 0, max: 3_600_000 }),
    client: endpoint('client'),
    server: endpoint('server'),
    options: { handshake, timeWait },
    actions,
    faults,
    seed: number(input.seed, 'seed', SCENARIO_DEFAULTS.seed, { min: 0, max: 4294967295, integer: true }),
    loss: number(input.loss, 'loss', SCENARIO_DEFAULTS.loss, { min: 0, max: 1 }),
    ...(whatIf ? { whatIf } : {}),
    ...(translations ? { translations } : {}),
  };
  return c.problems.length > 0 ? { ok: false, problems: c.problems } : { ok: true, scenario };
}
