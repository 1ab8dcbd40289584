// The multipart/form-data model as a plug-in: a page's settings are the
// question it may ask; the state is the learner's form and its body; its
// questions are graded by the parser; its queries compute the header values
// a sender writes (a part's Content-Disposition, the request's Content-Type).
import { interpolate } from '../../i18n/localize.js';
import { type Checker, isObject, type Json } from '../../schema/checker.js';
import { readQuestion } from '../block.js';
import { defineKind } from '../kind.js';
import {
  gradeChoice,
  initialMultipartState,
  MULTIPART_ASKS,
  type MultipartAction,
  type MultipartSettings,
  type MultipartState,
  multipartReducer,
  questionText,
} from './model.js';
import { boundaryFault, contentTypeValue, dispositionValue } from './multipart.js';

/** A computed answer: the value a sender writes in a header field. */
export type MultipartQuery =
  | { disposition: { name: string; filename?: string } }
  | { contentType: { boundary: string } };

/** A text with `{param}`s, non-empty. */
function template(c: Checker, v: Json, path: string): string | undefined {
  if (typeof v !== 'string' || v === '') {
    c.problem(path, `expected a non-empty string (it may hold {parameters}), found ${JSON.stringify(v) ?? 'nothing'}`);
    return undefined;
  }
  return v;
}

export const multipartKind = defineKind<MultipartSettings, MultipartState, MultipartAction, MultipartQuery>({
  kind: 'http-multipart',

  parseBlock(c, raw, path) {
    c.keys(raw, path, ['kind', 'question', 'hints']);
    if (raw.question === undefined) return {};
    const q = readQuestion(c, raw, path, raw.question, `${path}.question`, ['ask'], (o, p) => {
      const ask = c.oneOf(o.ask, `${p}.ask`, MULTIPART_ASKS);
      return ask ? { ask } : undefined;
    });
    return q ? { question: q } : undefined;
  },

  checkBlock: () => [],

  questionIds: (settings) => (settings.question ? [settings.question.id] : []),
  rawQuestionIds: (raw) => (isObject(raw.question) && typeof raw.question.id === 'string' ? [raw.question.id] : []),

  start: (settings, ctx) => initialMultipartState(settings, ctx.seed ?? 1),
  reduce: multipartReducer,
  tick: { type: 'tick' },
  tickMs: () => null,

  question(state) {
    const q = state.settings.question;
    const text = questionText(state);
    if (!q || !text) return null;
    return { id: q.id, question: text, choices: state.shown.choices, hints: q.hints, answered: state.answered };
  },

  answer(state, choice) {
    const verdict = gradeChoice(state, choice);
    return { state: { ...state, answered: true }, verdict };
  },

  parseQuery(c, raw, path) {
    c.keys(raw, path, ['kind', 'disposition', 'contentType']);
    if ((raw.disposition === undefined) === (raw.contentType === undefined)) {
      c.problem(path, 'expected one of "disposition": {"name", "filename"} or "contentType": {"boundary"}');
      return undefined;
    }
    if (raw.disposition !== undefined) {
      const p = `${path}.disposition`;
      const o = c.object(raw.disposition, p);
      if (!o) return undefined;
      c.keys(o, p, ['name', 'filename']);
      const name = template(c, o.name, `${p}.name`);
      const filename = o.filename === undefined ? undefined : template(c, o.filename, `${p}.filename`);
      if (name === undefined || (o.filename !== undefined && filename === undefined)) return undefined;
      return { disposition: { name, ...(filename === undefined ? {} : { filename }) } };
    }
    const p = `${path}.contentType`;
    const o = c.object(raw.contentType, p);
    if (!o) return undefined;
    c.keys(o, p, ['boundary']);
    const boundary = template(c, o.boundary, `${p}.boundary`);
    return boundary === undefined ? undefined : { contentType: { boundary } };
  },

  runQuery(query, params) {
    if ('disposition' in query) {
      const { name, filename } = query.disposition;
      return {
        value: dispositionValue(
          interpolate(name, params),
          filename === undefined ? undefined : interpolate(filename, params),
        ),
      };
    }
    const boundary = interpolate(query.contentType.boundary, params);
    const fault = boundaryFault(boundary);
    if (fault) return { error: `"${boundary}" is not a valid boundary (${fault.kind})` };
    return { value: contentTypeValue(boundary) };
  },
});
