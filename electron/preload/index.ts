import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcEventChannel, ipcInvokeChannel, type PreloadBridge } from '../shared/ipc-channels';

const bridge: PreloadBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke(ipcInvokeChannel, channel, payload),
  onEvent(listener) {
    // The Electron event object is kept out of the page: it would expose `sender`.
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(ipcEventChannel, forward);
    return () => {
      ipcRenderer.removeListener(ipcEventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('chorus', bridge);
