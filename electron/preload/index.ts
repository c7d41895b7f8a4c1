import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The page gets exactly two functions: call the contract, and listen to main's change pushes.
contextBridge.exposeInMainWorld('forlopsbenk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', method, input),
  on: (channel: string, listener: (payload: unknown) => void): (() => void) => {
    if (!/^[a-z]+\.changed$/.test(channel)) throw new Error('Unknown channel');
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});
