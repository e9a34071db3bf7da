import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DeskEvent, electronTransport, isMethod, type ApiBridge } from '../shared/api';

// The renderer's whole view of Electron: one `invoke` for the methods of
// api.ts and one `onEvent` for the repository's events; no ipcRenderer, no
// Node. Unknown methods stop here; the main process checks everything again
// regardless, because a compromised renderer could skip this file.

const bridge: ApiBridge = {
  invoke(method, input) {
    if (!isMethod(method)) {
      return Promise.reject(
        new Error(`StoryDesk: ${JSON.stringify(method)} is not an API method.`),
      );
    }
    return ipcRenderer.invoke(electronTransport.apiChannel, method, input) as Promise<unknown>;
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      const event = DeskEvent.safeParse(payload);
      if (event.success) listener(event.data);
    };
    ipcRenderer.on(electronTransport.eventChannel, forward);
    return () => void ipcRenderer.removeListener(electronTransport.eventChannel, forward);
  },
  onCommand(listener) {
    const forward = (_event: IpcRendererEvent, id: unknown) => {
      if (typeof id === 'string') listener(id);
    };
    ipcRenderer.on(electronTransport.commandChannel, forward);
    return () => void ipcRenderer.removeListener(electronTransport.commandChannel, forward);
  },
};

contextBridge.exposeInMainWorld(electronTransport.bridgeGlobal, bridge);
