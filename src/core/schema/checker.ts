// The checker kit behind every data file nettutor reads (lessons, scenarios):
// each check records a problem that names the field by its path
// (`pages[2].exercise.options[0].why`) and says what was expected and what
// was found, and returns the value when it is good. All problems are kept,
// not just the first.
import { didYouMean } from '../suggest.js';

export interface FieldProblem {
  /** A path such as `actions[2].call`, or '' for the whole document. */
  field: string;
  message: string;
}

export type Json = unknown;
export type JsonObject = Record<string, Json>;

export const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A found value in a message: short strings quoted, anything else by its kind. */
export function describe(v: Json): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? 'a long string' : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** `path.key`, or `key` at the top. */
export function fieldPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
}

export class Checker {
  readonly problems: FieldProblem[] = [];

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** Every key of `v` must be one of `allowed` (a misspelling gets a suggestion). */
  keys(v: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) {
        this.problem(
          fieldPath(path, key),
          `unknown field${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}`,
        );
      }
    }
  }

  object(v: Json, path: string, what = 'an object'): JsonObject | undefined {
    if (isObject(v)) return v;
    this.problem(path, `expected ${what}, found ${describe(v)}`);
    return undefined;
  }

  string(v: Json, path: string, { pattern, what }: { pattern?: RegExp; what?: string } = {}): string | undefined {
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(path, `expected ${what ?? 'a non-empty string'}, found ${describe(v)}`);
      return undefined;
    }
    if (pattern && !pattern.test(v)) {
      this.problem(path, `expected ${what ?? `text matching ${pattern}`}, found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  number(v: Json, path: string, { integer = false, min, max }: NumberRule = {}): number | undefined {
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!integer || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max);
    if (ok) return v;
    const range =
      min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` ≥ ${min}` : '';
    this.problem(path, `expected ${integer ? 'an integer' : 'a number'}${range}, found ${describe(v)}`);
    return undefined;
  }

  boolean(v: Json, path: string): boolean | undefined {
    if (typeof v === 'boolean') return v;
    this.problem(path, `expected true or false, found ${describe(v)}`);
    return undefined;
  }

  oneOf<T extends string>(v: Json, path: string, values: readonly T[]): T | undefined {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    const expected =
      values.length === 1
        ? `"${values[0]}",`
        : values.length === 2
          ? `"${values[0]}" or "${values[1]}",`
          : `one of ${values.join(', ')};`;
    const suggestion = typeof v === 'string' ? didYouMean(v, values) : '';
    this.problem(path, `expected ${expected} found ${describe(v)}${suggestion}`);
    return undefined;
  }

  array(v: Json, path: string, { min = 0, what = 'items' }: { min?: number; what?: string } = {}): Json[] | undefined {
    if (!Array.isArray(v)) {
      this.problem(path, `expected an array of ${what}, found ${describe(v)}`);
      return undefined;
    }
    if (v.length < min) {
      this.problem(path, `expected at least ${min} ${what}, found ${v.length}`);
      return undefined;
    }
    return v;
  }

  uniqueIds(items: ReadonlyArray<{ id: string }>, path: string, what: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        this.problem(`${path}[${i}].id`, `duplicate ${what} id "${item.id}" (also at ${path}[${first}])`);
      } else seen.set(item.id, i);
    });
  }
}
