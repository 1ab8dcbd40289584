// A tiny arithmetic language for computed answers: integers, + - * / % and
// parentheses, with `{param}` replaced by the drawn parameters first.
import { interpolate } from '../i18n/localize.js';

export function evaluate(expr: string, params: Record<string, string | number>): number {
  const source = interpolate(expr, params);
  let pos = 0;
  const peek = () => source.slice(pos).trimStart()[0];
  const skip = () => {
    while (source[pos] === ' ') pos++;
  };
  const fail = (what: string): never => {
    throw new Error(`cannot evaluate "${expr}": ${what} at column ${pos + 1}`);
  };
  const primary = (): number => {
    skip();
    if (source[pos] === '(') {
      pos++;
      const v = sum();
      skip();
      if (source[pos] !== ')') fail('expected )');
      pos++;
      return v;
    }
    if (source[pos] === '-') {
      pos++;
      return -primary();
    }
    const m = /^\d+(\.\d+)?/.exec(source.slice(pos));
    if (!m) fail(`expected a number, found "${source.slice(pos, pos + 8) || 'the end'}"`);
    pos += m![0].length;
    return Number(m![0]);
  };
  const product = (): number => {
    let v = primary();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      skip();
      pos++;
      const r = primary();
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      skip();
      pos++;
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const value = sum();
  skip();
  if (pos < source.length) fail('unexpected text');
  return value;
}
