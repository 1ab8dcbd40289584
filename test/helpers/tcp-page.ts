// The TCP model settings of a lesson page, and where the player lists an answer, for tests that read the
// shipped lessons.
import type { Page } from '../../src/core/lessons/types.js';
import { findEvent } from '../../src/core/models/tcp/player.js';
import { predictChoices } from '../../src/core/models/tcp/predict.js';
import type { TcpSettings } from '../../src/core/models/tcp/types.js';
import { getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { simulate } from '../../src/core/tcp/simulate.js';

export function tcpOf(page: Page | undefined): TcpSettings | undefined {
  return page?.model?.kind === 'tcp' ? (page.model.settings as TcpSettings) : undefined;
}

/** Where the player lists `answer` among its choices, for the predict point `pointId` of the page `pageId`. */
export function predictChoiceIndex(lesson: { pages: Page[] }, pageId: string, pointId: string, answer: string): number {
  const sim = tcpOf(lesson.pages.find((p) => p.id === pageId))!;
  const point = sim.predict!.find((q) => q.id === pointId)!;
  const result = simulate(getBuiltinScenario(sim.scenario)!);
  return predictChoices(result, findEvent(result.events, point.before) - 1, point.ask).indexOf(answer);
}
