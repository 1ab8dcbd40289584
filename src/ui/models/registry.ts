// The views of the kinds of interactive model: one line a kind, beside its
// line in src/core/models/registry.ts.
import type { Binding } from '../keymap.js';
import { httpGatewayView } from './http-gateway.js';
import { httpProxyView } from './http-proxy.js';
import { httpUaCacheView } from './http-ua-cache.js';
import { multipartView } from './http-multipart.js';
import { httpVersionsView } from './http-versions.js';
import { tcpView } from './tcp.js';
import type { AnyModelView } from './view.js';

const VIEWS = new Map<string, AnyModelView>([
  [tcpView.kind, tcpView],
  [httpGatewayView.kind, httpGatewayView],
  [httpProxyView.kind, httpProxyView],
  [multipartView.kind, multipartView],
  [httpVersionsView.kind, httpVersionsView],
  [httpUaCacheView.kind, httpUaCacheView],
]);

export function viewFor(kind: string): AnyModelView | undefined {
  return VIEWS.get(kind);
}

/** Adds a view (tests drive small kinds of their own). */
export function registerView(view: AnyModelView): void {
  VIEWS.set(view.kind, view);
}

/** The keys of the model of kind `kind`, or none. */
export function modelBindings(kind: string | undefined): readonly Binding[] {
  return kind ? (viewFor(kind)?.bindings ?? []) : [];
}
