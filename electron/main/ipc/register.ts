import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../../core/dispatch';
import { isAppUrl } from '../security';

/** One IPC channel, 'rpc', into the same dispatcher browser mode uses; only our own frame may call it. */
export function registerIpc(dispatch: Dispatch, devServerUrl: string | undefined): void {
  ipcMain.handle('rpc', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url, devServerUrl)) {
      return { ok: false, error: { code: 'internal', message: 'Avvist: ukjent avsender' } };
    }
    return dispatch(method, input);
  });
}
