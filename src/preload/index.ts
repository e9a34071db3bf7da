import { contextBridge, ipcRenderer } from 'electron';
import { electronTransport, isMethod, type ApiBridge } from '../shared/api';

// The renderer's whole view of Electron: one `invoke` for the methods of
// api.ts, and nothing else: no ipcRenderer, no events, no Node. Unknown
// methods stop here; the main process checks everything again regardless,
// because a compromised renderer could skip this file.

const bridge: ApiBridge = {
  invoke(method, input) {
    if (!isMethod(method)) {
      return Promise.reject(
        new Error(`StoryDesk: ${JSON.stringify(method)} is not an API method.`),
      );
    }
    return ipcRenderer.invoke(electronTransport.apiChannel, method, input) as Promise<unknown>;
  },
};

contextBridge.exposeInMainWorld(electronTransport.bridgeGlobal, bridge);
