import { Alert, BodyShort, Button, Heading } from '@navikt/ds-react';
import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * Catches a screen that fails while drawing, so the rest of the window (menu, lock, status bar) keeps working.
 * Shows a fixed Norwegian message only: never the error's text, which could hold patient data.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(prev: { resetKey?: unknown }) {
    // Navigating elsewhere gives the new screen a fresh start.
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
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
