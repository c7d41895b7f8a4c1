import { Alert, BodyShort, Button, Heading } from '@navikt/ds-react';
import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
  resetKey: unknown;
}

/**
 * Catches a screen that fails while drawing, so the rest of the window (menu, lock, status bar) keeps working.
 * Shows a fixed Norwegian message only: never the error's text, which could hold patient data.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  // Navigating elsewhere gives the new screen a fresh start.
  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert variant="error" role="alert" style={{ margin: 24 }}>
        <Heading level="2" size="small" spacing>
          Noe gikk galt i dette skjermbildet
        </Heading>
        <BodyShort spacing>Det du hadde lagret før feilen, er tatt vare på. Last skjermbildet på nytt for å fortsette.</BodyShort>
        <Button size="small" onClick={() => window.location.reload()}>
          Last inn på nytt
        </Button>
      </Alert>
    );
  }
}
