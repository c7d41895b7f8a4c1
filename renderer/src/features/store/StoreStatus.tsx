import { useEffect } from 'react';
import { formatTime } from '../../../../shared/domain/time';
import { onStoreConnection } from '../../api/client';
import { contractKey, queryClient, useContractQuery } from '../../api/query';
import type { Output } from '../../../../shared/contract';

/** Keeps the cached store status current from the core's pushes (lost, back). */
export function useStoreStatus(): Output<'store.status'> | null {
  const status = useContractQuery('store.status', {}).data ?? null;
  useEffect(
    () =>
      onStoreConnection((connection) => {
        queryClient.setQueryData(contractKey('store.status', {}), (old: Output<'store.status'> | undefined) => (old ? { ...old, connection } : old));
      }),
    [],
  );
  return status;
}

/**
 * The status bar's word on the store: the local file, or the team store and whether its server answers.
 * Lost: said at once, in red, with the promise that nothing typed is lost; back: says when.
 */
export function StoreStatus() {
  const status = useStoreStatus();
  if (!status) return null;
  if (status.kind === 'sqlite') return <span data-testid="store-status">Lokal fil</span>;
  const { connection } = status;
  if (connection.state === 'offline') {
    return (
      <span data-testid="store-status" role="alert" className="store-offline">
        Ingen forbindelse med teamlageret{connection.offlineSince ? ` siden kl. ${formatTime(connection.offlineSince)}` : ''} – prøver igjen. Det du skriver,
        beholdes til det kan lagres.
      </span>
    );
  }
  return (
    <span data-testid="store-status" role="status">
      Teamlager på {status.server ?? ''}
      {connection.reconnectedAt ? ` · Forbindelsen kom tilbake kl. ${formatTime(connection.reconnectedAt)}` : ''}
    </span>
  );
}
