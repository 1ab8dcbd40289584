// The shared cache of the User-Agent model against RFC 9111 §4.1 and the
// origin's rule: fixed runs worked out by hand (a stored response without
// Vary fits every request; with Vary, only a request with the same values of
// the fields it names; a field absent matches only absent; private and
// no-store are never stored), and properties that hold for every sequence of
// clients (with Vary every client gets what the origin would give it; the
// stored responses are one per distinct secondary key; without Vary at most
// one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figures, matchStored, runRequests } from '../../../../src/core/models/http-ua-cache/cache.js';
import {
  CLIENT_IDS,
  type ClientId,
  CLIENTS,
  originAnswer,
  RESPONSES,
  type ResponseSetting,
} from '../../../../src/core/models/http-ua-cache/clients.js';

const clients = fc.array(fc.constantFrom(...CLIENT_IDS), { minLength: 1, maxLength: 12 });
const settings = fc.constantFrom(...RESPONSES);

describe('the clients and the origin', () => {
  it('sends the User-Agent strings browsers send, Chrome reduced (minor version 0.0.0, Android 10; K)', () => {
    expect(CLIENTS['android-chrome'].ua).toBe(
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
    );
    expect(CLIENTS['windows-chrome'].ua).toMatch(
      /^Mozilla\/5\.0 \(Windows NT 10\.0; Win64; x64\) .* Chrome\/125\.0\.0\.0 /,
    );
    expect(CLIENTS.curl.ua).toBe('curl/8.5.0');
    // The scraper copies Chrome's string byte for byte, and nothing else: no client hints.
    expect(CLIENTS['fake-chrome'].ua).toBe(CLIENTS['windows-chrome'].ua);
    expect(CLIENTS['fake-chrome'].hints).toEqual([]);
  });

  it('gives client hints to Chromium browsers only (Safari, Firefox, curl and crawlers send none)', () => {
    const mobile = (id: ClientId) => CLIENTS[id].hints.find(([n]) => n === 'Sec-CH-UA-Mobile')?.[1];
    expect(mobile('android-chrome')).toBe('?1');
    expect(mobile('android-chrome-124')).toBe('?1');
    expect(mobile('windows-chrome')).toBe('?0');
    expect(mobile('mac-chrome')).toBe('?0');
    for (const id of ['iphone-safari', 'linux-firefox', 'curl', 'googlebot', 'fake-chrome'] as const)
      expect(mobile(id)).toBeUndefined();
  });

  it('answers by User-Agent: "bot" or "curl" 403 with no-store, "Mobi" mobile.html, any other desktop.html', () => {
    const page = (id: ClientId, r: ResponseSetting = 'vary-ua') => originAnswer(CLIENTS[id], r).page;
    expect(page('iphone-safari')).toBe('mobile.html');
    expect(page('android-chrome')).toBe('mobile.html');
    expect(page('windows-chrome')).toBe('desktop.html');
    expect(page('linux-firefox')).toBe('desktop.html');
    expect(page('fake-chrome')).toBe('desktop.html');
    expect(page('curl')).toBe('403 Forbidden');
    expect(page('googlebot')).toBe('403 Forbidden');
    expect(originAnswer(CLIENTS.curl, 'no-vary')).toMatchObject({
      status: 403,
      storable: false,
      fields: [['Cache-Control', 'no-store']],
    });
  });

  it('says in Vary what it read: nothing, User-Agent, the hint, or the hint and the User-Agent it fell back to', () => {
    const vary = (id: ClientId, r: ResponseSetting) => originAnswer(CLIENTS[id], r).vary;
    expect(vary('windows-chrome', 'no-vary')).toEqual([]);
    expect(vary('windows-chrome', 'vary-ua')).toEqual(['User-Agent']);
    expect(vary('windows-chrome', 'client-hints')).toEqual(['Sec-CH-UA-Mobile']);
    expect(vary('iphone-safari', 'client-hints')).toEqual(['Sec-CH-UA-Mobile', 'User-Agent']);
    expect(originAnswer(CLIENTS['iphone-safari'], 'private')).toMatchObject({
      storable: false,
      notStored: 'private',
      fields: [
        ['Cache-Control', 'private, max-age=300'],
        ['Vary', 'User-Agent'],
      ],
    });
  });
});

describe('the cache, on runs worked out by hand', () => {
  const seq: ClientId[] = ['iphone-safari', 'windows-chrome', 'curl', 'fake-chrome', 'iphone-safari'];
  const summary = (r: ResponseSetting) =>
    runRequests(seq, r).map((o) => `${o.result === 'hit' ? `HIT#${o.from! + 1}` : 'MISS'} ${o.served}`);

  it('without Vary, gives the first stored page to every request after it, bots included (RFC 9111 §4.1)', () => {
    expect(summary('no-vary')).toEqual([
      'MISS mobile.html',
      'HIT#1 mobile.html',
      'HIT#1 mobile.html',
      'HIT#1 mobile.html',
      'HIT#1 mobile.html',
    ]);
    expect(figures(runRequests(seq, 'no-vary'))).toEqual({
      entries: 1,
      misses: 1,
      hits: 4,
      // windows-chrome and fake-chrome should have had desktop.html, curl a 403.
      wrong: 3,
      last: 'mobile.html',
    });
  });

  it('with Vary: User-Agent, keeps one per string: the copied string hits, the 403 is not stored', () => {
    expect(summary('vary-ua')).toEqual([
      'MISS mobile.html',
      'MISS desktop.html',
      'MISS 403 Forbidden',
      'HIT#2 desktop.html',
      'HIT#1 mobile.html',
    ]);
    const run = runRequests(seq, 'vary-ua');
    expect(run.map((o) => o.entries.length)).toEqual([1, 2, 2, 2, 2]);
    // windows-chrome missed because the stored response's User-Agent was iPhone Safari's.
    expect(run[1]!.mismatches).toEqual([
      { from: 0, field: 'User-Agent', stored: CLIENTS['iphone-safari'].ua, here: CLIENTS['windows-chrome'].ua },
    ]);
  });

  it('with Cache-Control: private, stores nothing: every request goes to the origin (RFC 9111 §5.2.2.7)', () => {
    expect(summary('private')).toEqual([
      'MISS mobile.html',
      'MISS desktop.html',
      'MISS 403 Forbidden',
      'MISS desktop.html',
      'MISS mobile.html',
    ]);
  });

  it('with Vary: Sec-CH-UA-Mobile, keeps one per hint value however many Chrome versions ask', () => {
    const chromes: ClientId[] = ['android-chrome', 'windows-chrome', 'mac-chrome', 'android-chrome-124'];
    const run = runRequests(chromes, 'client-hints');
    expect(run.map((o) => o.result)).toEqual(['miss', 'miss', 'hit', 'hit']);
    expect(run.at(-1)!.entries.map((e) => e.key)).toEqual([[['Sec-CH-UA-Mobile', '?1']], [['Sec-CH-UA-Mobile', '?0']]]);
    // The same four with Vary: User-Agent: four strings, four copies.
    expect(figures(runRequests(chromes, 'vary-ua')).entries).toBe(4);
  });

  it('matches a field absent from the request only to one absent from the stored request too', () => {
    // Safari sends no hint: the entries stored for ?1 and ?0 do not fit it, and its own is stored beside them.
    const run = runRequests(['android-chrome', 'windows-chrome', 'iphone-safari', 'iphone-safari'], 'client-hints');
    expect(run.map((o) => o.result)).toEqual(['miss', 'miss', 'miss', 'hit']);
    expect(run[2]!.mismatches.map((m) => [m.field, m.stored, m.here])).toEqual([
      ['Sec-CH-UA-Mobile', '?1', null],
      ['Sec-CH-UA-Mobile', '?0', null],
    ]);
    expect(run[2]!.entries.at(-1)!.key).toEqual([
      ['Sec-CH-UA-Mobile', null],
      ['User-Agent', CLIENTS['iphone-safari'].ua],
    ]);
    // The scraper sends no hint either, but another User-Agent: no match with Safari's entry.
    const stored = run[3]!.entries.at(-1)!;
    expect(matchStored(stored, [['User-Agent', CLIENTS['fake-chrome'].ua]])).toMatchObject({ field: 'User-Agent' });
  });
});

describe('the cache, for every sequence of clients', () => {
  it('with Vary (User-Agent or the hint) or private, serves every client what the origin would give it', () => {
    fc.assert(
      fc.property(clients, fc.constantFrom<ResponseSetting>('vary-ua', 'private', 'client-hints'), (ids, r) => {
        for (const o of runRequests(ids, r)) expect(o.served).toBe(o.origin.page);
      }),
    );
  });

  it('with Vary: User-Agent, stores one response per distinct User-Agent of a client not refused', () => {
    fc.assert(
      fc.property(clients, (ids) => {
        const strings = new Set(
          ids.filter((id) => originAnswer(CLIENTS[id], 'vary-ua').storable).map((id) => CLIENTS[id].ua),
        );
        expect(figures(runRequests(ids, 'vary-ua')).entries).toBe(strings.size);
      }),
    );
  });

  it('without Vary, stores at most one response, and every request after it gets it', () => {
    fc.assert(
      fc.property(clients, (ids) => {
        const run = runRequests(ids, 'no-vary');
        const first = run.findIndex((o) => o.stored);
        expect(run.at(-1)!.entries.length).toBe(first < 0 ? 0 : 1);
        for (const o of run.slice(first + 1)) if (first >= 0) expect(o).toMatchObject({ result: 'hit', from: first });
      }),
    );
  });

  it('with Vary: Sec-CH-UA-Mobile, stores at most two for the clients that send the hint', () => {
    fc.assert(
      fc.property(clients, (ids) => {
        const entries = runRequests(ids, 'client-hints').at(-1)!.entries;
        expect(
          entries.filter((e) => e.key.some(([n, v]) => n === 'Sec-CH-UA-Mobile' && v !== null)).length,
        ).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('never lets stored responses decrease, adds one only on a MISS that is stored, and keeps the counts whole', () => {
    fc.assert(
      fc.property(clients, settings, (ids, r) => {
        const run = runRequests(ids, r);
        let before = 0;
        for (const o of run) {
          expect(o.entries.length).toBe(before + (o.stored ? 1 : 0));
          if (o.result === 'hit') {
            expect(o.stored).toBe(false);
            // A HIT serves a response stored by an earlier MISS, whose page it is.
            expect(run[o.from!]!.stored).toBe(true);
            expect(o.served).toBe(run[o.from!]!.served);
          }
          before = o.entries.length;
        }
        const f = figures(run);
        expect(f.hits + f.misses).toBe(ids.length);
        expect(f.entries).toBeLessThanOrEqual(f.misses);
      }),
    );
  });
});
