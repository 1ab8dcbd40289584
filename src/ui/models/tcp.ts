// The TCP model's view: the simulation player's keys and its drawing.
import type { PlayerAction, PlayerState } from '../../core/models/tcp/player.js';
import { type Binding, INFO, c, k, summary } from '../keymap.js';
import { type PlayerShown, playerDrawing, playerInfo, playerNeed } from './tcp-lines.js';
import { defineView } from './view.js';

const key = (
  keys: Binding['keys'],
  does: string,
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
    key([k('space')], 'play/pause', { type: 'play/toggle' }, true),
    key([k('right'), c('l')], 'step forward', { type: 'step', delta: 1 }),
    key([k('left')], 'step back', { type: 'step', delta: -1 }),
    summary('model', '→/←', 'step'),
    INFO,
    key([k('up')], 'scroll the ladder up (the current event stays)', scroll(-1)),
    key([k('down')], 'scroll the ladder down', scroll(1)),
    key([k('pageup')], 'scroll the ladder up a screen', scroll(0, -1)),
    key([k('pagedown')], 'scroll the ladder down a screen', scroll(0, 1)),
    key([k('home'), c('g')], 'first event', { type: 'home' }),
    key([k('end'), c('G')], 'last event', { type: 'end' }),
    key([c('+'), c('=')], 'faster', { type: 'speed', delta: 1 }),
    key([c('-')], 'slower', { type: 'speed', delta: -1 }),
    key([c('d')], 'drop next segment', { type: 'fault', kind: 'drop' }, true),
    key([c('u')], 'duplicate next segment', { type: 'fault', kind: 'duplicate' }, true),
    key([c('w')], 'what-if', { type: 'what-if/toggle' }, true),
    key([c('c')], 'compare', { type: 'compare/toggle' }, true),
    key([c('r')], 'restart', { type: 'restart' }),
  ],
  lines: (state, options) => playerDrawing(state, options),
  need: (state, options) => playerNeed(state, options),
  info: (state, options) => playerInfo(state, options),
});
