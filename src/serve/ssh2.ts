// ssh2 is loaded only by `nettutor serve`, and only when it is installed: it
// is an optional peer dependency, so `npx nettutor` never downloads it.
import type * as Ssh2 from 'ssh2';

export type Ssh2Module = typeof Ssh2;

/** ssh2 is not installed where nettutor can find it; the message says how to get it. */
export class MissingSsh2Error extends Error {
  constructor() {
    super(
      'nettutor serve needs the ssh2 package, which is not installed with nettutor (learners do not need it).\n' +
        'Install it beside nettutor, then start the server again:\n' +
        '  npm install nettutor ssh2 && npx nettutor serve\n' +
        'or, without installing: npx -p nettutor -p ssh2 nettutor serve\n' +
        '(from a clone of nettutor, `npm install` brings it).',
    );
    this.name = 'MissingSsh2Error';
  }
}

/** The ssh2 module, or a MissingSsh2Error. `load` is for tests (a module that is not there). */
export async function loadSsh2(load: () => Promise<unknown> = () => import('ssh2')): Promise<Ssh2Module> {
  let mod: unknown;
  try {
    mod = await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingSsh2Error();
    throw error;
  }
  // ssh2 is CommonJS: its exports are the default export, and usually named exports too.
  const m = mod as Ssh2Module & { default?: Ssh2Module };
  return m.Server ? m : (m.default as Ssh2Module);
}
