import { BodyLong, Heading } from '@navikt/ds-react';
import type { ReactNode } from 'react';

/** Every empty screen says what it is for and offers the first step. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <Heading level="2" size="small" spacing>
        {title}
      </Heading>
      <BodyLong spacing>{children}</BodyLong>
      {action}
    </div>
  );
}
