// A shared cache in front of the origin, as RFC 9111 has it, for one URL:
// every request is GET /, so the primary cache key (method and target URI)
// is the same for all, and what tells stored responses apart is the
// secondary key: the values, in the request that caused a response to be
// stored, of the request fields its Vary names (§4.1). A stored response
// may be used for a new request only when each of those fields has the same
// value in it (a field absent from both matches; absent from one does not);
// a response without Vary fits every request. When several fit, the most
// recent is used. A response with Cache-Control: private or no-store is
// never stored (§5.2.2.7, §5.2.2.5). Nothing goes stale: the requests come
// within the responses' max-age. Pure.
import {
  type ClientId,
  clientOf,
  type Field,
  fieldValue,
  type OriginAnswer,
  originAnswer,
  type Page,
  type ResponseSetting,
  requestFields,
} from './clients.js';

/** A stored response: the request that stored it and its secondary key. */
export interface Stored {
  /** The request (0-based) whose response this is. */
  from: number;
  page: Page;
  vary: readonly string[];
  /** The values of the fields Vary names, in the request that stored it; null for a field it did not have. */
  key: ReadonlyArray<readonly [name: string, value: string | null]>;
}

/** Why a stored response could not be used for a request: the first field Vary names whose value differs. */
export interface Mismatch {
  from: number;
  field: string;
  stored: string | null;
  here: string | null;
}

export interface Outcome {
  /** 0-based. */
  index: number;
  client: ClientId;
  fields: Field[];
  /** What the origin answers, or would answer, to this request. */
  origin: OriginAnswer;
  result: 'hit' | 'miss';
  /** A hit: the request whose stored response was used. */
  from?: number;
  /** What the client gets. */
  served: Page;
  /** A miss: the origin's response was stored. */
  stored: boolean;
  /** A miss with responses stored: why none of them fit, each. */
  mismatches: Mismatch[];
  /** The stored responses after this request. */
  entries: Stored[];
}

const valueIn = (fields: readonly Field[], name: string): string | null => fieldValue(fields, name) ?? null;

/** Whether `stored` may be used for a request with these fields, or the first field that differs. */
export function matchStored(stored: Stored, fields: readonly Field[]): Mismatch | null {
  for (const [name, value] of stored.key) {
    const here = valueIn(fields, name);
    if (here !== value) return { from: stored.from, field: name, stored: value, here };
  }
  return null;
}

/** The requests of `clients`, in order, through the cache to the origin whose responses are `response`. */
export function runRequests(clients: readonly ClientId[], response: ResponseSetting): Outcome[] {
  let entries: Stored[] = [];
  return clients.map((id, index) => {
    const client = clientOf(id);
    const fields = requestFields(client);
    const origin = originAnswer(client, response);
    const mismatches: Mismatch[] = [];
    let hit: Stored | undefined;
    // The most recent first.
    for (const s of [...entries].reverse()) {
      const m = matchStored(s, fields);
      if (m) mismatches.push(m);
      else {
        hit = s;
        break;
      }
    }
    if (hit) {
      return {
        index,
        client: id,
        fields,
        origin,
        result: 'hit',
        from: hit.from,
        served: hit.page,
        stored: false,
        mismatches: [],
        entries,
      };
    }
    if (origin.storable) {
      const key = origin.vary.map((name) => [name, valueIn(fields, name)] as const);
      entries = [...entries, { from: index, page: origin.page, vary: origin.vary, key }];
    }
    return {
      index,
      client: id,
      fields,
      origin,
      result: 'miss',
      served: origin.page,
      stored: origin.storable,
      mismatches: mismatches.reverse(),
      entries,
    };
  });
}

/** The figures a computed answer reads off a run. */
export interface RunFigures {
  /** Responses stored at the end. */
  entries: number;
  /** Requests that reached the origin. */
  misses: number;
  hits: number;
  /** Requests that got another response than the origin would have given them. */
  wrong: number;
  /** What the last request gets. */
  last: Page | undefined;
}

export function figures(outcomes: readonly Outcome[]): RunFigures {
  return {
    entries: outcomes.at(-1)?.entries.length ?? 0,
    misses: outcomes.filter((o) => o.result === 'miss').length,
    hits: outcomes.filter((o) => o.result === 'hit').length,
    wrong: outcomes.filter((o) => o.served !== o.origin.page).length,
    last: outcomes.at(-1)?.served,
  };
}
