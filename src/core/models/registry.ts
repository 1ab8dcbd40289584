// The kinds of interactive model a lesson can use. Adding a kind is one line
// here (and its view in src/ui/models/registry.ts).
import { multipartKind } from './http-multipart/kind.js';
import type { AnyModelKind, KindContext, Params } from './kind.js';
import { httpGatewayKind } from './http-gateway/kind.js';
import { httpProxyKind } from './http-proxy/kind.js';
import { httpUaCacheKind } from './http-ua-cache/kind.js';
import { httpVersionsKind } from './http-versions/kind.js';
import { tcpKind } from './tcp/kind.js';

const KINDS = new Map<string, AnyModelKind>([
  [tcpKind.kind, tcpKind],
  [httpGatewayKind.kind, httpGatewayKind],
  [httpProxyKind.kind, httpProxyKind],
  [multipartKind.kind, multipartKind],
  [httpVersionsKind.kind, httpVersionsKind],
  [httpUaCacheKind.kind, httpUaCacheKind],
]);

export function findKind(kind: string): AnyModelKind | undefined {
  return KINDS.get(kind);
}

/** The kinds there are, for messages ("expected one of tcp, …"). */
export function kindNames(): string[] {
  return [...KINDS.keys()];
}

/** Adds a kind (lesson packs of tests use small kinds of their own). */
export function registerKind(kind: AnyModelKind): void {
  KINDS.set(kind.kind, kind);
}

/** A page's model block or a computed answer's query: the kind, and what it parsed. */
export interface ModelRef {
  kind: string;
  settings: unknown;
}

/** Runs a computed answer's query with the kind that owns it. */
export function runModelQuery(ref: ModelRef, params: Params, ctx: KindContext): { value: string } | { error: string } {
  const kind = findKind(ref.kind);
  if (!kind) return { error: `no model of kind "${ref.kind}"` };
  return kind.runQuery(ref.settings, params, ctx);
}
