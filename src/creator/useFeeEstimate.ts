import { useContext, useEffect, useState } from 'preact/hooks';
import type { CreatorCall } from '../shared/messages';
import { WorkerContext } from '../ui/useWorker';

/** Wait this long after the last change of the form before asking the chain again. */
export const FEE_ESTIMATE_DELAY_MS = 400;

export interface FeeEstimate {
  /** planck; null while unknown */
  fee: string | null;
  error: string | null;
}

/** The network fee the worker estimates for `call` (null: nothing to estimate), refreshed as the call changes. */
export function useFeeEstimate(call: CreatorCall | null): FeeEstimate {
  const connection = useContext(WorkerContext);
  const [estimate, setEstimate] = useState<FeeEstimate>({ fee: null, error: null });
  const key = call === null ? null : JSON.stringify(call);
  useEffect(() => {
    setEstimate({ fee: null, error: null });
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      connection
        .request({ type: 'creator:estimate-fee', call: JSON.parse(key) as CreatorCall })
        .then(({ fee }) => current && setEstimate({ fee, error: null }))
        .catch((error: unknown) => current && setEstimate({ fee: null, error: error instanceof Error ? error.message : String(error) }));
    }, FEE_ESTIMATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [connection, key]);
  return estimate;
}
