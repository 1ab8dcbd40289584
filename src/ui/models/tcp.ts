// The TCP model's view: the simulation player's keys and its drawing.
import type { PlayerAction, PlayerState } from '../../core/models/tcp/player.js';
import { type Binding, c, k, summary } from '../keymap.js';
import { playerLines } from './tcp-lines.js';
import { defineView } from './view.js';

const key = (keys: Binding['keys'], does: string, action: PlayerAction, hint = false): Binding => ({
  intent: 'model',
  keys,
  does,
  action,
  ...(hint ? { hint } : {}),
});

export const tcpView = defineView<PlayerState>({
  kind: 'tcp',
  bindings: [
    key([k('space')], 'play/pause', { type: 'play/toggle' }, true),
    key([k('right'), c('l')], 'step forward', { type: 'step', delta: 1 }),
    key([k('left')], 'step back', { type: 'step', delta: -1 }),
    summary('model', '→/←', 'step'),
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
  lines: (state, { width, height, theme, question, screenReader, tr }) =>
    playerLines(state, width, height, theme, question, screenReader, tr),
});
