// The multipart lesson in a real pseudo-terminal (tmux), with the built CLI,
// as a learner meets it: the builder follows a key and shows the exact bytes,
// the model asks for the boundary of a random body (worked out from the
// screen: the first line less its two hyphens), and a computed short answer
// takes a part's Content-Disposition written with the learner's own spacing.
// Both land in the progress file.
import { describe, expect, it } from 'vitest';
import { hasTmux, openLesson } from '../helpers/tmux.js';

describe.skipIf(!hasTmux)('the multipart lesson in a terminal', () => {
  it('drives the builder, answers the model-graded boundary question and a computed Content-Disposition', async () => {
    const { s, turnTo, saved } = await openLesson('multipart');

    // The builder: RFC 7578's example, then a binary file, its bytes made visible.
    s.keys('n');
    await s.waitFor('192 bytes, 2 parts: a receiver reads them back.');
    expect(s.screen()).toMatch(/ 1 {3}--AaB03x\\r\\n {2}← part 1/);
    s.keys('f');
    await s.waitFor('\\x89PNG\\r\\n');

    // The model asks for the boundary of a random body, its Content-Type hidden.
    await turnTo('find');
    const screen = await s.waitFor('boundary=?');
    // Worked out from the screen: a delimiter line is two hyphens and the boundary.
    const boundary = /^ ?1 {3}--(.+)\\r\\n\s*$/m.exec(screen)![1]!;
    // The choices: the rows that hold the boundary's letters and digits (some choices have fewer hyphens).
    const core = boundary.replace(/^-+/, '');
    const choices = screen
      .split('\n')
      .filter((row) => /^[› ] \S/.test(row) && row.includes(core) && !row.includes('\\r\\n'))
      .map((row) => row.slice(2).trimEnd());
    const at = choices.indexOf(boundary);
    expect(at, choices.join(' | ')).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    await s.waitFor(`Right: ${boundary}`);

    // The computed exercise: a file part's Content-Disposition, typed with spaces of the learner's own.
    await turnTo('write-disposition');
    const prompt = (await s.waitFor(/sends the file .+ in its field \S+\./)).replace(/\s+/g, ' ');
    const [, file, field] = /sends the file (.+?) in its field (\S+)\./.exec(prompt)!;
    // By hand: RFC 7578 §4.2, the type form-data, the field's name, the file's name.
    s.literal(`form-data ;name="${field}";  filename="${file}"`);
    s.keys('Enter');
    await s.waitFor('Correct');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const { exercises } = saved();
    expect(exercises['find-boundary']).toMatchObject({ solved: true, attempts: 1 });
    expect(exercises['file-part-disposition']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
