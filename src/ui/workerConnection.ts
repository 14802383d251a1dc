import {
  UI_PORT_NAME,
  type UiReply,
  type UiRequest,
  type UiRequestType,
  type UiResult,
  type UiState,
  type WorkerToUiPortMessage,
} from '../shared/messages';
import { t } from '../shared/i18n';

export type RequestOf<T extends UiRequestType> = Extract<UiRequest, { type: T }>;

/** Everything a page needs from the worker; the pages never touch extension storage. */
export interface WorkerConnection {
  /** Resolves with the result, or rejects with an Error carrying the worker's sentence. */
  request<T extends UiRequestType>(request: RequestOf<T>): Promise<UiResult<T>>;
  /** Calls `onState` with every snapshot the worker pushes; returns an unsubscribe function. */
  subscribe(onState: (state: UiState) => void, onConnected: (connected: boolean) => void): () => void;
}

const RECONNECT_DELAY_MS = 500;

/** The real connection: runtime messages for requests, a long-lived `ui` Port for state. */
export const chromeWorkerConnection: WorkerConnection = {
  async request<T extends UiRequestType>(request: RequestOf<T>): Promise<UiResult<T>> {
    const reply = await chrome.runtime.sendMessage<RequestOf<T>, UiReply<UiResult<T>> | undefined>(request);
    if (!reply) throw new Error(t('errorNoAnswer'));
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  },

  subscribe(onState, onConnected) {
    return followPort<WorkerToUiPortMessage>(
      UI_PORT_NAME,
      (message) => {
        if (message?.type !== 'ui:state') return;
        onConnected(true);
        onState(message.state);
      },
      () => onConnected(false),
    );
  },
};

/**
 * Keeps a long-lived Port named `name` to the worker open: every message goes to `onMessage`; when the
 * worker stops or restarts, `onDisconnected` runs and the Port is connected again (which wakes the worker
 * and brings a fresh snapshot). Returns a function that closes it for good.
 */
export function followPort<T>(name: string, onMessage: (message: T) => void, onDisconnected: () => void): () => void {
  let port: chrome.runtime.Port | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const connect = (): void => {
    retry = null;
    port = chrome.runtime.connect({ name });
    port.onMessage.addListener((message: T) => onMessage(message));
    port.onDisconnect.addListener(() => {
      port = null;
      onDisconnected();
      if (!closed) retry = setTimeout(connect, RECONNECT_DELAY_MS);
    });
  };

  connect();
  return () => {
    closed = true;
    if (retry !== null) clearTimeout(retry);
    port?.disconnect();
  };
}
