// The TCP model's view: the simulation player's keys and its drawing.
import type { PlayerAction, PlayerState } from '../../core/models/tcp/player.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { keyText as K } from '../strings.js';
import { type PlayerShown, playerDrawing, playerInfo, playerNeed } from './tcp-lines.js';
import { defineView } from './view.js';

const key = (
  keys: Binding['keys'],
  does: LocalText,
  action: PlayerAction | ((shown: unknown) => PlayerAction),
  hint = false,
): Binding => ({
  intent: 'model',
  keys,
  does,
  action,
  ...(hint ? { hint } : {}),
});

/** Scrolls the ladder by rows, or by pages of what is on screen, as far as the drawing goes. */
const scroll =
  (rows: number, pages = 0) =>
  (shown: unknown): PlayerAction => {
    const ladder = (shown as PlayerShown | undefined)?.ladder;
    const page = ladder?.page ?? 5;
    return { type: 'ladder/scroll', delta: rows + pages * page, ...(ladder ? { range: ladder } : {}) };
  };

export const tcpView = defineView<PlayerState>({
  kind: 'tcp',
  bindings: [
    key([k('space')], K('playPause'), { type: 'play/toggle' }, true),
    key([k('right'), c('l')], K('stepForward'), { type: 'step', delta: 1 }),
    key([k('left')], K('stepBack'), { type: 'step', delta: -1 }),
    summary('model', '→/←', K('step')),
    INFO,
    key([k('up')], K('ladderUp'), scroll(-1)),
    key([k('down')], K('ladderDown'), scroll(1)),
    key([k('pageup')], K('ladderUpScreen'), scroll(0, -1)),
    key([k('pagedown')], K('ladderDownScreen'), scroll(0, 1)),
    key([k('home'), c('g')], K('firstEvent'), { type: 'home' }),
    key([k('end'), c('G')], K('lastEvent'), { type: 'end' }),
    key([c('+'), c('=')], K('faster'), { type: 'speed', delta: 1 }),
    key([c('-')], K('slower'), { type: 'speed', delta: -1 }),
    key([c('d')], K('drop'), { type: 'fault', kind: 'drop' }, true),
    key([c('u')], K('duplicate'), { type: 'fault', kind: 'duplicate' }, true),
    key([c('w')], K('whatIf'), { type: 'what-if/toggle' }, true),
    key([c('c')], K('compare'), { type: 'compare/toggle' }, true),
    key([c('r')], K('restart'), { type: 'restart' }),
  ],
  lines: (state, options) => playerDrawing(state, options),
  need: (state, options) => playerNeed(state, options),
  info: (state, options) => playerInfo(state, options),
});
