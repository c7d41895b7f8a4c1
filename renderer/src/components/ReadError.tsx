import { Alert } from '@navikt/ds-react';

/**
 * What a section shows in place of its content when its read failed (the Norwegian message) or has no value yet
 * (nothing): `if (error || !data) return <ReadError error={error} />`.
 */
export function ReadError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <Alert variant="error" size="small">
      {error}
    </Alert>
  );
}
