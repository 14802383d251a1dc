import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { UiRequestType, UiResult, UiState } from '../shared/messages';
import { chromeWorkerConnection, type RequestOf, type WorkerConnection } from './workerConnection';

export const WorkerContext = createContext<WorkerConnection>(chromeWorkerConnection);

export interface LiveState {
  state: UiState | null;
  /** False while the Port to the worker is down (it is reconnecting). */
  connected: boolean;
}

/** The latest `UiState` pushed by the worker. */
export function useUiState(): LiveState {
  const connection = useContext(WorkerContext);
  const [live, setLive] = useState<LiveState>({ state: null, connected: false });
  useEffect(
    () =>
      connection.subscribe(
        (state) => setLive({ state, connected: true }),
        (connected) => setLive((previous) => ({ ...previous, connected })),
      ),
    [connection],
  );
  return live;
}

export interface Action<T extends UiRequestType> {
  /** `{ data }` on success, null on failure (then `error` says why). */
  run(request: RequestOf<T>): Promise<{ data: UiResult<T> } | null>;
  busy: boolean;
  /** The worker's sentence for the last failure, cleared by the next run. */
  error: string | null;
}

/** Sends one kind of request, tracking busy state and the error to show next to the control. */
export function useAction<T extends UiRequestType>(): Action<T> {
  const connection = useContext(WorkerContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (request: RequestOf<T>): Promise<{ data: UiResult<T> } | null> => {
      setBusy(true);
      setError(null);
      try {
        return { data: await connection.request(request) };
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [connection],
  );
  return { run, busy, error };
}
