// Catches what the app throws while rendering, when the caller wants to handle
// it (the workshop server ends that learner's session with a friendly message
// and keeps everyone else's). Nothing is drawn: Ink's own error screen would
// show a stack trace with the server's paths.
import { Component, type ReactNode } from 'react';

export class CrashBoundary extends Component<
  { onCrash: (error: unknown) => void; children: ReactNode },
  { crashed: boolean }
> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }

  override render(): ReactNode {
    return this.state.crashed ? null : this.props.children;
  }
}
