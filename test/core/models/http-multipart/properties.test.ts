// Properties of multipart/form-data that hold for every form: what is built
// reads back as it was sent, a generated boundary is valid and occurs in no
// content, and every delimiter the model breaks is named by the parser on
// the line where it is broken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakBody, randomForm, withRandom } from '../../../../src/core/models/http-multipart/form.js';
import {
  boundaryFault,
  buildMultipart,
  byteString,
  escapeName,
  escapedLines,
  type FormPart,
  parseMultipart,
} from '../../../../src/core/models/http-multipart/multipart.js';
import { createRandom } from '../../../../src/core/random.js';

/** Bytes that like to break bodies: hyphens, CR, LF, and letters a boundary is made of. */
const tricky = fc.constantFrom(0x2d, 0x0d, 0x0a, 0x41, 0x61, 0x30, 0x20, 0x22, 0x00, 0xff);
const content = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.array(tricky, { maxLength: 40 }).map((a) => Uint8Array.from(a)),
  fc.string({ maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
);
/** A name: any text but one holding %22, %0D or %0A as written (the escapes cannot be told from them). */
const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('%'));
const part: fc.Arbitrary<FormPart> = fc.oneof(
  fc.record({ name, content }),
  fc.record({
    name,
    filename: name,
    contentType: fc.constantFrom('text/plain', 'image/png', 'application/octet-stream'),
    content,
  }),
);
const parts = fc.array(part, { minLength: 1, maxLength: 5 });

describe('multipart/form-data, for every form', () => {
  it('reads back what was built: each part, in order, byte for byte (names as written, escapes kept)', () => {
    fc.assert(
      fc.property(parts, fc.integer(), (form, seed) => {
        const built = buildMultipart(form, { random: createRandom(seed) });
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        const read = parseMultipart(built.body, built.contentType);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.parts.map((p) => ({ ...p, line: 0 }))).toEqual(
          form.map((p) => ({
            name: escapeName(p.name),
            filename: p.filename === undefined ? null : escapeName(p.filename),
            contentType: p.contentType ?? null,
            content: p.content,
            line: 0,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('generates a boundary of 1-70 bchars, not ending in a space, that occurs in no content', () => {
    fc.assert(
      fc.property(parts, fc.integer(), (form, seed) => {
        const built = buildMultipart(form, { random: createRandom(seed) });
        if (!built.ok) throw new Error('not built');
        expect(boundaryFault(built.boundary)).toBeNull();
        for (const p of form) expect(byteString(p.content).includes(built.boundary)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back a form whose content holds every proper prefix of its delimiter at a line start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 17 }), fc.integer(), (cut, seed) => {
        const boundary = 'AaB03x-boundary:x'.slice(0, cut);
        // "\r\n--", "\r\n--A", … up to the delimiter less its last character: content, not a delimiter.
        const body = Array.from({ length: boundary.length }, (_, i) => `\r\n--${boundary.slice(0, i)}`).join('');
        const built = buildMultipart([{ name: 'a', content: body }], { boundary, random: createRandom(seed) });
        if (!built.ok) throw new Error('not built');
        const read = parseMultipart(built.body, built.contentType);
        expect(read.ok && byteString(read.parts[0]!.content)).toBe(body);
      }),
    );
  });

  it('names every broken delimiter on the line where it is broken', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { value: form, seed: next } = withRandom(seed, (r) => randomForm(r));
        const broken = withRandom(next, (r) => breakBody(form, r)).value;
        const read = parseMultipart(broken.body, `multipart/form-data; boundary=${JSON.stringify(form.boundary)}`);
        expect(read.ok).toBe(false);
        if (read.ok) return;
        expect(read.problem).toHaveProperty('line', broken.line);
        // That line is the one holding the boundary that was broken.
        expect(escapedLines(broken.body)[broken.line - 1]).toContain(form.boundary);
      }),
      { numRuns: 300 },
    );
  });
});
