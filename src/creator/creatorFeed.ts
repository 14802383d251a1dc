import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { CREATOR_PORT_NAME, type CreatorState, type CreatorStateMessage } from '../shared/messages';
import { followPort } from '../ui/workerConnection';

/** The worker's live `CreatorState` (the account's streams, from chain subscriptions). */
export interface CreatorFeed {
  /** Calls `onState` with every snapshot; returns an unsubscribe function. */
  subscribe(onState: (state: CreatorState) => void): () => void;
}

export const chromeCreatorFeed: CreatorFeed = {
  subscribe(onState) {
    return followPort<CreatorStateMessage>(
      CREATOR_PORT_NAME,
      (message) => {
        if (message?.type === 'creator:state') onState(message.state);
      },
      () => undefined,
    );
  },
};

export const CreatorFeedContext = createContext<CreatorFeed>(chromeCreatorFeed);

/** The latest creator state; null until the worker's first snapshot. */
export function useCreatorState(): CreatorState | null {
  const feed = useContext(CreatorFeedContext);
  const [state, setState] = useState<CreatorState | null>(null);
  useEffect(() => feed.subscribe(setState), [feed]);
  return state;
}
