import { Suspense, useState, type ReactNode } from 'react';

/**
 * Renders a (lazy) dialog from the first time it is opened, and keeps it mounted after that (its closing and
 * later openings behave as before). Until then its code is not even loaded: the start parses only what the
 * worklist shows.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
