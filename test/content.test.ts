// Every shipped lesson is checked like `rustlings dev check`: it validates,
// every computed answer grades right, every wrong answer grades wrong, and
// every predict question can be answered from the engine's run. Computed
// answers and predict questions are also checked against answers worked out
// by hand (the tables below), so an engine or grader bug cannot confirm itself.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tcpOf } from './helpers/tcp-page.js';
import { drawParams, expectedAnswer, grade } from '../src/core/grading/grade.js';
import { gradePredict, predictChoices, predictExpected } from '../src/core/models/tcp/predict.js';
import { text } from '../src/core/i18n/localize.js';
import type { Exercise, Lesson } from '../src/core/lessons/types.js';
import type { PredictAsk } from '../src/core/models/tcp/types.js';
import { findEvent, initialPlayerState, type PlayerState, playerReducer } from '../src/core/models/tcp/player.js';
import { getBuiltinScenario } from '../src/core/scenario/builtins.js';
import { simulate } from '../src/core/tcp/simulate.js';
import { askAbout, gradeChoice, type MultipartSettings } from '../src/core/models/http-multipart/model.js';
import { bytesOf } from '../src/core/models/http-multipart/multipart.js';
import { loadLessonPack } from '../src/node/lesson-files.js';
import { httpGatewayKind } from '../src/core/models/http-gateway/kind.js';
import type { GatewayAction, GatewaySettings, GatewayState } from '../src/core/models/http-gateway/player.js';
import { httpProxyKind } from '../src/core/models/http-proxy/kind.js';
import { example } from '../src/core/models/http-proxy/examples.js';
import type { ProxyMode } from '../src/core/models/http-proxy/forward.js';
import { type HttpRequest, parseRequest } from '../src/core/models/http-proxy/message.js';
import { type ProxySettings, type ProxyState, proxyReducer, restart } from '../src/core/models/http-proxy/model.js';
import { gradeQuestion } from '../src/core/models/http-proxy/questions.js';
import type { UaCacheSettings, UaCacheState } from '../src/core/models/http-ua-cache/model.js';
import type { VersionsAction } from '../src/core/models/http-versions/state.js';
import type { VersionsPage } from '../src/core/models/http-versions/types.js';
import { findKind } from '../src/core/models/registry.js';
import { pageScenarios, resolveReviews, splitFrom } from '../src/core/lessons/review.js';
import { gradedIds } from '../src/core/progress/score.js';
import { gradeExercise, solutionOf } from '../src/core/tutor/content.js';

const dir = fileURLToPath(new URL('../lessons/', import.meta.url));
const loaded = loadLessonPack(dir, 'builtin');

function wrongAnswers(e: Exercise, expected: string): Array<string | string[]> {
  switch (e.type) {
    case 'single':
      return e.options.filter((o) => o.id !== e.answer).map((o) => o.id);
    case 'multiple':
      return [
        e.answer.slice(1),
        [
          ...e.answer,
          ...e.options
            .filter((o) => !e.answer.includes(o.id))
            .map((o) => o.id)
            .slice(0, 1),
        ],
      ];
    case 'ordering':
      return [e.items.map((i) => i.id), [...e.answer].reverse()];
    case 'short':
      return e.kind === 'number' ? [String(Number(expected) + 1), String(Number(expected) - 1)] : ['not-the-answer'];
  }
}

describe('the shipped lessons', () => {
  it('all validate, and nothing in lessons/ is left over', () => {
    expect(loaded.problems).toEqual([]);
    const folders = readdirSync(dir).filter((f) => !f.startsWith('.'));
    expect(loaded.lessons).toHaveLength(folders.length);
  });

  it('have unique ids and orders, an English title and a zh-CN title', () => {
    expect(new Set(loaded.lessons.map((l) => l.id)).size).toBe(loaded.lessons.length);
    expect(new Set(loaded.lessons.map((l) => l.order)).size).toBe(loaded.lessons.length);
    for (const l of loaded.lessons) expect(text(l.title, 'zh-CN')).not.toBe(text(l.title, 'en'));
  });

  // A review lesson's pages are another lesson's items: they are checked below, through the review.
  for (const lesson of (loaded.lessons as Lesson[]).filter((l) => l.pages.some((p) => p.exercise || p.model))) {
    describe(lesson.id, () => {
      for (const page of lesson.pages.filter((p) => p.exercise)) {
        const e = page.exercise!;
        it(`${e.id}: the expected answer grades right and wrong answers grade wrong`, () => {
          for (const r of [0, 0.37, 0.999]) {
            const params = drawParams(e, () => r);
            const ctx = { params, lesson };
            const expected = expectedAnswer(e, ctx);
            const right: string | string[] =
              e.type === 'short' ? text(expected[0]!, 'en') : e.type === 'single' ? e.answer : e.answer;
            expect(grade(e, right, ctx).correct).toBe(true);
            for (const wrong of wrongAnswers(e, text(expected[0]!, 'en')))
              expect(grade(e, wrong, ctx).correct).toBe(false);
          }
        });
      }
      for (const page of lesson.pages.filter((p) => tcpOf(p))) {
        const sim = tcpOf(page)!;
        it(`${page.id}: its scenario runs and every predict question has an answer among its choices`, () => {
          const scenario = lesson.scenarios?.[sim.scenario] ?? getBuiltinScenario(sim.scenario);
          expect(scenario).toBeDefined();
          const result = simulate(scenario!);
          for (const point of sim.predict ?? []) {
            const at = findEvent(result.events, point.before);
            expect(at, `${point.id} selects no event`).toBeGreaterThan(0);
            const expected = predictExpected(result, at - 1, point.ask);
            expect(expected).toBeDefined();
            expect(predictChoices(result, at - 1, point.ask)).toContain(expected);
            expect(gradePredict(result, at - 1, point.ask, expected!).correct).toBe(true);
          }
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------
// Answers worked out by hand from the TCP rules, one row per computed exercise
// (a short answer whose `answer` is `{sim: …}` or `{expr: …}`), at fixed
// parameters within the exercise's ranges: its lowest, its highest and one
// in between. A new computed exercise needs rows here before the tests pass.
interface HandAnswer {
  lesson: string;
  exercise: string;
  params: Record<string, string | number>;
  expected: string;
}

const HAND_ANSWERS: HandAnswer[] = [
  // The server's SYN,ACK acknowledges the client's SYN, which occupies one sequence number: ack = ISN + 1.
  { lesson: 'how-nettutor-works', exercise: 'synack-ack-number', params: { isn: 1000 }, expected: '1001' },
  { lesson: 'how-nettutor-works', exercise: 'synack-ack-number', params: { isn: 4000000 }, expected: '4000001' },
  { lesson: 'how-nettutor-works', exercise: 'synack-ack-number', params: { isn: 271828 }, expected: '271829' },
  // The SYN,ACK's seq is the server's own ISN, whatever the client's ISN is.
  {
    lesson: 'three-way-handshake',
    exercise: 'synack-seq-number',
    params: { cisn: 1000, sisn: 1000000 },
    expected: '1000000',
  },
  {
    lesson: 'three-way-handshake',
    exercise: 'synack-seq-number',
    params: { cisn: 900000, sisn: 4000000000 },
    expected: '4000000000',
  },
  {
    lesson: 'three-way-handshake',
    exercise: 'synack-seq-number',
    params: { cisn: 31337, sisn: 2718281828 },
    expected: '2718281828',
  },
  // The SYN is lost and sent again with the same seq; the SYN,ACK that answers it still has ack = ISN + 1.
  { lesson: 'three-way-handshake', exercise: 'synack-ack-with-isn', params: { isn: 1000 }, expected: '1001' },
  { lesson: 'three-way-handshake', exercise: 'synack-ack-with-isn', params: { isn: 900000 }, expected: '900001' },
  { lesson: 'three-way-handshake', exercise: 'synack-ack-with-isn', params: { isn: 31337 }, expected: '31338' },
  // Nobody listens: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, and the SYN counts 1 in SEG.LEN: ack = ISN + 1.
  { lesson: 'three-way-handshake', exercise: 'refused-ack-number', params: { isn: 1000 }, expected: '1001' },
  { lesson: 'three-way-handshake', exercise: 'refused-ack-number', params: { isn: 4000000 }, expected: '4000001' },
  { lesson: 'three-way-handshake', exercise: 'refused-ack-number', params: { isn: 123456 }, expected: '123457' },
  // teardown, half-close.json: the server's SYN takes its ISN, its reply (sent in CLOSE-WAIT, after the client's
  // FIN) the next `bytes` numbers, so its FIN has seq = ISN + 1 + bytes. 1500 bytes go in two segments (MSS 1000).
  { lesson: 'teardown', exercise: 'server-fin-seq-number', params: { isn: 1000, bytes: 100 }, expected: '1101' },
  {
    lesson: 'teardown',
    exercise: 'server-fin-seq-number',
    params: { isn: 4000000000, bytes: 3000 },
    expected: '4000003001',
  },
  { lesson: 'teardown', exercise: 'server-fin-seq-number', params: { isn: 271828, bytes: 1500 }, expected: '273329' },
  // lost-fin: the FIN sent again is the same FIN, seq = ISN + 1 + bytes; the server's ACK of it is ISN + bytes + 2.
  { lesson: 'teardown', exercise: 'lost-fin-ack-number', params: { isn: 1000, bytes: 1 }, expected: '1003' },
  { lesson: 'teardown', exercise: 'lost-fin-ack-number', params: { isn: 4000000, bytes: 1000 }, expected: '4001002' },
  { lesson: 'teardown', exercise: 'lost-fin-ack-number', params: { isn: 314159, bytes: 265 }, expected: '314426' },
  // close-wait-leak: the client's FIN has seq = ISN + 1 (SYN) + bytes; it occupies one more, so the server's
  // ACK of it is ISN + bytes + 2, sent at once although the server's application never closes.
  { lesson: 'close-wait', exercise: 'fin-ack-number', params: { isn: 1000, bytes: 1 }, expected: '1003' },
  { lesson: 'close-wait', exercise: 'fin-ack-number', params: { isn: 4000000, bytes: 1000 }, expected: '4001002' },
  { lesson: 'close-wait', exercise: 'fin-ack-number', params: { isn: 271828, bytes: 100 }, expected: '271930' },
  // time-wait: the client's second ACK of the server's FIN, sent from TIME-WAIT, acknowledges the same FIN as
  // the lost one: the server's SYN (1), its reply (bytes) and its FIN (1) each occupy sequence numbers.
  { lesson: 'time-wait', exercise: 'reack-ack-number', params: { isn: 1000, bytes: 100 }, expected: '1102' },
  { lesson: 'time-wait', exercise: 'reack-ack-number', params: { isn: 3000000, bytes: 1000 }, expected: '3001002' },
  { lesson: 'time-wait', exercise: 'reack-ack-number', params: { isn: 271828, bytes: 300 }, expected: '272130' },
  // A FIN arriving again in TIME-WAIT restarts the 2·MSL timer: it ends 2·MSL after t + gap.
  { lesson: 'time-wait', exercise: 'time-wait-ends-at', params: { t: 600, gap: 200, msl: 1000 }, expected: '2800' },
  { lesson: 'time-wait', exercise: 'time-wait-ends-at', params: { t: 900, gap: 400, msl: 2000 }, expected: '5300' },
  { lesson: 'time-wait', exercise: 'time-wait-ends-at', params: { t: 750, gap: 300, msl: 1500 }, expected: '4050' },
  // Each local port towards one ip:port is held 60 s (Linux's TIME-WAIT): ports ÷ 60, rounded down.
  // 28232 / 60 = 470.5; 64512 / 60 = 1075.2; 51000 / 60 = 850.
  { lesson: 'time-wait', exercise: 'connections-per-second', params: { lo: 32768, hi: 60999 }, expected: '470' },
  { lesson: 'time-wait', exercise: 'connections-per-second', params: { lo: 1024, hi: 65535 }, expected: '1075' },
  { lesson: 'time-wait', exercise: 'connections-per-second', params: { lo: 10000, hi: 60999 }, expected: '850' },
  // The 504 of a slow upstream: the request takes lat to the gateway, whose timer starts as it sends the request
  // on and runs the whole timeout (the upstream's legs are inside it), then the 504 takes lat back: 2·lat + timeout.
  { lesson: 'status-codes', exercise: 'time-of-504', params: { lat: 5, up: 1, timeout: 1000 }, expected: '1010' },
  { lesson: 'status-codes', exercise: 'time-of-504', params: { lat: 80, up: 30, timeout: 60000 }, expected: '60160' },
  { lesson: 'status-codes', exercise: 'time-of-504', params: { lat: 35, up: 12, timeout: 3000 }, expected: '3070' },
  // The contract's table (RFC 9110 §15): the status the client gets for each condition upstream.
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'needs-login' }, expected: '401' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'forbidden' }, expected: '403' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'crashes' }, expected: '500' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'refused' }, expected: '502' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'garbage' }, expected: '502' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'slow' }, expected: '504' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'overloaded' }, expected: '503' },
  { lesson: 'status-codes', exercise: 'code-for-condition', params: { cond: 'no-healthy-upstream' }, expected: '503' },
  // Who generates it: the origin when it answers at all (its answer passed on), else the gateway itself.
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'needs-login' }, expected: 'origin' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'forbidden' }, expected: 'origin' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'crashes' }, expected: 'origin' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'refused' }, expected: 'gateway' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'garbage' }, expected: 'gateway' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'slow' }, expected: 'gateway' },
  { lesson: 'status-codes', exercise: 'who-for-condition', params: { cond: 'overloaded' }, expected: 'origin' },
  {
    lesson: 'status-codes',
    exercise: 'who-for-condition',
    params: { cond: 'no-healthy-upstream' },
    expected: 'gateway',
  },
  // proxies: each proxy appends "<version it received> <name>" to Via (RFC 9110 §7.6.3). The first received the
  // client's version; it sends HTTP/1.1, its own (RFC 9110 §2.5), so the second always writes 1.1.
  {
    lesson: 'proxies',
    exercise: 'via-value',
    params: { v: '1.0', a: 'corp', b: 'isp' },
    expected: '1.0 corp, 1.1 isp',
  },
  {
    lesson: 'proxies',
    exercise: 'via-value',
    params: { v: '1.1', a: 'cache1', b: 'squid' },
    expected: '1.1 cache1, 1.1 squid',
  },
  { lesson: 'proxies', exercise: 'via-value', params: { v: '1.0', a: 'edge', b: 'gw' }, expected: '1.0 edge, 1.1 gw' },
  // OPTIONS: each of the two proxies forwards Max-Forwards one lower (RFC 9110 §7.6.2): mf - 2.
  { lesson: 'proxies', exercise: 'max-forwards-value', params: { mf: 2 }, expected: '0' },
  { lesson: 'proxies', exercise: 'max-forwards-value', params: { mf: 20 }, expected: '18' },
  { lesson: 'proxies', exercise: 'max-forwards-value', params: { mf: 7 }, expected: '5' },
  // multipart: a file part's Content-Disposition (RFC 7578 §4.2): the type form-data, the field's name, the
  // file's name, each quoted.
  {
    lesson: 'multipart',
    exercise: 'file-part-disposition',
    params: { field: 'photo', file: 'cat.png' },
    expected: 'form-data; name="photo"; filename="cat.png"',
  },
  {
    lesson: 'multipart',
    exercise: 'file-part-disposition',
    params: { field: 'attachment', file: 'holiday 2024.jpg' },
    expected: 'form-data; name="attachment"; filename="holiday 2024.jpg"',
  },
  {
    lesson: 'multipart',
    exercise: 'file-part-disposition',
    params: { field: 'scan', file: 'report.pdf' },
    expected: 'form-data; name="scan"; filename="report.pdf"',
  },
  // The request's Content-Type: the boundary as a parameter, quoted when it holds a character a token cannot
  // (the colon, the space; hyphens and letters need no quotes).
  {
    lesson: 'multipart',
    exercise: 'request-content-type',
    params: { b: 'AaB03x' },
    expected: 'multipart/form-data; boundary=AaB03x',
  },
  {
    lesson: 'multipart',
    exercise: 'request-content-type',
    params: { b: 'gc0pJq0M:08jU534c0p' },
    expected: 'multipart/form-data; boundary="gc0pJq0M:08jU534c0p"',
  },
  {
    lesson: 'multipart',
    exercise: 'request-content-type',
    params: { b: '----WebKitFormBoundary7MA4YWxkTrZu0gW' },
    expected: 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
  },
  {
    lesson: 'multipart',
    exercise: 'request-content-type',
    params: { b: 'simple boundary' },
    expected: 'multipart/form-data; boundary="simple boundary"',
  },
  // HTTP/1.1 on one persistent connection: one handshake (rtt), then each request a round trip and its server
  // time, one after another: rtt + n × (rtt + s). 40 + 3 × 50; 120 + 8 × 210; 80 + 5 × 115.
  { lesson: 'http-versions', exercise: 'keep-alive-total', params: { n: 3, rtt: 40, s: 10 }, expected: '190' },
  { lesson: 'http-versions', exercise: 'keep-alive-total', params: { n: 8, rtt: 120, s: 90 }, expected: '1800' },
  { lesson: 'http-versions', exercise: 'keep-alive-total', params: { n: 5, rtt: 80, s: 35 }, expected: '655' },
  // k connections open together (one rtt), then ⌈n / k⌉ rounds of rtt + s: 5 over 2 is 3 rounds, 12 over 4
  // is 3, 7 over 3 is 3. 40 + 3 × 60; 100 + 3 × 180; 60 + 3 × 110.
  {
    lesson: 'http-versions',
    exercise: 'parallel-total',
    params: { n: 5, k: 2, rtt: 40, s: 20 },
    expected: '220',
  },
  {
    lesson: 'http-versions',
    exercise: 'parallel-total',
    params: { n: 12, k: 4, rtt: 100, s: 80 },
    expected: '640',
  },
  {
    lesson: 'http-versions',
    exercise: 'parallel-total',
    params: { n: 7, k: 3, rtt: 60, s: 50 },
    expected: '390',
  },
  // Content-Range: bytes a-b/total carries bytes a to b, both included: b - a + 1.
  {
    lesson: 'http-versions',
    exercise: 'content-range-bytes',
    params: { a: 100, b: 4001, total: 8000 },
    expected: '3902',
  },
  {
    lesson: 'http-versions',
    exercise: 'content-range-bytes',
    params: { a: 4000, b: 7999, total: 20000 },
    expected: '4000',
  },
  {
    lesson: 'http-versions',
    exercise: 'content-range-bytes',
    params: { a: 500, b: 5999, total: 8000 },
    expected: '5500',
  },
  // user-agent, Vary: User-Agent: one stored response per distinct User-Agent string whose response may be
  // stored (a 403 says no-store); fake-chrome sends windows-chrome's string, so it hits windows-chrome's.
  // iphone, windows, android stored; curl 403; windows and fake-chrome hit windows': 3.
  {
    lesson: 'user-agent',
    exercise: 'entries-for-clients',
    params: {
      a: 'iphone-safari',
      b: 'windows-chrome',
      c: 'android-chrome',
      d: 'curl',
      e: 'windows-chrome',
      f: 'fake-chrome',
    },
    expected: '3',
  },
  // windows stored; curl 403; fake-chrome hits windows'; mac, iphone, android stored: 4.
  {
    lesson: 'user-agent',
    exercise: 'entries-for-clients',
    params: {
      a: 'windows-chrome',
      b: 'curl',
      c: 'fake-chrome',
      d: 'mac-chrome',
      e: 'iphone-safari',
      f: 'android-chrome',
    },
    expected: '4',
  },
  // iphone, fake-chrome (Chrome's string, stored as it); iphone hits; googlebot 403; Chrome 124 on Android and
  // Firefox stored: 4.
  {
    lesson: 'user-agent',
    exercise: 'entries-for-clients',
    params: {
      a: 'iphone-safari',
      b: 'fake-chrome',
      c: 'iphone-safari',
      d: 'googlebot',
      e: 'android-chrome-124',
      f: 'linux-firefox',
    },
    expected: '4',
  },
  // windows stored; the copies and windows again hit it; curl 403; android stored: 2.
  {
    lesson: 'user-agent',
    exercise: 'entries-for-clients',
    params: {
      a: 'windows-chrome',
      b: 'fake-chrome',
      c: 'fake-chrome',
      d: 'curl',
      e: 'windows-chrome',
      f: 'android-chrome',
    },
    expected: '2',
  },
  // user-agent, no Vary: the first response that may be stored is given to every request after it; count those
  // whose own answer from the origin would differ. iphone stores mobile.html; android right; curl and googlebot
  // get mobile.html instead of 403; iphone right: 2.
  {
    lesson: 'user-agent',
    exercise: 'wrong-without-vary',
    params: { a: 'iphone-safari', b: 'android-chrome', c: 'curl', d: 'googlebot', e: 'iphone-safari' },
    expected: '2',
  },
  // curl's 403 is not stored (and is what the origin says); fake-chrome stores desktop.html; iphone, Chrome 124
  // on Android and curl get desktop.html: 3.
  {
    lesson: 'user-agent',
    exercise: 'wrong-without-vary',
    params: { a: 'curl', b: 'fake-chrome', c: 'iphone-safari', d: 'android-chrome-124', e: 'curl' },
    expected: '3',
  },
  // All desktops: desktop.html stored and right for all: 0.
  {
    lesson: 'user-agent',
    exercise: 'wrong-without-vary',
    params: { a: 'windows-chrome', b: 'mac-chrome', c: 'linux-firefox', d: 'windows-chrome', e: 'fake-chrome' },
    expected: '0',
  },
];

// The answer to each predict question of the shipped lessons, worked out by
// hand for the scenario at the point where the player stops (the default
// ISNs: client 1000, server 5000).
interface HandPrediction {
  lesson: string;
  point: string;
  ask: PredictAsk;
  expected: string;
}

const HAND_PREDICTIONS: HandPrediction[] = [
  // handshake: before the server's first segment, its SYN,ACK acknowledges the SYN: 1000 + 1.
  { lesson: 'three-way-handshake', point: 'predict-synack-ack', ask: 'next-ack', expected: '1001' },
  // Before the client's second state change: its SYN is acknowledged, so SYN-SENT → ESTABLISHED.
  { lesson: 'three-way-handshake', point: 'predict-client-established', ask: 'next-state', expected: 'ESTABLISHED' },
  // Before the client's second segment: the third segment acknowledges the server's SYN: 5000 + 1.
  { lesson: 'three-way-handshake', point: 'predict-third-ack', ask: 'next-ack', expected: '5001' },
  // lost-syn: the client's second segment is the SYN sent again, with the same seq as the first.
  { lesson: 'three-way-handshake', point: 'predict-retransmitted-seq', ask: 'next-seq', expected: '1000' },
  // old-duplicate-syn: the client, CLOSED by now, gets a SYN,ACK for no connection of its own; the segment has
  // ACK set, so the answer is <SEQ=SEG.ACK><CTL=RST>: a bare RST.
  { lesson: 'three-way-handshake', point: 'predict-stale-reply', ask: 'next-flags', expected: 'RST' },
  // The RST is acceptable and the server came to SYN-RECEIVED from LISTEN: back to LISTEN.
  { lesson: 'three-way-handshake', point: 'predict-back-to-listen', ask: 'next-state', expected: 'LISTEN' },
  // The two-way what-if: a SYN alone takes the listening server to ESTABLISHED.
  { lesson: 'three-way-handshake', point: 'predict-two-way-state', ask: 'next-state', expected: 'ESTABLISHED' },
  // connection-refused: no listener, so the SYN (no ACK bit) draws RST,ACK.
  { lesson: 'three-way-handshake', point: 'predict-refused-flags', ask: 'next-flags', expected: 'RST,ACK' },
  // simultaneous-open: a SYN without ACK reaches the client in SYN-SENT: SYN-RECEIVED.
  { lesson: 'three-way-handshake', point: 'predict-simultaneous-state', ask: 'next-state', expected: 'SYN-RECEIVED' },
  // The client, ESTABLISHED on the server's SYN,ACK, answers it with a pure ACK (as Linux does).
  { lesson: 'three-way-handshake', point: 'predict-simultaneous-extra-ack', ask: 'next-flags', expected: 'ACK' },
  // teardown, client-close: the server's ACK of the FIN reaches the client in FIN-WAIT-1: FIN-WAIT-2.
  { lesson: 'teardown', point: 'predict-fin-wait-2', ask: 'next-state', expected: 'FIN-WAIT-2' },
  // The server's FIN: after its SYN (5000) it sent only bare ACKs, which occupy no number: seq 5001.
  { lesson: 'teardown', point: 'predict-server-fin-seq', ask: 'next-seq', expected: '5001' },
  // The client's last ACK acknowledges that FIN, which occupies one number: 5001 + 1.
  { lesson: 'teardown', point: 'predict-last-ack', ask: 'next-ack', expected: '5002' },
  // half-close.json: the client, in FIN-WAIT-2, acknowledges the server's 300 bytes, seq 5001 to 5300: ack 5301.
  { lesson: 'teardown', point: 'predict-ack-after-fin', ask: 'next-ack', expected: '5301' },
  // three-segment-close: the server's ACK of the FIN is still held back when its application closes: one
  // segment carries both, FIN,ACK.
  { lesson: 'teardown', point: 'predict-fin-carries-ack', ask: 'next-flags', expected: 'FIN,ACK' },
  // That FIN,ACK acknowledges the client's FIN (ack 1102) in FIN-WAIT-1: straight to TIME-WAIT (RFC Figure 5 note 2).
  { lesson: 'teardown', point: 'predict-straight-to-time-wait', ask: 'next-state', expected: 'TIME-WAIT' },
  // server-close: the ESTABLISHED server sends the first FIN: FIN-WAIT-1.
  { lesson: 'teardown', point: 'predict-server-fin-wait-1', ask: 'next-state', expected: 'FIN-WAIT-1' },
  // lost-fin: the FIN sent again has the lost one's seq, 1000 + 1 (SYN) + 100 bytes = 1101 ...
  { lesson: 'teardown', point: 'predict-fin-again-seq', ask: 'next-seq', expected: '1101' },
  // ... and the server acknowledges it with 1101 + 1.
  { lesson: 'teardown', point: 'predict-fin-again-ack', ask: 'next-ack', expected: '1102' },
  // abort: the client's application aborts: a RST (no ACK bit: <SEQ=SND.NXT><CTL=RST>), not a FIN.
  { lesson: 'teardown', point: 'predict-abort-flags', ask: 'next-flags', expected: 'RST' },
  // The RST reaches the ESTABLISHED server, which goes straight to CLOSED.
  { lesson: 'teardown', point: 'predict-reset-state', ask: 'next-state', expected: 'CLOSED' },
  // simultaneous-close: the client acknowledges the server's FIN after sending its own (seq 1101): seq 1102.
  { lesson: 'teardown', point: 'predict-closing-ack-seq', ask: 'next-seq', expected: '1102' },
  // The server's FIN (ack 1101) does not acknowledge the client's FIN: FIN-WAIT-1 → CLOSING.
  { lesson: 'teardown', point: 'predict-client-closing', ask: 'next-state', expected: 'CLOSING' },
  // client-close: the client's FIN has seq 1101 (1000 + SYN + 100 bytes); the server acknowledges it: 1102.
  { lesson: 'close-wait', point: 'predict-fin-ack', ask: 'next-ack', expected: '1102' },
  // The server's application calls close() in CLOSE-WAIT: it sends its FIN and enters LAST-ACK.
  { lesson: 'close-wait', point: 'predict-last-ack', ask: 'next-state', expected: 'LAST-ACK' },
  // close-wait-leak: the server's ACK of the FIN reaches the client in FIN-WAIT-1: FIN-WAIT-2.
  { lesson: 'close-wait', point: 'predict-peer-fin-wait-2', ask: 'next-state', expected: 'FIN-WAIT-2' },
  // server-close: the server's FIN reaches the ESTABLISHED client: CLOSE-WAIT.
  { lesson: 'close-wait', point: 'predict-client-close-wait', ask: 'next-state', expected: 'CLOSE-WAIT' },
  // server-close: the server sent the first FIN, it was acknowledged, and it has just ACKed the client's FIN:
  // FIN-WAIT-2 → TIME-WAIT. The active closer waits, server or not.
  { lesson: 'time-wait', point: 'predict-server-time-wait', ask: 'next-state', expected: 'TIME-WAIT' },
  // simultaneous-close: the client's FIN reaches the server before the server's own FIN is acknowledged
  // (the client's FIN carries ack=5001, not 5002): FIN-WAIT-1 → CLOSING.
  { lesson: 'time-wait', point: 'predict-closing', ask: 'next-state', expected: 'CLOSING' },
  // lost-final-ack: the server's FIN sent again has the first FIN's seq: ISN 5000 + 1 (SYN), no data sent.
  { lesson: 'time-wait', point: 'predict-fin-again-seq', ask: 'next-seq', expected: '5001' },
  // The client, in TIME-WAIT, acknowledges that FIN again: its seq 5001 + 1.
  { lesson: 'time-wait', point: 'predict-reack', ask: 'next-ack', expected: '5002' },
  // same-four-tuple.json: the old data segment reaches the server back in LISTEN; it carries ACK, so the
  // answer is <SEQ=SEG.ACK><CTL=RST>, a bare RST.
  { lesson: 'time-wait', point: 'predict-listen-rst', ask: 'next-flags', expected: 'RST' },
  // head-of-line: the server's first data segment (seq 5001) is lost; the next one arrives out of order, and
  // the client's ACK still names the first byte it lacks: 5001.
  { lesson: 'http-versions', point: 'predict-dup-ack', ask: 'next-ack', expected: '5001' },
  // The retransmission fills the gap: all 4000 bytes are in, and the ACK names the next byte, 5001 + 4000.
  { lesson: 'http-versions', point: 'predict-gap-filled', ask: 'next-ack', expected: '9001' },
];

const computed = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) => {
    const e = page.exercise;
    return e?.type === 'short' && !('value' in e.answer) ? [{ lesson, exercise: e }] : [];
  }),
);

const predictPoints = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) =>
    (tcpOf(page)?.predict ?? []).map((point) => ({ lesson, page, scenario: tcpOf(page)!.scenario, point })),
  ),
);

describe('computed answers of the shipped lessons, against answers worked out by hand', () => {
  it('have a hand-worked row for every computed exercise, and no row for one that is gone', () => {
    for (const { lesson, exercise } of computed) {
      const rows = HAND_ANSWERS.filter((r) => r.lesson === lesson.id && r.exercise === exercise.id);
      expect(
        rows.length,
        `${lesson.id}/${exercise.id} computes its answer: add rows { lesson, exercise, params, expected } ` +
          'for it to HAND_ANSWERS in test/content.test.ts, with the expected answer worked out by hand',
      ).toBeGreaterThan(0);
    }
    for (const row of HAND_ANSWERS) {
      expect(
        computed.some((c) => c.lesson.id === row.lesson && c.exercise.id === row.exercise),
        `HAND_ANSWERS has a row for ${row.lesson}/${row.exercise}, which is not a computed exercise of the shipped lessons`,
      ).toBe(true);
    }
  });

  for (const row of HAND_ANSWERS) {
    const found = computed.find((c) => c.lesson.id === row.lesson && c.exercise.id === row.exercise);
    it(`${row.lesson}/${row.exercise} with ${JSON.stringify(row.params)} is ${row.expected}`, () => {
      expect(found, 'no such computed exercise (see the test above)').toBeDefined();
      const { lesson, exercise } = found!;
      // The row's parameters are ones a learner can draw.
      expect(Object.keys(row.params).sort()).toEqual(Object.keys(exercise.params ?? {}).sort());
      for (const [name, v] of Object.entries(row.params)) {
        const spec = exercise.params![name]!;
        if ('int' in spec) {
          expect(v).toBeGreaterThanOrEqual(spec.int[0]);
          expect(v).toBeLessThanOrEqual(spec.int[1]);
        } else expect(spec.choice).toContain(v);
      }
      const ctx = { params: row.params, lesson };
      expect(expectedAnswer(exercise, ctx).map((t) => text(t, 'en'))).toEqual([row.expected]);
      expect(grade(exercise, row.expected, ctx).correct).toBe(true);
      if (exercise.kind === 'number') {
        for (const off of [1, -1]) expect(grade(exercise, String(Number(row.expected) + off), ctx).correct).toBe(false);
      }
    });
  }
});

/** Plays the page's run as the player does, answering each question it stops at; returns where it stopped. */
function playThrough(start: PlayerState): Map<string, number> {
  const stops = new Map<string, number>();
  let s = playerReducer(start, { type: 'play/toggle' });
  for (let guard = 0; guard < 10_000; guard++) {
    if (s.predict && !s.predict.answered) {
      stops.set(s.predict.point.id, s.predict.at);
      s = playerReducer(s, { type: 'predict/answered', correct: true });
      s = playerReducer(s, { type: 'play/toggle' });
      continue;
    }
    if (!s.playing) return stops;
    s = playerReducer(s, { type: 'tick' });
  }
  throw new Error('the player did not reach the end of the run');
}

describe('predict questions of the shipped lessons, against answers worked out by hand', () => {
  it('have a hand-worked row for every predict point, and no row for one that is gone', () => {
    for (const { lesson, point } of predictPoints) {
      expect(
        HAND_PREDICTIONS.some((r) => r.lesson === lesson.id && r.point === point.id),
        `${lesson.id}/${point.id} asks a predict question: add a row { lesson, point, ask, expected } for it ` +
          'to HAND_PREDICTIONS in test/content.test.ts, with the answer worked out by hand',
      ).toBe(true);
    }
    for (const row of HAND_PREDICTIONS) {
      expect(
        predictPoints.some((p) => p.lesson.id === row.lesson && p.point.id === row.point),
        `HAND_PREDICTIONS has a row for ${row.lesson}/${row.point}, which is not a predict point of the shipped lessons`,
      ).toBe(true);
    }
  });

  for (const row of HAND_PREDICTIONS) {
    const found = predictPoints.find((p) => p.lesson.id === row.lesson && p.point.id === row.point);
    it(`${row.lesson}/${row.point}: ${row.ask} is ${row.expected}`, () => {
      expect(found, 'no such predict point (see the test above)').toBeDefined();
      const { lesson, page, scenario: name, point } = found!;
      expect(point.ask).toBe(row.ask);
      const scenario = lesson.scenarios?.[name] ?? getBuiltinScenario(name)!;
      // Where the player, playing the page's run, stops to ask this question.
      const start = initialPlayerState(scenario, tcpOf(page)!.predict ?? []);
      const at = playThrough(start).get(point.id);
      expect(at, `the player never stops for ${point.id}`).toBeDefined();
      expect(at).toBe(findEvent(start.result.events, point.before) - 1);
      expect(predictExpected(start.result, at!, point.ask)).toBe(row.expected);
      expect(gradePredict(start.result, at!, point.ask, row.expected).correct).toBe(true);
      const choices = predictChoices(start.result, at!, point.ask);
      expect(choices).toContain(row.expected);
      for (const wrong of choices.filter((c) => c !== row.expected))
        expect(gradePredict(start.result, at!, point.ask, wrong).correct, `${wrong} graded right`).toBe(false);
    });
  }
});

// The questions the proxy model asks in the shipped lessons, answered by hand from the forwarding rules
// (RFC 9110 §7.6, RFC 9112 §9.3, Appendix C.2.2) for the request the learner first meets on the page, and,
// where the page builds requests at random or the learner may change the request, mode or proxies first,
// for requests and settings written out here.
interface HandProxyQuestion {
  lesson: string;
  question: string;
  /** The request: one written out (lines), or a built-in example's id; none: the one the page starts with. */
  request?: string[] | string;
  mode?: ProxyMode;
  proxies?: 1 | 2;
  expected: string;
}

const HAND_PROXY_QUESTIONS: HandProxyQuestion[] = [
  // keep-alive: Connection goes, and the field it names, Keep-Alive; Host stays; Via is added at the end.
  { lesson: 'proxies', question: 'predict-reach-server', expected: 'Host, User-Agent, Accept, Via' },
  // named-field, two proxies: Connection names X-Debug, so both go; the second proxy removes nothing more.
  {
    lesson: 'proxies',
    question: 'predict-reach-server',
    request: 'named-field',
    proxies: 2,
    expected: 'Host, Cookie, Accept, Via',
  },
  // chunked: Transfer-Encoding goes (this hop's framing) and Content-Length takes its place.
  {
    lesson: 'proxies',
    question: 'predict-reach-server',
    request: 'chunked',
    expected: 'Host, Content-Length, Content-Type, Via',
  },
  // max-forwards with two proxies: the first forwards Max-Forwards 0, the second answers itself.
  {
    lesson: 'proxies',
    question: 'predict-reach-server',
    request: 'max-forwards',
    proxies: 2,
    expected: 'nothing: a proxy answers itself',
  },
  // Random requests, written out: every field Connection names goes (X-Trace, over two lines X-Debug), TE and
  // Keep-Alive and Proxy-Connection go, Host and the end-to-end fields stay in order, Via comes last.
  {
    lesson: 'proxies',
    question: 'which-reach-server',
    request: [
      'GET http://shop.example/cart?id=7 HTTP/1.1',
      'Host: shop.example',
      'Cookie: session=c0ffee',
      'Connection: keep-alive, X-Trace',
      'X-Trace: on',
      'Keep-Alive: timeout=5, max=100',
      'Accept: */*',
    ],
    expected: 'Host, Cookie, Accept, Via',
  },
  {
    lesson: 'proxies',
    question: 'which-reach-server',
    request: [
      'GET http://api.example.net/api/v1/items HTTP/1.1',
      'Connection: TE',
      'Host: api.example.net',
      'TE: trailers',
      'Authorization: Bearer 3f9a',
      'Connection: X-Debug',
      'X-Debug: 1',
    ],
    expected: 'Host, Authorization, Via',
  },
  {
    lesson: 'proxies',
    question: 'which-reach-server',
    request: [
      'GET http://example.com/ HTTP/1.0',
      'Host: example.com',
      'Proxy-Connection: keep-alive',
      'User-Agent: curl/8.5.0',
      'Connection: close',
    ],
    proxies: 2,
    expected: 'Host, User-Agent, Via',
  },
  // The same through an old HTTP/1.0 proxy: every field as it came, and no Via.
  {
    lesson: 'proxies',
    question: 'which-reach-server',
    request: [
      'GET http://example.com/ HTTP/1.1',
      'Host: example.com',
      'Connection: keep-alive',
      'Keep-Alive: timeout=5',
    ],
    mode: 'http10',
    expected: 'Host, Connection, Keep-Alive',
  },
  // Via: the first proxy writes the version it received (1.0), the second the one the first sent (1.1).
  {
    lesson: 'proxies',
    question: 'which-via',
    request: ['GET http://example.com/ HTTP/1.0', 'Host: example.com', 'Accept: */*'],
    proxies: 2,
    expected: 'Via: 1.0 proxy1, 1.1 proxy2',
  },
  {
    lesson: 'proxies',
    question: 'which-via',
    request: ['GET http://news.example.org/ HTTP/1.1', 'Host: news.example.org', 'Connection: close'],
    expected: 'Via: 1.1 proxy',
  },
  { lesson: 'proxies', question: 'which-via', request: 'via-already', expected: 'Via: 1.1 corp-gw, 1.1 proxy' },
  { lesson: 'proxies', question: 'which-via', request: 'keep-alive', mode: 'http10', expected: 'no Via field' },
  // http10-keep-alive through the old proxy: Connection: keep-alive is forwarded, the server keeps the connection
  // open, the proxy waits for it to close: the next request is never answered (RFC 9112 Appendix C.2.2).
  { lesson: 'proxies', question: 'predict-next-request', expected: 'never answered: it hangs' },
  // Proxy-Connection: the server does not know it and closes; the next request goes on a new connection.
  {
    lesson: 'proxies',
    question: 'predict-next-request',
    request: 'proxy-connection',
    expected: 'answered, on a new connection',
  },
  // An HTTP/1.1 client's keep-alive through the old proxy hangs just the same.
  { lesson: 'proxies', question: 'predict-next-request', request: 'keep-alive', expected: 'never answered: it hangs' },
  // Through a proxy that follows RFC 9110: it must not keep a persistent connection with an HTTP/1.0 client
  // (RFC 9112 §9.3), so it closes; with an HTTP/1.1 client it keeps it open.
  {
    lesson: 'proxies',
    question: 'predict-next-request',
    mode: 'rfc',
    expected: 'answered, on a new connection',
  },
  {
    lesson: 'proxies',
    question: 'predict-next-request',
    request: 'keep-alive',
    mode: 'rfc',
    expected: 'answered on the same connection',
  },
];

const proxyQuestions = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) =>
    page.model?.kind === 'http-proxy'
      ? (page.model.settings as ProxySettings).questions.map((q) => ({
          lesson,
          page,
          settings: page.model!.settings as ProxySettings,
          question: q,
        }))
      : [],
  ),
);

function requestOf(r: string[] | string): HttpRequest {
  if (typeof r === 'string') return example(r as Parameters<typeof example>[0]).request;
  const parsed = parseRequest(`${r.join('\r\n')}\r\n\r\n`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe('questions of the proxy model in the shipped lessons, against answers worked out by hand', () => {
  it('have a hand-worked row for every question, and no row for one that is gone', () => {
    for (const { lesson, question } of proxyQuestions) {
      expect(
        HAND_PROXY_QUESTIONS.some((r) => r.lesson === lesson.id && r.question === question.id),
        `${lesson.id}/${question.id} is asked by a proxy model: add a row for it to HAND_PROXY_QUESTIONS in ` +
          'test/content.test.ts, with the answer worked out by hand',
      ).toBe(true);
    }
    for (const row of HAND_PROXY_QUESTIONS) {
      expect(
        proxyQuestions.some((q) => q.lesson.id === row.lesson && q.question.id === row.question),
        `HAND_PROXY_QUESTIONS has a row for ${row.lesson}/${row.question}, which no proxy model asks`,
      ).toBe(true);
    }
  });

  for (const row of HAND_PROXY_QUESTIONS) {
    const found = proxyQuestions.find((q) => q.lesson.id === row.lesson && q.question.id === row.question);
    it(`${row.lesson}/${row.question}${row.request ? ` (${typeof row.request === 'string' ? row.request : row.request[0]})` : ''}: ${row.expected}`, () => {
      expect(found).toBeDefined();
      const { settings } = found!;
      const first = httpProxyKind.start(settings, { seed: 1 }) as ProxyState;
      // The situation: the page as it starts, or the request, mode and proxies of the row.
      let state =
        row.request || row.mode || row.proxies
          ? restart(first, {
              ...(row.request
                ? {
                    example: { ...first.example, request: requestOf(row.request) },
                    exampleIndex: typeof row.request === 'string' && !settings.random ? 0 : -1,
                  }
                : {}),
              ...(row.mode ? { mode: row.mode } : {}),
              ...(row.proxies ? { proxies: row.proxies } : {}),
            })
          : first;
      // A random page asks its questions in turn: count the ones asked before this one.
      const index = settings.questions.findIndex((q) => q.id === row.question);
      if (settings.random) state = { ...state, runs: index };
      else state = { ...state, asked: settings.questions.slice(0, index).map((q) => q.id) };
      state = proxyReducer(state, { type: 'end' });
      const q = httpProxyKind.question(state);
      expect(q?.id).toBe(row.question);
      expect(q!.choices).toContain(row.expected);
      const built = state.pending!.built;
      expect(built.right).toBe(row.expected);
      expect(gradeQuestion(built, row.expected).correct).toBe(true);
      for (const wrong of q!.choices.filter((c) => c !== row.expected)) {
        const verdict = gradeQuestion(built, wrong);
        expect(verdict.correct, `${wrong} graded right`).toBe(false);
        // Every wrong choice says why it is wrong.
        expect(built.whys[wrong], `no why for ${wrong}`).toBeDefined();
      }
      expect(q!.choices.length).toBeGreaterThanOrEqual(3);
    });
  }
});

// The answer to each question of the shipped lessons' gateway models, worked
// out by hand from the contract's table (RFC 9110 §15): the code the client
// gets for the question's condition, or who generates it.
interface HandGatewayAnswer {
  lesson: string;
  question: string;
  expected: string;
}

const HAND_GATEWAY_ANSWERS: HandGatewayAnswer[] = [
  // No valid credentials: the origin answers 401 (with WWW-Authenticate), passed on by the gateway.
  { lesson: 'status-codes', question: 'q-login-code', expected: '401 Unauthorized' },
  // An exception in the origin: its own 500, so the origin generated it.
  { lesson: 'status-codes', question: 'q-crash-who', expected: 'origin' },
  // Nothing listens upstream: no response to pass on, so the gateway generates its 502.
  { lesson: 'status-codes', question: 'q-refused-who', expected: 'gateway' },
  // No response within the gateway's timeout: 504 Gateway Timeout.
  { lesson: 'status-codes', question: 'q-slow-code', expected: '504 Gateway Timeout' },
  // An overloaded origin says 503 itself, with Retry-After.
  { lesson: 'status-codes', question: 'q-overloaded-who', expected: 'origin' },
  // No healthy upstream: the gateway answers 503 without asking anyone.
  { lesson: 'status-codes', question: 'q-no-upstream-who', expected: 'gateway' },
];

type GatewayKind = {
  start: (s: GatewaySettings, ctx: object) => GatewayState;
  reduce: (s: GatewayState, a: GatewayAction) => GatewayState;
  question: (s: GatewayState) => { id: string; choices: string[] } | null;
  answer: (s: GatewayState, choice: string) => { verdict: { correct: boolean } };
};
const gatewayKind = httpGatewayKind as unknown as GatewayKind;

const gatewayQuestions = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) => {
    if (page.model?.kind !== 'http-gateway') return [];
    const settings = page.model.settings as GatewaySettings;
    return settings.questions.map((q) => ({ lesson, settings, q }));
  }),
);

describe('gateway model questions of the shipped lessons, against answers worked out by hand', () => {
  it('have a hand-worked row for every question, and no row for one that is gone', () => {
    for (const { lesson, q } of gatewayQuestions) {
      expect(
        HAND_GATEWAY_ANSWERS.some((r) => r.lesson === lesson.id && r.question === q.id),
        `${lesson.id}/${q.id} is a gateway question: add a row { lesson, question, expected } for it to ` +
          'HAND_GATEWAY_ANSWERS in test/content.test.ts, with the answer worked out by hand',
      ).toBe(true);
    }
    for (const row of HAND_GATEWAY_ANSWERS) {
      expect(
        gatewayQuestions.some((g) => g.lesson.id === row.lesson && g.q.id === row.question),
        `HAND_GATEWAY_ANSWERS has a row for ${row.lesson}/${row.question}, which is not a gateway question`,
      ).toBe(true);
    }
  });

  for (const row of HAND_GATEWAY_ANSWERS) {
    const found = gatewayQuestions.find((g) => g.lesson.id === row.lesson && g.q.id === row.question);
    it(`${row.lesson}/${row.question} is ${row.expected}`, () => {
      expect(found, 'no such gateway question (see the test above)').toBeDefined();
      const { settings, q } = found!;
      // As the learner reaches it: ↓ until the question's condition, then End, which stops at the question.
      let s = gatewayKind.start(settings, {});
      for (let i = 0; i < settings.conditions.length && s.exchange.condition !== q.condition; i++)
        s = gatewayKind.reduce(s, { type: 'condition', delta: 1 });
      s = gatewayKind.reduce(s, { type: 'end' });
      const asked = gatewayKind.question(s);
      expect(asked?.id, `the model never asks ${q.id}`).toBe(q.id);
      expect(asked!.choices).toContain(row.expected);
      for (const choice of asked!.choices)
        expect(gatewayKind.answer(s, choice).verdict.correct, choice).toBe(choice === row.expected);
    });
  }
});

// ---------------------------------------------------------------------------
// The questions the multipart model asks, answered by hand for bodies written
// out here: the model asks its question about each body and grades every
// choice with its parser; the right one must be the one worked out by hand.

/** The example of facts.md §6 (boundary AaB03x, 192 bytes), with a change. */
const EXAMPLE_BODY =
  '--AaB03x\r\n' + // 1
  'Content-Disposition: form-data; name="title"\r\n' + // 2
  '\r\n' + // 3
  'Holiday\r\n' + // 4
  '--AaB03x\r\n' + // 5
  'Content-Disposition: form-data; name="photo"; filename="notes.txt"\r\n' + // 6
  'Content-Type: text/plain\r\n' + // 7
  '\r\n' + // 8
  'hello\r\n' + // 9
  '--AaB03x--\r\n'; // 10
const WEBKIT = '----WebKitFormBoundary7MA4YWxkTrZu0gW';

interface HandQuestion {
  lesson: string;
  question: string;
  contentType: string;
  body: string;
  /** value: the field asked about. */
  field?: string;
  /** The right choice: the boundary; the line number (broken-delimiter); the value, escaped. */
  expected: string;
}

const HAND_QUESTIONS: HandQuestion[] = [
  // Each delimiter line is -- and the boundary: take two hyphens off "--AaB03x".
  {
    lesson: 'multipart',
    question: 'find-boundary',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY,
    expected: 'AaB03x',
  },
  // A browser's boundary starts with four hyphens of its own: its delimiter lines start with six.
  {
    lesson: 'multipart',
    question: 'find-boundary',
    contentType: `multipart/form-data; boundary=${WEBKIT}`,
    body: EXAMPLE_BODY.replaceAll('AaB03x', WEBKIT),
    expected: WEBKIT,
  },
  // The value of title is the 7 bytes between the empty line (line 3) and the CRLF of the next delimiter.
  {
    lesson: 'multipart',
    question: 'value-bytes',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY,
    field: 'title',
    expected: 'Holiday',
  },
  // A value with a line break in it keeps it: only the CRLF right before the delimiter is not the value's.
  {
    lesson: 'multipart',
    question: 'value-bytes',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY.replace('Holiday', 'line 1\r\nline 2'),
    field: 'title',
    expected: 'line 1\\r\\nline 2',
  },
  // The CRLF before the second delimiter is gone: "--AaB03x" ends line 4, after "Holiday".
  {
    lesson: 'multipart',
    question: 'spot-broken',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY.replace('Holiday\r\n--AaB03x', 'Holiday--AaB03x'),
    expected: '4',
  },
  // The close delimiter lost its trailing hyphens: line 10 opens a part, and the body ends.
  {
    lesson: 'multipart',
    question: 'spot-broken',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY.replace('--AaB03x--', '--AaB03x'),
    expected: '10',
  },
  // A space before the second delimiter: it no longer starts line 5.
  {
    lesson: 'multipart',
    question: 'spot-broken',
    contentType: 'multipart/form-data; boundary=AaB03x',
    body: EXAMPLE_BODY.replace(
      '\r\n--AaB03x\r\nContent-Disposition: form-data; name="photo"',
      '\r\n --AaB03x\r\nContent-Disposition: form-data; name="photo"',
    ),
    expected: '5',
  },
];

const multipartQuestions = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) => {
    const settings = page.model?.kind === 'http-multipart' ? (page.model.settings as MultipartSettings) : undefined;
    return settings?.question ? [{ lesson, settings, id: settings.question.id }] : [];
  }),
);

describe('questions of the multipart model, against answers worked out by hand', () => {
  it('have a hand-worked row for every question, and no row for one that is gone', () => {
    for (const { lesson, id } of multipartQuestions) {
      expect(
        HAND_QUESTIONS.some((r) => r.lesson === lesson.id && r.question === id),
        `${lesson.id}/${id} is a multipart question: add rows for it to HAND_QUESTIONS in test/content.test.ts`,
      ).toBe(true);
    }
    for (const row of HAND_QUESTIONS) {
      expect(multipartQuestions.some((q) => q.lesson.id === row.lesson && q.id === row.question)).toBe(true);
    }
  });

  for (const row of HAND_QUESTIONS) {
    it(`${row.lesson}/${row.question}: ${row.expected}`, () => {
      const found = multipartQuestions.find((q) => q.lesson.id === row.lesson && q.id === row.question)!;
      const state = askAbout(found.settings, {
        contentType: row.contentType,
        body: bytesOf(row.body),
        ...(row.field ? { field: row.field } : {}),
      });
      const isExpected = (choice: string) =>
        found.settings.question!.ask === 'broken-delimiter'
          ? choice.startsWith(`${row.expected}: `)
          : choice === row.expected;
      const right = state.shown.choices.filter(isExpected);
      expect(right, `the choices offered: ${state.shown.choices.join(' | ')}`).toHaveLength(1);
      expect(state.shown.choices.length).toBeGreaterThanOrEqual(3);
      for (const choice of state.shown.choices)
        expect(gradeChoice(state, choice).correct, choice).toBe(isExpected(choice));
    });
  }
});

// ---------------------------------------------------------------------------
// The questions of the HTTP versions model, worked out by hand from the rules
// of `nettutor http versions` (the http CLI spec): the page's settings, after
// what the learner does for the question to come (`actions`), and the choice
// that is right. Each question of the shipped lessons needs a row.
interface HandVersionsAnswer {
  lesson: string;
  question: string;
  actions: VersionsAction[];
  expected: string;
}

const HAND_VERSIONS: HandVersionsAnswer[] = [
  // HTTP/1.0, 5 requests, RTT 100, 50 ms each: request 3 follows two whole connections: 3 × (100 + 100) + 150.
  { lesson: 'http-versions', question: 'predict-10-third', actions: [], expected: '750 ms' },
  // t: RTT 150. HTTP/1.1: one handshake, then 5 × (150 + 50): 150 + 1000.
  { lesson: 'http-versions', question: 'predict-11-total', actions: [{ type: 'rtt', delta: 1 }], expected: '1150 ms' },
  // Pipelined, 6 requests: sent at 100, arrive at 150, answered in order after 6 × 50, back 50 later: 500.
  { lesson: 'http-versions', question: 'predict-pipelined-last', actions: [], expected: '500 ms' },
  // s: request 1 takes 600. Response 2 leaves after 600 + 50 of server time: 100 + 50 + 650 + 50.
  {
    lesson: 'http-versions',
    question: 'predict-behind-slow',
    actions: [{ type: 'slow/next', delta: 1 }],
    expected: '850 ms',
  },
  // 8 requests over 6 connections: the 7th waits for connection 1, free at 250: 250 + 100 + 50.
  { lesson: 'http-versions', question: 'predict-seventh', actions: [], expected: '400 ms' },
  // K: 5 connections. HTTP/1.1 100 + 8 × 150 = 1300; ×5: two rounds, 100 + 2 × 150 = 400; HTTP/2: 250.
  {
    lesson: 'http-versions',
    question: 'predict-first-k',
    actions: [{ type: 'connections', delta: -1 }],
    expected: 'HTTP/2',
  },
  // Request 8 takes 600. Pipelined: 100 + 50 + (7 × 50 + 600) + 50 = 1150. ×6: request 8 waits for
  // connection 2, free at 250: 250 + 100 + 600 = 950. HTTP/2: 100 + 100 + 600 = 800.
  { lesson: 'http-versions', question: 'predict-first-http2', actions: [], expected: 'HTTP/2' },
];

const versionsPages = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) =>
    page.model?.kind === 'http-versions' ? [{ lesson, page, settings: page.model.settings as VersionsPage }] : [],
  ),
);

describe('questions of the HTTP versions model, against answers worked out by hand', () => {
  const kind = findKind('http-versions')!;

  it('have a hand-worked row for every question, and no row for one that is gone', () => {
    const ids = versionsPages.flatMap(({ lesson, settings }) => settings.questions.map((q) => `${lesson.id}/${q.id}`));
    expect(HAND_VERSIONS.map((r) => `${r.lesson}/${r.question}`).sort()).toEqual([...ids].sort());
  });

  for (const { lesson, page, settings } of versionsPages) {
    it(`${lesson.id}/${page.id}: each question, asked when the learner does what it waits for, is graded as by hand`, () => {
      let state = kind.start(settings, {});
      for (const q of settings.questions) {
        const row = HAND_VERSIONS.find((r) => r.lesson === lesson.id && r.question === q.id)!;
        for (const action of row.actions) state = kind.reduce(state, action);
        const asked = kind.question(state);
        expect(asked?.id, `${q.id} is not asked`).toBe(q.id);
        expect(asked!.choices).toContain(row.expected);
        for (const choice of asked!.choices) {
          expect(kind.answer(state, choice).verdict.correct, `${q.id}: ${choice}`).toBe(choice === row.expected);
        }
        state = kind.answer(state, row.expected).state;
      }
    });
  }
});

// ---------------------------------------------------------------------------
// Review pages ask another lesson's exercise, or a model's questions, as that lesson wrote them. They are
// checked as a learner meets them, through the review: the item is the origin's very own, it grades through
// the review page as it does in its lesson (the origin's scenario files included), its hand-worked rows
// above give the same answers through the review, and the review draws on every shipped lesson.
const reviewed = resolveReviews(loaded.lessons as Lesson[]);
const reviewPages = reviewed.lessons.flatMap((lesson) =>
  lesson.pages.flatMap((page) => (page.review ? [{ lesson, page, from: splitFrom(page.review.from) }] : [])),
);
const originOf = (lesson: string, page: string) => {
  const l = (loaded.lessons as Lesson[]).find((x) => x.id === lesson)!;
  return { lesson: l, page: l.pages.find((p) => p.id === page)! };
};
/** Every (lesson, question) a table of hand-worked model answers has a row for. */
const handModelRows = new Set(
  [...HAND_PREDICTIONS.map((r) => ({ lesson: r.lesson, question: r.point })), ...HAND_PROXY_QUESTIONS]
    .concat(HAND_GATEWAY_ANSWERS, HAND_QUESTIONS, HAND_VERSIONS)
    .map((r) => `${r.lesson}/${r.question}`),
);

describe('review pages of the shipped lessons, graded as in their own lesson', () => {
  it('all resolve, and the review draws on every shipped lesson but the first', () => {
    expect(reviewed.problems).toEqual([]);
    expect(reviewPages.length).toBeGreaterThan(0);
    const drawnOn = new Set(reviewPages.map((r) => r.from.lesson));
    for (const lesson of loaded.lessons as Lesson[]) {
      if (lesson.order <= 1 || lesson.pages.some((p) => p.review)) continue;
      expect(
        drawnOn.has(lesson.id),
        `the review asks nothing of "${lesson.id}": add a line for one of its exercises or questions to lessons/11-review/lesson.jsonc`,
      ).toBe(true);
    }
  });

  for (const { lesson, page, from } of reviewPages) {
    it(`${lesson.id}/${page.id}: asks ${page.review!.from} as its lesson does`, () => {
      const origin = originOf(from.lesson, page.review!.origin!.page);
      if (origin.page.exercise) {
        const e = page.exercise!;
        expect(e).toBe(origin.page.exercise);
        expect(gradedIds(lesson)).toContain(`${from.lesson}/${e.id}`);
        for (const r of [0, 0.37, 0.999]) {
          const params = drawParams(e, () => r);
          const expected = expectedAnswer(e, { params, lesson: origin.lesson });
          expect(solutionOf(lesson, page, e, params)).toEqual(expected);
          const right = e.type === 'short' ? text(expected[0]!, 'en') : e.answer;
          expect(gradeExercise(lesson, page, e, right, params).correct).toBe(true);
          for (const wrong of wrongAnswers(e, text(expected[0]!, 'en')))
            expect(gradeExercise(lesson, page, e, wrong, params).correct).toBe(false);
        }
      } else {
        expect(page.model).toBe(origin.page.model);
        const kind = findKind(page.model!.kind)!;
        const ids = kind.questionIds(page.model!.settings);
        expect(ids).toContain(from.item);
        for (const id of ids) {
          expect(gradedIds(lesson)).toContain(`${from.lesson}/${id}`);
          expect(handModelRows.has(`${from.lesson}/${id}`), `no hand-worked row for ${from.lesson}/${id}`).toBe(true);
        }
        // The same model, from the same scenario files: what the learner meets first is the same.
        const ctx = (scenarios: Lesson['scenarios']) => ({ ...(scenarios ? { scenarios } : {}), seed: 7 });
        expect(kind.start(page.model!.settings, ctx(pageScenarios(lesson, page)))).toEqual(
          kind.start(origin.page.model!.settings, ctx(origin.lesson.scenarios)),
        );
      }
    });
  }

  // The hand-worked answers of the computed exercises a review asks, graded through the review page.
  for (const { lesson, page, from } of reviewPages) {
    const e = page.exercise;
    if (e?.type !== 'short' || 'value' in e.answer) continue;
    const rows = HAND_ANSWERS.filter((r) => r.lesson === from.lesson && r.exercise === e.id);
    it(`${lesson.id}/${page.id}: every hand-worked row of ${from.lesson}/${e.id} through the review`, () => {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(solutionOf(lesson, page, e, row.params).map((t) => text(t, 'en'))).toEqual([row.expected]);
        expect(gradeExercise(lesson, page, e, row.expected, row.params).correct).toBe(true);
      }
    });
  }
});

// ---------------------------------------------------------------------------
// The questions of the User-Agent model, worked out by hand from RFC 9111 §4.1
// and the origin's rule (403 to a User-Agent with "bot" or "curl", with
// no-store; mobile.html to "Mobi"; desktop.html to others; in the client-hints
// setting Sec-CH-UA-Mobile first): the page's clients, up to the request the
// question stops before, under the question's setting.
interface HandUaAnswer {
  lesson: string;
  question: string;
  expected: string;
}

const HAND_UA_CACHE: HandUaAnswer[] = [
  // No Vary: iphone-safari's mobile.html is stored with no secondary key, so it fits windows-chrome too.
  { lesson: 'user-agent', question: 'q-desktop-gets', expected: 'mobile.html' },
  // Vary: User-Agent: fake-chrome's User-Agent is windows-chrome's, byte for byte: request 2's response fits.
  { lesson: 'user-agent', question: 'q-fake-cache', expected: 'HIT' },
  // iphone, windows, (fake hits), mac, android 125, android 124, (iphone hits): five strings, five stored.
  { lesson: 'user-agent', question: 'q-entries-ua', expected: '5' },
  // No Vary: curl is served iphone-safari's stored mobile.html; the origin's 403 never runs.
  { lesson: 'user-agent', question: 'q-curl-gets', expected: 'mobile.html' },
  // Vary: User-Agent: fake-chrome's string is stored for no one yet (iphone's differs, the 403s are not
  // stored): it goes to the origin, which sees no "Mobi" and no "bot": desktop.html.
  { lesson: 'user-agent', question: 'q-fake-gets', expected: 'desktop.html' },
  // Vary: Sec-CH-UA-Mobile: android ?1 and windows ?0 stored; mac ?0, android 124 ?1 and windows again hit: 2.
  { lesson: 'user-agent', question: 'q-entries-hints', expected: '2' },
  // Safari sends no Sec-CH-UA-Mobile; the stored responses were for ?1 and ?0: absent matches neither: MISS.
  { lesson: 'user-agent', question: 'q-safari-cache', expected: 'MISS' },
];

const uaPages = (loaded.lessons as Lesson[]).flatMap((lesson) =>
  lesson.pages.flatMap((page) =>
    page.model?.kind === 'http-ua-cache' ? [{ lesson, settings: page.model.settings as UaCacheSettings }] : [],
  ),
);

describe('questions of the User-Agent model, against answers worked out by hand', () => {
  const kind = findKind('http-ua-cache')!;

  it('have a hand-worked row for every question, and no row for one that is gone', () => {
    const ids = uaPages.flatMap(({ lesson, settings }) => settings.questions.map((q) => `${lesson.id}/${q.id}`));
    expect(HAND_UA_CACHE.map((r) => `${r.lesson}/${r.question}`).sort()).toEqual([...ids].sort());
  });

  for (const row of HAND_UA_CACHE) {
    const found = uaPages.find(
      (p) => p.lesson.id === row.lesson && p.settings.questions.some((q) => q.id === row.question),
    );
    it(`${row.lesson}/${row.question} is ${row.expected}`, () => {
      expect(found, 'no such question (see the test above)').toBeDefined();
      const { settings } = found!;
      const q = settings.questions.find((x) => x.id === row.question)!;
      // As the learner reaches it, with the page's other questions answered: v to its setting, then End.
      let state = kind.start(settings, { seed: 1 }) as UaCacheState;
      state = { ...state, answered: settings.questions.filter((x) => x.id !== q.id).map((x) => x.id) };
      for (let i = 0; i < settings.responses.length && state.response !== q.response; i++)
        state = kind.reduce(state, { type: 'response', delta: 1 }) as UaCacheState;
      state = kind.reduce(state, { type: 'end' }) as UaCacheState;
      const asked = kind.question(state);
      expect(asked?.id, `the model never asks ${q.id}`).toBe(q.id);
      expect(state.shown).toBe(q.at - 1);
      expect(asked!.choices).toContain(row.expected);
      expect(asked!.choices.length).toBeGreaterThanOrEqual(2);
      for (const choice of asked!.choices) {
        const verdict = kind.answer(state, choice).verdict;
        expect(verdict.correct, choice).toBe(choice === row.expected);
        // Every verdict says why: what the cache and the origin did.
        expect(verdict.feedback.length, choice).toBeGreaterThan(0);
      }
    });
  }
});
