// The TCP model settings of a lesson page, for tests that read the shipped lessons.
import type { Page } from '../../src/core/lessons/types.js';
import type { TcpSettings } from '../../src/core/models/tcp/types.js';

export function tcpOf(page: Page | undefined): TcpSettings | undefined {
  return page?.model?.kind === 'tcp' ? (page.model.settings as TcpSettings) : undefined;
}
