import { Alert } from '@navikt/ds-react';

/** A form's error that belongs to no single field (field errors sit next to their field). Renders nothing when null. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert variant="error" size="small" role="alert" style={{ marginBottom: 12 }}>
      {message}
    </Alert>
  );
}
