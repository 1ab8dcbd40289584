// The JSON Schema of lesson.jsonc (schema/lesson.schema.json) says what the
// loader accepts: the built-in lessons and the lesson `lessons new` writes pass
// it, it names the same values as the code's own lists, every field has hover
// help, and a table of structures shows the schema and the loader agree — what
// the loader rejects, the schema rejects, and what both accept. The checks the
// schema cannot make (an answer among the options, a scenario file that
// exists…) are listed too: `nettutor lessons check` makes them.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { scaffoldLesson } from '../../src/core/lessons/scaffold.js';
import { CONDITIONS } from '../../src/core/models/http-gateway/exchange.js';
import { EXAMPLE_IDS } from '../../src/core/models/http-proxy/examples.js';
import { PROXY_MODES } from '../../src/core/models/http-proxy/forward.js';
import { PROXY_QUERY_ASKS } from '../../src/core/models/http-proxy/kind.js';
import { PROXY_ASKS } from '../../src/core/models/http-proxy/questions.js';
import { MODES } from '../../src/core/models/http-versions/timeline.js';
import { ASKS, TRIGGERS, VIEWS } from '../../src/core/models/http-versions/types.js';
import { PREDICT_ASKS, SEGMENT_FIELDS } from '../../src/core/models/tcp/types.js';
import { SHORT_ANSWER_KINDS } from '../../src/core/answers/normalize.js';
import { MULTIPART_ASKS } from '../../src/core/models/http-multipart/model.js';
import { CLIENT_IDS, RESPONSES } from '../../src/core/models/http-ua-cache/clients.js';
import { UA_QUERIES } from '../../src/core/models/http-ua-cache/kind.js';
import { UA_ASKS } from '../../src/core/models/http-ua-cache/model.js';
import { kindNames } from '../../src/core/models/registry.js';
import { BUILTIN_SCENARIOS } from '../../src/core/scenario/builtins.js';
import { FLAG_ORDER, SIDES, SIM_EVENT_TYPES } from '../../src/core/tcp/types.js';
import { resolveReviews } from '../../src/core/lessons/review.js';
import { loadLessonFolder } from '../../src/node/lesson-files.js';
import { builtinLessons } from '../helpers/builtin-lessons.js';
import { writeLessonFiles } from '../helpers/lesson-folder.js';
import { schema, validateStructure } from '../helpers/lesson-schema.js';

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJsonc(text: string): Json {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  expect(errors).toEqual([]);
  return value;
}

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const builtinStructures = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('the lesson.jsonc schema', () => {
  it('validates every built-in lesson.jsonc, comments and all', () => {
    expect(builtinStructures.length).toBeGreaterThan(0);
    for (const folder of builtinStructures) {
      const value = parseJsonc(readFileSync(join(lessonsDir, folder, 'lesson.jsonc'), 'utf8'));
      expect({ folder, ...validateStructure(value) }).toEqual({ folder, valid: true, errors: [] });
    }
  });

  it('validates the lesson `lessons new` writes', () => {
    const file = scaffoldLesson('my-lesson', '../schema/lesson.schema.json').find((f) => f.name === 'lesson.jsonc')!;
    expect(validateStructure(parseJsonc(file.text))).toEqual({ valid: true, errors: [] });
  });

  /** The schema node at a JSON pointer such as `/definitions/side/enum`. */
  const at = (pointer: string): Json =>
    pointer
      .split('/')
      .slice(1)
      .reduce<Json>((node, key) => (isObj(node) || Array.isArray(node) ? (node as Obj)[key] : undefined), schema);

  it("names the same values as the code's own lists", () => {
    expect(at('/definitions/side/enum')).toEqual([...SIDES]);
    expect(at('/definitions/flags/items/enum')).toEqual([...FLAG_ORDER]);
    expect(at('/definitions/predict/properties/before/properties/type/enum')).toEqual([...SIM_EVENT_TYPES]);
    expect(at('/definitions/predict/properties/ask/enum')).toEqual([...PREDICT_ASKS]);
    expect(at('/definitions/query/oneOf/0/properties/field/enum')).toEqual([...SEGMENT_FIELDS]);
    expect(at('/definitions/exercise/properties/kind/enum')).toEqual([...SHORT_ANSWER_KINDS]);
    // One definition per kind, in the registry's order, for a model page and for a computed answer.
    const kindsOf = (pointer: string) =>
      (at(pointer) as Obj[]).map((r) => (at(`${(r.$ref as string).replace(/^#/, '')}/properties/kind`) as Obj).const);
    expect(kindsOf('/definitions/model/oneOf')).toEqual(kindNames());
    expect(kindsOf('/definitions/modelAnswer/oneOf')).toEqual(kindNames());
    expect(at('/definitions/multipartQuestion/properties/ask/enum')).toEqual([...MULTIPART_ASKS]);
    expect(at('/definitions/scenario/anyOf/0/enum')).toEqual(BUILTIN_SCENARIOS.map((s) => s.name));
    expect(at('/definitions/gatewayCondition/enum')).toEqual([...CONDITIONS]);
    expect(at('/definitions/httpProxyModel/properties/examples/items/enum')).toEqual([...EXAMPLE_IDS]);
    expect(at('/definitions/proxyQuestion/properties/ask/enum')).toEqual([...PROXY_ASKS]);
    expect(at('/definitions/httpProxyModelAnswer/properties/ask/enum')).toEqual([...PROXY_QUERY_ASKS]);
    expect(at('/definitions/proxyMode/enum')).toEqual([...PROXY_MODES]);
    expect(at('/definitions/versionMode/enum')).toEqual([...MODES]);
    expect(at('/definitions/versionsQuestion/properties/ask/enum')).toEqual([...ASKS]);
    expect(at('/definitions/versionsQuestion/properties/after/enum')).toEqual([...TRIGGERS]);
    expect(at('/definitions/httpVersionsModel/properties/view/enum')).toEqual([...VIEWS]);
    expect(at('/definitions/uaClient/enum')).toEqual([...CLIENT_IDS]);
    expect(at('/definitions/uaResponse/enum')).toEqual([...RESPONSES]);
    expect(at('/definitions/uaQuestion/properties/ask/enum')).toEqual([...UA_ASKS]);
    expect(at('/definitions/httpUaCacheModelAnswer/properties/query/enum')).toEqual([...UA_QUERIES]);
  });

  /** Every subschema with the pointer it is at. */
  function* walk(node: Json, pointer = ''): Generator<[string, Obj]> {
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) yield* walk(x, `${pointer}/${i}`);
    } else if (isObj(node)) {
      yield [pointer, node];
      for (const [k, x] of Object.entries(node)) if (k !== 'enum' && k !== 'const') yield* walk(x, `${pointer}/${k}`);
    }
  }
  const resolveRef = (ref: string) => at(ref.replace(/^#/, '')) as Obj;

  it('gives every field hover help, which a $ref beside it does not replace', () => {
    const undescribed: string[] = [];
    const overwritten: string[] = [];
    for (const [pointer, node] of walk(schema)) {
      // An `if` is a condition on a field, not a field.
      if (!isObj(node.properties) || pointer.endsWith('/if')) continue;
      for (const [name, prop] of Object.entries(node.properties)) {
        // `false`: a field the branch forbids, which the object itself describes.
        if (prop === false) continue;
        const p = prop as Obj;
        const target = typeof p.$ref === 'string' ? resolveRef(p.$ref) : undefined;
        if (p.description === undefined && target?.description === undefined) undescribed.push(`${pointer}/${name}`);
        // VS Code copies a referenced definition over the fields beside the $ref: their description is lost.
        if (p.description !== undefined && target?.description !== undefined) overwritten.push(`${pointer}/${name}`);
      }
    }
    expect({ undescribed, overwritten }).toEqual({ undescribed: [], overwritten: [] });
  });

  it('allows no field it does not describe in any object', () => {
    const open = [...walk(schema)]
      .filter(([, node]) => isObj(node.properties) && node.additionalProperties !== false)
      .map(([pointer]) => pointer)
      // The per-type branches of an exercise, and the per-kind branches of a model and a model answer, narrow
      // an object that is closed.
      .filter((pointer) => !/^\/definitions\/(exercise|model|modelAnswer)\/allOf\/\d+\/(then|if)$/.test(pointer));
    expect(open).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The agreement table: a valid lesson, and changes to its structure.

const BASE: Obj = {
  $schema: '../lesson.schema.json',
  formatVersion: 2,
  id: 'agree',
  order: 1,
  pages: [
    { id: 'intro' },
    {
      id: 'watch',
      model: {
        kind: 'tcp',
        scenario: 'handshake',
        predict: [{ id: 'predict-ack', before: { type: 'send', side: 'server', nth: 1 }, ask: 'next-ack' }],
      },
    },
    { id: 'one', exercise: { id: 'pick-one', type: 'single', options: ['a', 'b'], answer: 'b' } },
    { id: 'many', exercise: { id: 'pick-many', type: 'multiple', options: ['a', 'b', 'c'], answer: ['a', 'c'] } },
    { id: 'order', exercise: { id: 'put-in-order', type: 'ordering', items: ['b', 'a'], answer: ['a', 'b'] } },
    {
      id: 'short',
      exercise: {
        id: 'compute',
        type: 'short',
        kind: 'number',
        params: { isn: { int: [1000, 2000] } },
        answer: {
          model: {
            kind: 'tcp',
            scenario: 'handshake',
            set: { 'client.isn': '{isn}' },
            query: { segment: { side: 'server', nth: 1 }, field: 'ack' },
          },
        },
        accept: [],
        mistakes: [{ id: 'isn', answer: { expr: '{isn}' } }],
      },
    },
  ],
};
/** Page indexes of BASE. */
const WATCH = 1;
const ONE = 2;
const MANY = 3;
const ORDER = 4;
const SHORT = 5;

/** en.md with a text under every heading the structure asks for, so only the structure can be wrong. */
function enMdFor(structure: Json): string {
  const lines = ['# Agree', '', 'A lesson for the agreement table.', ''];
  const list = (v: Json) => (Array.isArray(v) ? v : []);
  const ids = (v: Json) => list(v).filter((x): x is string => typeof x === 'string');
  for (const p of isObj(structure) ? list(structure.pages) : []) {
    if (!isObj(p) || typeof p.id !== 'string') continue;
    lines.push(`## ${p.id}: Page ${p.id}`, '', 'Text.', '');
    const ex = p.exercise;
    if (isObj(ex)) {
      lines.push('### prompt', '', 'A question?', '');
      for (const o of ids(ex.options))
        lines.push(`### option ${o}`, '', `Option ${o}.`, '', `### why ${o}`, '', 'Why.', '');
      for (const i of ids(ex.items)) lines.push(`### item ${i}`, '', `Item ${i}.`, '');
      for (const m of list(ex.mistakes))
        if (isObj(m) && typeof m.id === 'string') lines.push(`### mistake ${m.id}`, '', 'Not that.', '');
      lines.push('### hint', '', 'A hint.', '');
    }
    if (isObj(p.model))
      for (const q of list(p.model.predict))
        if (isObj(q) && typeof q.id === 'string') lines.push(`### hint for ${q.id}`, '', 'A hint.', '');
  }
  return lines.join('\n');
}

const SCENARIO_FILE = JSON.stringify({
  latencyMs: 200,
  actions: [
    { at: 0, side: 'server', call: 'listen' },
    { at: 10, side: 'client', call: 'connect' },
  ],
});

/** What the loader says of a folder holding this structure, its en.md and a scenario file slow.json. */
function loader(structure: Json) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-schema-'));
  const folder = writeLessonFiles(dir, 'agree', {
    'lesson.jsonc': JSON.stringify(structure, null, 2),
    'en.md': enMdFor(structure),
    'slow.json': SCENARIO_FILE,
  });
  const r = loadLessonFolder(folder, dir);
  return { loaded: r.lesson !== undefined, fields: r.problems.map((p) => p.field), problems: r.problems };
}

/** BASE changed by `change`, which edits a deep copy in place. */
function variant(change: (s: Obj & { pages: Obj[] }) => void): Obj {
  const copy = structuredClone(BASE) as Obj & { pages: Obj[] };
  change(copy);
  return copy;
}
const ex = (s: { pages: Obj[] }, i: number) => s.pages[i]!.exercise as Obj;
const model = (s: { pages: Obj[] }) => s.pages[WATCH]!.model as Obj;
const predict0 = (s: { pages: Obj[] }) => (model(s).predict as Obj[])[0]!;
const modelAnswer = (s: { pages: Obj[] }) => (ex(s, SHORT).answer as Obj).model as Obj;
/** The page's model replaced by a gateway model with these fields. */
const gateway = (fields: Obj) => (s: { pages: Obj[] }) => {
  s.pages[WATCH]!.model = { kind: 'http-gateway', ...fields };
};
/** The short answer computed by the gateway model instead. */
const gatewayAnswer = (fields: Obj) => (s: { pages: Obj[] }) => {
  (ex(s, SHORT).answer as Obj).model = { kind: 'http-gateway', ...fields };
  ex(s, SHORT).mistakes = [];
};

/** BASE with two pages more: a proxy model (page 6) and a short answer computed by it (page 7), then `change`. */
const PROXY = 6;
const PROXY_SHORT = 7;
function withProxy(change: (s: Obj & { pages: Obj[] }) => void = () => {}): Obj {
  return variant((s) => {
    s.pages.push(
      {
        id: 'proxy',
        model: {
          kind: 'http-proxy',
          examples: ['keep-alive', 'named-field'],
          mode: 'rfc',
          proxies: 1,
          questions: [{ id: 'q-fields', ask: 'reaches-server' }],
        },
      },
      {
        id: 'proxy-short',
        exercise: {
          id: 'via-now',
          type: 'short',
          kind: 'token',
          params: { v: { choice: ['1.0', '1.1'] } },
          answer: {
            model: {
              kind: 'http-proxy',
              request: 'GET http://example.com/ HTTP/{v}\nHost: example.com\n',
              proxies: ['a', 'b'],
              ask: 'via',
            },
          },
        },
      },
    );
    change(s);
  });
}
const proxyModel = (s: { pages: Obj[] }) => s.pages[PROXY]!.model as Obj;
const proxyAnswer = (s: { pages: Obj[] }) => (ex(s, PROXY_SHORT).answer as Obj).model as Obj;
/** The model page as a multipart form asking for the boundary. */
const multipart = (s: { pages: Obj[] }, extra: Obj = {}) =>
  (s.pages[WATCH]!.model = { kind: 'http-multipart', question: { id: 'predict-ack', ask: 'boundary' }, ...extra });
/** The computed answer as a part's Content-Disposition. */
const disposition = (s: { pages: Obj[] }, extra: Obj = {}) => {
  ex(s, SHORT).kind = 'header-value';
  delete ex(s, SHORT).mistakes;
  (ex(s, SHORT).answer as Obj).model = { kind: 'http-multipart', disposition: { name: 'f{isn}' }, ...extra };
};
/** The model page as an HTTP versions model. */
const versions = (s: { pages: Obj[] }, block: Obj) => (s.pages[WATCH]!.model = { kind: 'http-versions', ...block });
/** The short answer computed by the HTTP versions model, with a parameter n of 2 to 8 requests. */
const versionsAnswer = (s: { pages: Obj[] }, model: Obj) => {
  ex(s, SHORT).params = { isn: { int: [1000, 2000] }, n: { int: [2, 8] } };
  ex(s, SHORT).answer = { model: { kind: 'http-versions', requests: '{n}', rtt: 100, server: 50, ...model } };
};

/** The model page as a User-Agent model with these fields. */
const uaCache = (fields: Obj) => (s: { pages: Obj[] }) => {
  s.pages[WATCH]!.model = { kind: 'http-ua-cache', ...fields };
};
/** The short answer computed by the User-Agent model instead, with a parameter c among three clients. */
const uaAnswer = (fields: Obj) => (s: { pages: Obj[] }) => {
  ex(s, SHORT).params = { isn: { int: [1000, 2000] }, c: { choice: ['curl', 'fake-chrome', 'iphone-safari'] } };
  ex(s, SHORT).answer = { model: { kind: 'http-ua-cache', ...fields } };
  ex(s, SHORT).mistakes = [];
};

// Each row: what is wrong, the structure, the field the loader names, the place the schema names.
const REJECTED: Array<[string, Obj, string, string]> = [
  ['an unknown field', variant((s) => (s.author = 'me')), 'author', ''],
  ['a misspelt field on a page', variant((s) => (s.pages[0]!.exercize = {})), 'pages[0].exercize', '/pages/0'],
  ['the lesson title in the structure', variant((s) => (s.title = 'Agree')), 'title', '/title'],
  ['a page text in the structure', variant((s) => (s.pages[0]!.text = 'Hello')), 'pages[0].text', '/pages/0/text'],
  [
    'a prompt in the structure',
    variant((s) => (ex(s, ONE).prompt = 'Pick one')),
    'pages[2].exercise.prompt',
    '/pages/2/exercise/prompt',
  ],
  [
    'hints in an exercise of the structure',
    variant((s) => (ex(s, ONE).hints = ['A hint'])),
    'pages[2].exercise.hints',
    '/pages/2/exercise/hints',
  ],
  [
    "an ordering's why in the structure",
    variant((s) => (ex(s, ORDER).why = { a: 'First' })),
    'pages[4].exercise.why',
    '/pages/4/exercise/why',
  ],
  ['format version 1', variant((s) => (s.formatVersion = 1)), 'formatVersion', '/formatVersion'],
  ['no format version', variant((s) => delete s.formatVersion), 'formatVersion', ''],
  ['a lesson id with capitals and a space', variant((s) => (s.id = 'Agree Lesson')), 'id', '/id'],
  ['a lesson id with an underscore', variant((s) => (s.id = 'agree_lesson')), 'id', '/id'],
  ['a page id ending in a hyphen', variant((s) => (s.pages[0]!.id = 'intro-')), 'pages[0].id', '/pages/0/id'],
  ['an order written as text', variant((s) => (s.order = '1')), 'order', '/order'],
  ['no pages', variant((s) => (s.pages = [])), 'pages', '/pages'],
  [
    'an exercise and a model on one page',
    variant((s) => (s.pages[ONE]!.model = { kind: 'tcp', scenario: 'handshake' })),
    'pages[2]',
    '/pages/2',
  ],
  [
    'an exercise and a review on one page',
    variant((s) => (s.pages[ONE]!.review = { from: 'teardown/fin-says' })),
    'pages[2]',
    '/pages/2',
  ],
  [
    'a model and a review on one page',
    variant((s) => (s.pages[WATCH]!.review = { from: 'teardown/fin-says' })),
    'pages[1]',
    '/pages/1',
  ],
  [
    'a review that names no lesson',
    variant((s) => s.pages.push({ id: 'again', review: { from: 'fin-says' } })),
    'pages[6].review.from',
    '/pages/6/review/from',
  ],
  [
    'a review that names an item by its text',
    variant((s) => s.pages.push({ id: 'again', review: { from: 'teardown/What a FIN says' } })),
    'pages[6].review.from',
    '/pages/6/review/from',
  ],
  [
    'a review without from',
    variant((s) => s.pages.push({ id: 'again', review: {} })),
    'pages[6].review.from',
    '/pages/6/review',
  ],
  [
    'a review drawing at random, which is not a field',
    variant((s) => s.pages.push({ id: 'again', review: { from: 'teardown/fin-says', count: 3 } })),
    'pages[6].review.count',
    '/pages/6/review',
  ],
  [
    'a model of an unknown kind',
    variant((s) => (model(s).kind = 'http')),
    'pages[1].model.kind',
    '/pages/1/model/kind',
  ],
  [
    'an unknown built-in scenario',
    variant((s) => (model(s).scenario = 'handshak')),
    'pages[1].model.scenario',
    '/pages/1/model/scenario',
  ],
  [
    'an unknown exercise type',
    variant((s) => (ex(s, ONE).type = 'essay')),
    'pages[2].exercise.type',
    '/pages/2/exercise/type',
  ],
  [
    'a short answer of an unknown kind',
    variant((s) => (ex(s, SHORT).kind = 'text')),
    'pages[5].exercise.kind',
    '/pages/5/exercise/kind',
  ],
  [
    "a short answer's field on a choice question",
    variant((s) => (ex(s, ONE).kind = 'token')),
    'pages[2].exercise.kind',
    '/pages/2/exercise/kind',
  ],
  [
    'a single-choice answer that is a list',
    variant((s) => (ex(s, ONE).answer = ['b'])),
    'pages[2].exercise.answer',
    '/pages/2/exercise/answer',
  ],
  [
    'one option only',
    variant((s) => (ex(s, ONE).options = ['a'])),
    'pages[2].exercise.options',
    '/pages/2/exercise/options',
  ],
  [
    'an option id twice',
    variant((s) => (ex(s, MANY).options = ['a', 'a', 'c'])),
    'pages[3].exercise.options[1].id',
    '/pages/3/exercise/options',
  ],
  [
    'a multiple-choice answer listing an option twice',
    variant((s) => (ex(s, MANY).answer = ['a', 'a'])),
    'pages[3].exercise.answer[1]',
    '/pages/3/exercise/answer',
  ],
  [
    'an option written as an object',
    variant((s) => (ex(s, ONE).options = [{ id: 'a' }, 'b'])),
    'pages[2].exercise.options[0].text',
    '/pages/2/exercise/options/0',
  ],
  [
    'an ordering with options',
    variant((s) => (ex(s, ORDER).options = ['a', 'b'])),
    'pages[4].exercise.options',
    '/pages/4/exercise/options',
  ],
  [
    'an answer with both a value and an expression',
    variant((s) => (ex(s, SHORT).answer = { value: 1001, expr: '{isn} + 1' })),
    'pages[5].exercise.answer.expr',
    '/pages/5/exercise/answer',
  ],
  [
    'an empty expression',
    variant((s) => (ex(s, SHORT).answer = { expr: ' ' })),
    'pages[5].exercise.answer.expr',
    '/pages/5/exercise/answer',
  ],
  [
    'an answer from "sim" (the first format)',
    variant((s) => (ex(s, SHORT).answer = { sim: modelAnswer(s) })),
    'pages[5].exercise.answer',
    '/pages/5/exercise/answer',
  ],
  [
    'a model answer of an unknown kind',
    variant((s) => (modelAnswer(s).kind = 'udp')),
    'pages[5].exercise.answer.model.kind',
    '/pages/5/exercise/answer',
  ],
  [
    'a model answer without a query',
    variant((s) => delete modelAnswer(s).query),
    'pages[5].exercise.answer.model.query',
    '/pages/5/exercise/answer',
  ],
  [
    'a "set" value that is true',
    variant((s) => (modelAnswer(s).set = { 'client.isn': true })),
    'pages[5].exercise.answer.model.set.client.isn',
    '/pages/5/exercise/answer',
  ],
  [
    'a segment query without a field',
    variant((s) => (modelAnswer(s).query = { segment: { side: 'server' } })),
    'pages[5].exercise.answer.model.query.field',
    '/pages/5/exercise/answer',
  ],
  [
    'a segment field that does not exist',
    variant((s) => (modelAnswer(s).query = { segment: {}, field: 'window' })),
    'pages[5].exercise.answer.model.query.field',
    '/pages/5/exercise/answer',
  ],
  [
    'a state query without nth',
    variant((s) => (modelAnswer(s).query = { state: { side: 'client' } })),
    'pages[5].exercise.answer.model.query.state.nth',
    '/pages/5/exercise/answer',
  ],
  [
    'a final state of both sides',
    variant((s) => (modelAnswer(s).query = { final: 'both' })),
    'pages[5].exercise.answer.model.query.final',
    '/pages/5/exercise/answer',
  ],
  [
    'a count with nth',
    variant((s) => (modelAnswer(s).query = { count: { side: 'client', nth: 2 } })),
    'pages[5].exercise.answer.model.query.count.nth',
    '/pages/5/exercise/answer',
  ],
  [
    'a flag TCP does not have here',
    variant((s) => (modelAnswer(s).query = { count: { flags: ['PSH'] } })),
    'pages[5].exercise.answer.model.query.count.flags[0]',
    '/pages/5/exercise/answer',
  ],
  [
    'two queries in one',
    variant((s) => (modelAnswer(s).query = { final: 'client', state: { side: 'client', nth: 1 } })),
    'pages[5].exercise.answer.model.query.final',
    '/pages/5/exercise/answer',
  ],
  [
    'nth 0',
    variant((s) => (predict0(s).before = { type: 'send', nth: 0 })),
    'pages[1].model.predict[0].before.nth',
    '/pages/1/model/predict/0/before/nth',
  ],
  [
    'a predict question without an event type',
    variant((s) => (predict0(s).before = { side: 'server' })),
    'pages[1].model.predict[0].before.type',
    '/pages/1/model/predict/0/before',
  ],
  [
    'a multipart model with a scenario',
    variant((s) => multipart(s, { scenario: 'handshake' })),
    'pages[1].model.scenario',
    '/pages/1/model',
  ],
  [
    'a multipart question asking what cannot be asked',
    variant((s) => multipart(s, { question: { id: 'q', ask: 'filename' } })),
    'pages[1].model.question.ask',
    '/pages/1/model/question/ask',
  ],
  [
    'a TCP model with a multipart question',
    variant((s) => (model(s).question = { id: 'q', ask: 'boundary' })),
    'pages[1].model.question',
    '/pages/1/model',
  ],
  [
    'a multipart answer with both a disposition and a content type',
    variant((s) => disposition(s, { contentType: { boundary: 'AaB03x' } })),
    'pages[5].exercise.answer.model',
    '/pages/5/exercise/answer',
  ],
  [
    'a multipart answer with a query',
    variant((s) => disposition(s, { query: { final: 'client' } })),
    'pages[5].exercise.answer.model.query',
    '/pages/5/exercise/answer',
  ],
  [
    'a multipart disposition without a name',
    variant((s) => disposition(s, { disposition: { filename: 'a.txt' } })),
    'pages[5].exercise.answer.model.disposition.name',
    '/pages/5/exercise/answer',
  ],
  [
    'a predict question asking what cannot be asked',
    variant((s) => (predict0(s).ask = 'next-window')),
    'pages[1].model.predict[0].ask',
    '/pages/1/model/predict/0/ask',
  ],
  [
    'a parameter with int and choice',
    variant((s) => (ex(s, SHORT).params = { isn: { int: [1, 2], choice: [1] } })),
    'pages[5].exercise.params.isn.choice',
    '/pages/5/exercise/params/isn',
  ],
  [
    'a range of fractions',
    variant((s) => (ex(s, SHORT).params = { isn: { int: [1000.5, 2000] } })),
    'pages[5].exercise.params.isn.int',
    '/pages/5/exercise/params/isn',
  ],
  [
    'a range of three numbers',
    variant((s) => (ex(s, SHORT).params = { isn: { int: [1, 2, 3] } })),
    'pages[5].exercise.params.isn.int',
    '/pages/5/exercise/params/isn',
  ],
  [
    'a parameter name with a hyphen',
    variant((s) => (ex(s, SHORT).params = { 'client-isn': { int: [1, 2] } })),
    'pages[5].exercise.params.client-isn',
    '/pages/5/exercise/params',
  ],
  [
    'an empty choice',
    variant((s) => (ex(s, SHORT).params = { who: { choice: [] } })),
    'pages[5].exercise.params.who.choice',
    '/pages/5/exercise/params/who',
  ],
  [
    'a mistake without an id',
    variant((s) => (ex(s, SHORT).mistakes = [{ answer: 1000 }])),
    'pages[5].exercise.mistakes[0].id',
    '/pages/5/exercise/mistakes/0',
  ],
  [
    'a mistake whose answer is a list',
    variant((s) => (ex(s, SHORT).mistakes = [{ id: 'isn', answer: [1] }])),
    'pages[5].exercise.mistakes[0].answer',
    '/pages/5/exercise/mistakes/0/answer',
  ],
  [
    'an empty accepted answer',
    variant((s) => (ex(s, SHORT).accept = [''])),
    'pages[5].exercise.accept[0]',
    '/pages/5/exercise/accept/0',
  ],
  [
    'a gateway model with a misspelt condition',
    variant(gateway({ conditions: ['slw'] })),
    'pages[1].model.conditions[0]',
    '/pages/1/model/conditions/0',
  ],
  [
    'a gateway question that asks what the model cannot answer',
    variant(gateway({ questions: [{ id: 'q', condition: 'slow', ask: 'why' }] })),
    'pages[1].model.questions[0].ask',
    '/pages/1/model/questions/0/ask',
  ],
  [
    'an odd RTT in the HTTP versions model',
    variant((s) => versions(s, { rtt: 101 })),
    'pages[1].model.rtt',
    '/pages/1/model/rtt',
  ],
  [
    'a mode HTTP does not have',
    variant((s) => versions(s, { modes: ['1.1', 'h2'] })),
    'pages[1].model.modes[1]',
    '/pages/1/model/modes/1',
  ],
  [
    'an HTTP versions question asking what cannot be asked',
    variant((s) => versions(s, { questions: [{ id: 'q', ask: 'fastest' }] })),
    'pages[1].model.questions[0].ask',
    '/pages/1/model/questions/0/ask',
  ],
  [
    'a gateway model with a scenario',
    variant(gateway({ scenario: 'handshake' })),
    'pages[1].model.scenario',
    '/pages/1/model',
  ],
  [
    "an HTTP versions question's hints in the structure",
    variant((s) => versions(s, { questions: [{ id: 'q', ask: 'first-done', hints: ['Which?'] }] })),
    'pages[1].model.questions[0].hints',
    '/pages/1/model/questions/0/hints',
  ],
  [
    "a TCP player's field in the HTTP versions model",
    variant((s) => versions(s, { scenario: 'handshake' })),
    'pages[1].model.scenario',
    '/pages/1/model',
  ],
  [
    'a gateway answer with an unknown query',
    variant(gatewayAnswer({ upstream: 'slow', query: 'code' })),
    'pages[5].exercise.answer.model.query',
    '/pages/5/exercise/answer',
  ],
  [
    'a gateway answer with a fraction of a ms',
    variant(gatewayAnswer({ upstream: 'slow', query: 'respondedAt', set: { clientMs: 1.5 } })),
    'pages[5].exercise.answer.model.set.clientMs',
    '/pages/5/exercise/answer',
  ],
  [
    'a gateway answer with a timing it does not have',
    variant(gatewayAnswer({ upstream: 'slow', query: 'respondedAt', set: { rttMs: 5 } })),
    'pages[5].exercise.answer.model.set.rttMs',
    '/pages/5/exercise/answer',
  ],
  [
    'an example the proxy model does not have',
    withProxy((s) => (proxyModel(s).examples = ['keep-alive', 'keepalive'])),
    'pages[6].model.examples[1]',
    '/pages/6/model/examples/1',
  ],
  [
    'a proxy question asking what cannot be asked',
    withProxy((s) => (proxyModel(s).questions = [{ id: 'q', ask: 'which-cookie' }])),
    'pages[6].model.questions[0].ask',
    '/pages/6/model/questions/0/ask',
  ],
  ['three proxies', withProxy((s) => (proxyModel(s).proxies = 3)), 'pages[6].model.proxies', '/pages/6/model/proxies'],
  [
    'a proxy mode that does not exist',
    withProxy((s) => (proxyModel(s).mode = 'http09')),
    'pages[6].model.mode',
    '/pages/6/model/mode',
  ],
  [
    'a TCP scenario in a proxy model',
    withProxy((s) => (proxyModel(s).scenario = 'handshake')),
    'pages[6].model.scenario',
    '/pages/6/model',
  ],
  [
    'hints written into a proxy question',
    withProxy((s) => (proxyModel(s).questions = [{ id: 'q', ask: 'via', hints: ['A hint'] }])),
    'pages[6].model.questions[0].hints',
    '/pages/6/model/questions/0/hints',
  ],
  [
    'a proxy answer asking what it cannot read',
    withProxy((s) => (proxyAnswer(s).ask = 'cookie')),
    'pages[7].exercise.answer.model.ask',
    '/pages/7/exercise/answer',
  ],
  [
    'a proxy answer through three proxies',
    withProxy((s) => (proxyAnswer(s).proxies = ['a', 'b', 'c'])),
    'pages[7].exercise.answer.model.proxies',
    '/pages/7/exercise/answer',
  ],
  [
    'a proxy answer without a request',
    withProxy((s) => delete proxyAnswer(s).request),
    'pages[7].exercise.answer.model.request',
    '/pages/7/exercise/answer',
  ],
  [
    'an HTTP versions answer whose query is not one',
    variant((s) => versionsAnswer(s, { query: { fastest: '2' } })),
    'pages[5].exercise.answer.model.query',
    '/pages/5/exercise/answer',
  ],
  [
    'a client the User-Agent model does not have',
    variant(uaCache({ clients: ['iphone-safari', 'chrome'] })),
    'pages[1].model.clients[1]',
    '/pages/1/model/clients/1',
  ],
  [
    'thirteen clients',
    variant(uaCache({ clients: Array(13).fill('curl') })),
    'pages[1].model.clients',
    '/pages/1/model/clients',
  ],
  [
    'a setting of the responses that does not exist',
    variant(uaCache({ response: 'vary' })),
    'pages[1].model.response',
    '/pages/1/model/response',
  ],
  [
    'a User-Agent question asking what cannot be asked',
    variant(uaCache({ questions: [{ id: 'q', at: 1, ask: 'why' }] })),
    'pages[1].model.questions[0].ask',
    '/pages/1/model/questions/0/ask',
  ],
  [
    "a User-Agent question's hints in the structure",
    variant(uaCache({ questions: [{ id: 'q', at: 1, ask: 'page', hints: ['Which?'] }] })),
    'pages[1].model.questions[0].hints',
    '/pages/1/model/questions/0/hints',
  ],
  [
    'a User-Agent question before request 0',
    variant(uaCache({ questions: [{ id: 'q', at: 0, ask: 'cache' }] })),
    'pages[1].model.questions[0].at',
    '/pages/1/model/questions/0/at',
  ],
  [
    "a TCP player's field in the User-Agent model",
    variant(uaCache({ scenario: 'handshake' })),
    'pages[1].model.scenario',
    '/pages/1/model',
  ],
  [
    'a User-Agent answer with an unknown query',
    variant(uaAnswer({ clients: ['curl'], response: 'no-vary', query: 'count' })),
    'pages[5].exercise.answer.model.query',
    '/pages/5/exercise/answer',
  ],
  [
    'a User-Agent answer without clients',
    variant(uaAnswer({ response: 'no-vary', query: 'entries' })),
    'pages[5].exercise.answer.model.clients',
    '/pages/5/exercise/answer',
  ],
  [
    'a User-Agent answer with a client it does not have',
    variant(uaAnswer({ clients: ['{c}', 'safari'], response: 'vary-ua', query: 'entries' })),
    'pages[5].exercise.answer.model.clients[1]',
    '/pages/5/exercise/answer',
  ],
];

const ACCEPTED: Array<[string, Obj]> = [
  ['the base lesson', BASE],
  [
    'review pages: an exercise and a model question of other lessons',
    variant((s) =>
      s.pages.push(
        { id: 'again', review: { from: 'teardown/fin-says' } },
        { id: 'again-model', review: { from: 'three-way-handshake/predict-synack-ack' } },
      ),
    ),
  ],
  ['no $schema', variant((s) => delete s.$schema)],
  ['an order below zero, with a fraction', variant((s) => (s.order = -1.5))],
  ['a model without predict questions', variant((s) => delete model(s).predict)],
  ['a predict question with only an event type', variant((s) => (predict0(s).before = { type: 'state' }))],
  ['a model running a scenario file of the lesson', variant((s) => (model(s).scenario = 'slow.json'))],
  ['a fixed number', variant((s) => (ex(s, SHORT).answer = { value: 1001 }))],
  ['a fixed text', variant((s) => (ex(s, SHORT).answer = { value: '1001' }))],
  ['an expression', variant((s) => (ex(s, SHORT).answer = { expr: '{isn} + 1' }))],
  ['a model answer without set', variant((s) => delete modelAnswer(s).set)],
  [
    'a segment query by flags',
    variant((s) => (modelAnswer(s).query = { segment: { flags: ['SYN', 'ACK'] }, field: 'seq' })),
  ],
  ['a state query', variant((s) => (modelAnswer(s).query = { state: { side: 'client', nth: 2 } }))],
  ['a final-state query', variant((s) => (modelAnswer(s).query = { final: 'server' }))],
  ['a count query', variant((s) => (modelAnswer(s).query = { count: { side: 'client', flags: ['SYN'] } }))],
  [
    'a choice parameter',
    variant((s) => (ex(s, SHORT).params = { isn: { int: [5, 5] }, who: { choice: ['client', 2] } })),
  ],
  [
    'mistakes given as a number, a text and an expression',
    variant(
      (s) =>
        (ex(s, SHORT).mistakes = [
          { id: 'one', answer: 1 },
          { id: 'two', answer: '2' },
          { id: 'three', answer: { expr: '{isn} * 3' } },
        ]),
    ),
  ],
  ['other accepted answers', variant((s) => (ex(s, SHORT).accept = ['1 001', 1001]))],
  ['parameters on a choice question', variant((s) => (ex(s, ONE).params = {}))],
  ['an exercise that runs a scenario file', variant((s) => (modelAnswer(s).scenario = 'slow.json'))],
  ['a gateway model with its defaults', variant(gateway({}))],
  [
    'a gateway model with conditions, a start and a question',
    variant(
      gateway({
        conditions: ['ok', 'slow'],
        start: 'slow',
        questions: [{ id: 'q-slow', condition: 'slow', ask: 'status' }],
      }),
    ),
  ],
  [
    'a gateway answer from a parameter, with a timing',
    variant(gatewayAnswer({ upstream: 'slow', query: 'respondedAt', set: { timeoutMs: '{isn}', clientMs: 10 } })),
  ],
  ['a proxy model and an answer it computes', withProxy()],
  [
    'a proxy model with its kind alone',
    withProxy((s) => {
      s.pages[PROXY]!.model = { kind: 'http-proxy' };
    }),
  ],
  [
    'a proxy model of random requests through two old proxies',
    withProxy((s) => {
      s.pages[PROXY]!.model = { kind: 'http-proxy', random: true, mode: 'http10', proxies: 2 };
    }),
  ],
  [
    'a proxy answer from a built-in example, with the defaults',
    withProxy((s) => {
      ex(s, PROXY_SHORT).answer = { model: { kind: 'http-proxy', request: 'max-forwards', ask: 'max-forwards' } };
      ex(s, PROXY_SHORT).kind = 'number';
      delete ex(s, PROXY_SHORT).params;
    }),
  ],
  ['a multipart model asking a question', variant((s) => multipart(s))],
  ['a multipart model with no question', variant((s) => (s.pages[WATCH]!.model = { kind: 'http-multipart' }))],
  ['a multipart answer: a Content-Disposition', variant((s) => disposition(s))],
  [
    'a multipart answer: a Content-Disposition with a file name',
    variant((s) => disposition(s, { disposition: { name: 'photo', filename: '{isn}.png' } })),
  ],
  [
    'a multipart answer: a Content-Type',
    variant((s) => {
      disposition(s);
      (ex(s, SHORT).answer as Obj).model = { kind: 'http-multipart', contentType: { boundary: 'b{isn}' } };
    }),
  ],
  ['an HTTP versions model with nothing but its kind', variant((s) => versions(s, {}))],
  [
    'an HTTP versions model with every field',
    variant((s) =>
      versions(s, {
        requests: 4,
        rtt: 60,
        server: 20,
        slow: { request: 2, server: 900 },
        connections: 2,
        modes: ['1.1', '1.1-parallel', '2'],
        view: 'frames',
        questions: [
          { id: 'q1', ask: 'done', mode: '1.1', request: 'last' },
          { id: 'q2', ask: 'first-done', after: 'slow' },
          { id: 'q3', ask: 'total', mode: '2', after: 'connections' },
        ],
      }),
    ),
  ],
  ['an answer computed by the HTTP versions model', variant((s) => versionsAnswer(s, { query: { total: '1.1' } }))],
  [
    'an HTTP versions answer with a slow request and a request of a mode',
    variant((s) =>
      versionsAnswer(s, {
        slow: { request: 1, server: '{n}' },
        connections: 2,
        query: { done: { mode: '1.1-parallel', request: '{n}' } },
      }),
    ),
  ],
  ['a User-Agent model with its kind alone', variant(uaCache({}))],
  [
    'a User-Agent model with every field',
    variant(
      uaCache({
        clients: ['iphone-safari', 'windows-chrome', 'fake-chrome'],
        response: 'vary-ua',
        responses: ['no-vary', 'vary-ua', 'client-hints'],
        questions: [
          { id: 'q1', at: 2, ask: 'page' },
          { id: 'q2', at: 3, ask: 'cache', response: 'no-vary' },
          { id: 'q3', at: 3, ask: 'entries' },
        ],
      }),
    ),
  ],
  [
    'an answer computed by the User-Agent model from parameters',
    variant(uaAnswer({ clients: ['{c}', 'windows-chrome', '{c}'], response: 'vary-ua', query: 'entries' })),
  ],
  [
    'a User-Agent answer whose setting is a parameter',
    variant((s) => {
      uaAnswer({ clients: ['{c}'], response: '{r}', query: 'last' })(s);
      ex(s, SHORT).kind = 'token';
      (ex(s, SHORT).params as Obj).r = { choice: ['no-vary', 'private'] };
    }),
  ],
];

// What needs more than the shape of one field: the loader (and `lessons check`) finds it, the schema cannot.
const LOADER_ONLY: Array<[string, Obj, string]> = [
  [
    'a proxy answer whose request a proxy cannot forward',
    withProxy((s) => (proxyAnswer(s).request = 'GET / HTTP/1.1\n')),
    'pages[7].exercise.answer',
  ],
  [
    'a proxy answer that no server receives',
    withProxy((s) => {
      ex(s, PROXY_SHORT).answer = {
        model: { kind: 'http-proxy', request: 'max-forwards', proxies: ['a', 'b'], ask: 'via' },
      };
      delete ex(s, PROXY_SHORT).params;
    }),
    'pages[7].exercise.answer',
  ],
  [
    'a proxy question with the id of an exercise',
    withProxy((s) => (proxyModel(s).questions = [{ id: 'pick-one', ask: 'via' }])),
    'pages[6].model',
  ],
  ['an answer that is not an option', variant((s) => (ex(s, ONE).answer = 'c')), 'pages[2].exercise.answer'],
  ['two pages with one id', variant((s) => (s.pages[1]!.id = 'intro')), 'pages[1].id'],
  ['an exercise id used twice', variant((s) => (ex(s, MANY).id = 'pick-one')), 'pages[3].exercise.id'],
  [
    'a range from high to low',
    variant((s) => (ex(s, SHORT).params = { isn: { int: [2000, 1000] } })),
    'pages[5].exercise.params.isn.int',
  ],
  ['items already in order', variant((s) => (ex(s, ORDER).items = ['a', 'b'])), 'pages[4].exercise.items'],
  [
    'a scenario file that is not there',
    variant((s) => (model(s).scenario = 'missing.json')),
    'pages[1].model.scenario',
  ],
  [
    'an event the run does not have',
    variant((s) => (predict0(s).before = { type: 'drop' })),
    'pages[1].model.predict[0].before',
  ],
  [
    'a gateway question on a condition the page does not offer',
    variant(gateway({ conditions: ['ok'], questions: [{ id: 'q', condition: 'slow', ask: 'who' }] })),
    'pages[1].model.questions[0].condition',
  ],
  [
    'a gateway start the page does not offer',
    variant(gateway({ conditions: ['ok'], start: 'slow' })),
    'pages[1].model.start',
  ],
  [
    'two gateway questions on one condition',
    variant(
      gateway({
        questions: [
          { id: 'a', condition: 'slow', ask: 'who' },
          { id: 'b', condition: 'slow', ask: 'status' },
        ],
      }),
    ),
    'pages[1].model.questions[1].condition',
  ],
  [
    'a gateway answer whose parameter is not a condition',
    variant(gatewayAnswer({ upstream: '{isn}', query: 'status' })),
    'pages[5].exercise.answer',
  ],
  [
    'a scenario field that does not exist',
    variant((s) => (modelAnswer(s).set = { 'client.isnn': '{isn}' })),
    'pages[5].exercise.answer',
  ],
  [
    'a question about a mode the page does not show',
    variant((s) => versions(s, { modes: ['1.1', '2'], questions: [{ id: 'q', ask: 'total', mode: '1.0' }] })),
    'pages[1].model.questions[0].mode',
  ],
  [
    'a slow request beyond the requests',
    variant((s) => versions(s, { requests: 3, slow: { request: 5, server: 500 } })),
    'pages[1].model.slow.request',
  ],
  [
    'a later HTTP versions question asked as the page opens',
    variant((s) =>
      versions(s, {
        questions: [
          { id: 'a', ask: 'first-done' },
          { id: 'b', ask: 'first-done', after: 'start' },
        ],
      }),
    ),
    'pages[1].model.questions[1].after',
  ],
  [
    'an HTTP versions answer that cannot be computed with its parameters (1000 requests and more)',
    variant((s) => versionsAnswer(s, { requests: '{isn}', query: { total: '2' } })),
    'pages[5].exercise.answer',
  ],
  [
    'a User-Agent question after the last request',
    variant(uaCache({ clients: ['curl', 'iphone-safari'], questions: [{ id: 'q', at: 3, ask: 'page' }] })),
    'pages[1].model.questions[0].at',
  ],
  [
    'a User-Agent question under a setting the page does not offer',
    variant(uaCache({ responses: ['no-vary'], questions: [{ id: 'q', at: 1, ask: 'page', response: 'vary-ua' }] })),
    'pages[1].model.questions[0].response',
  ],
  [
    'a User-Agent start the page does not offer',
    variant(uaCache({ responses: ['no-vary', 'private'], response: 'vary-ua' })),
    'pages[1].model.response',
  ],
  [
    'two User-Agent questions before one request under one setting',
    variant(
      uaCache({
        questions: [
          { id: 'a', at: 2, ask: 'page' },
          { id: 'b', at: 2, ask: 'cache' },
        ],
      }),
    ),
    'pages[1].model.questions[1].at',
  ],
  [
    'a User-Agent answer whose parameter is not a client',
    variant(uaAnswer({ clients: ['{isn}'], response: 'no-vary', query: 'entries' })),
    'pages[5].exercise.answer',
  ],
];

/** A review page's `from`, and what the loader says of it once every built-in lesson is loaded beside it. */
const REVIEWS_LOADED: Array<[string, string, string]> = [
  ['a lesson that is not loaded', 'cookies/same-site', 'no lesson "cookies" is loaded'],
  ['a lesson that has problems', 'broken-lesson/x', 'the lesson "broken-lesson" was not loaded'],
  ['an exercise the lesson does not have', 'teardown/fin-said', 'did you mean "fin-says"?'],
  ['a page of a review', 'review/synack-seq', 'never on another review'],
  ['an item of the lesson itself', 'agree/pick-one', 'is in this lesson itself'],
];

describe('the schema and the loader agree', () => {
  it.each(REJECTED)('both reject %s', (_, structure, field, place) => {
    const l = loader(structure);
    expect(l.loaded).toBe(false);
    expect(l.fields).toContain(field);
    const s = validateStructure(structure);
    expect(s.valid).toBe(false);
    expect(s.errors.map((e) => e.instancePath)).toContain(place);
  });

  it.each(ACCEPTED)('both accept %s', (_, structure) => {
    expect(loader(structure).problems).toEqual([]);
    expect(validateStructure(structure)).toEqual({ valid: true, errors: [] });
  });

  it.each(LOADER_ONLY)('only the loader can tell: %s', (_, structure, field) => {
    expect(validateStructure(structure)).toEqual({ valid: true, errors: [] });
    expect(loader(structure).fields).toContain(field);
  });

  // Whether a review's lesson and item exist is known once every lesson is loaded: beside the built-in ones.
  it.each(REVIEWS_LOADED)('only the loader, with every lesson loaded, can tell: %s', (_, from, message) => {
    const structure = variant((s) => s.pages.push({ id: 'again', review: { from } }));
    expect(validateStructure(structure)).toEqual({ valid: true, errors: [] });
    const folder = loadLessonFolder(
      writeLessonFiles(mkdtempSync(join(tmpdir(), 'nettutor-schema-')), 'agree', {
        'lesson.jsonc': JSON.stringify(structure, null, 2),
        'en.md': enMdFor(structure),
        'slow.json': SCENARIO_FILE,
      }),
      'agree',
    );
    expect(folder.problems).toEqual([]);
    const resolved = resolveReviews([...builtinLessons, folder.lesson!], ['broken-lesson']);
    expect(resolved.lessons.map((l) => l.id)).not.toContain('agree');
    expect(resolved.problems).toEqual([
      expect.objectContaining({ field: 'pages[6].review.from', message: expect.stringContaining(message) }),
    ]);
  });

  // Texts the structure has no place for: the loader drops them without a word (or, for an option written
  // as in the first format, takes it in English only, with no translation), the editor says where they go.
  it.each([
    [
      'an option written with its text',
      variant((s) => (ex(s, ONE).options = [{ id: 'a', text: 'A', why: 'Because.' }, 'b'])),
      '/pages/2/exercise/options/0',
    ],
    ['hints of a predict question', variant((s) => (predict0(s).hints = ['A hint'])), '/pages/1/model/predict/0/hints'],
    [
      'hints of a gateway question',
      variant(gateway({ questions: [{ id: 'q', condition: 'slow', ask: 'who', hints: ['A hint'] }] })),
      '/pages/1/model/questions/0/hints',
    ],
    [
      "a mistake's why",
      variant((s) => ((ex(s, SHORT).mistakes as Obj[])[0]!.why = 'No.')),
      '/pages/5/exercise/mistakes/0/why',
    ],
  ])('the schema flags %s', (_, structure, place) => {
    const s = validateStructure(structure);
    expect(s.errors.map((e) => e.instancePath)).toContain(place);
  });
});
