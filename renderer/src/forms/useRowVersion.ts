import { useEffect, useRef } from 'react';
import type { RpcError } from '../../../shared/contract';

/**
 * The row version a form edits (no lost update, electron/core/services/row-version.ts): the one loaded when the
 * form opened — not a newer one arriving behind it, or a save would replace a change its author never saw. After a
 * conflict it moves to the version now stored (`fresh`), so saving again replaces that change knowingly; the form
 * keeps what was typed and shows the refusal's message.
 */
export function useRowVersion(loaded: number | undefined, open: boolean, fresh: () => Promise<number | undefined>) {
  const version = useRef(loaded);
  useEffect(() => {
    if (open) version.current = loaded;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- taken when the form opens, not when the record changes behind it
  }, [open]);
  const onRefused = (error: RpcError): RpcError => {
    if (error.code === 'conflict') {
      void fresh().then(
        (v) => (version.current = v),
        () => undefined,
      );
    }
    return error;
  };
  return { version, onRefused };
}
