import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, electronTransport, type ApiHandlers } from '../../shared/api';

// The only door from a renderer into the main process. Raw `ipcMain` is not
// used anywhere else: every channel goes through `handle` here, which checks
// who is calling before any handler sees the message. A page that is not the
// app's own (a navigated-away frame, an iframe, a devtools extension's page)
// gets a refusal, whatever it sends.

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export interface ValidatedIpcMain {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export function createValidatedIpcMain(
  ipcMain: IpcMain,
  isTrustedUrl: (url: string) => boolean,
): ValidatedIpcMain {
  const checkChannel = (channel: string) => {
    if (!channel.startsWith(electronTransport.channelPrefix)) {
      throw new Error(
        `IPC channel ${channel} lacks the ${electronTransport.channelPrefix} prefix.`,
      );
    }
  };
  return {
    handle(channel, listener) {
      checkChannel(channel);
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        const refusal = senderRefusal(event, isTrustedUrl);
        if (refusal) {
          console.warn(`StoryDesk: refused IPC on ${channel}: ${refusal}`);
          throw new Error(`Refused: ${refusal}`);
        }
        return listener(event, ...args);
      });
    },
    removeHandler(channel) {
      checkChannel(channel);
      ipcMain.removeHandler(channel);
    },
  };
}

/** Why this sender may not call, or null when it may. */
function senderRefusal(
  event: IpcMainInvokeEvent,
  isTrustedUrl: (url: string) => boolean,
): string | null {
  // Null once the frame has navigated or been destroyed: its message is stale.
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is not a main frame';
  if (!isTrustedUrl(frame.url))
    return `the sender's page ${JSON.stringify(frame.url)} is not the app's`;
  return null;
}

/**
 * Serves api.ts over IPC. `dispatch` validates the method, its input and the
 * handler's output, so this end stays a pipe.
 */
export function serveApiOverIpc(ipc: ValidatedIpcMain, handlers: ApiHandlers): () => void {
  ipc.handle(electronTransport.apiChannel, (_event, method, input) =>
    dispatch(handlers, method, input),
  );
  return () => ipc.removeHandler(electronTransport.apiChannel);
}
