import { UI_PORT_NAME, type UiState, type WorkerToUiPortMessage } from '../shared/messages';

const PUSH_DELAY_MS = 50;

interface PortLike {
  name: string;
  postMessage(message: WorkerToUiPortMessage): void;
  onDisconnect: { addListener(callback: () => void): void };
}

/** Pushes a full `UiState` to every open popup / options page: at once on connect, then on each change. */
export class UiHub {
  readonly #snapshot: () => UiState;
  readonly #ports = new Set<PortLike>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastSent = '';

  constructor(snapshot: () => UiState) {
    this.#snapshot = snapshot;
  }

  add(port: PortLike): void {
    if (port.name !== UI_PORT_NAME) return;
    this.#ports.add(port);
    port.onDisconnect.addListener(() => this.#ports.delete(port));
    this.#post(port, this.#snapshot());
  }

  /** Something changed: push a new snapshot soon (changes in one burst are sent once). */
  changed(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#ports.size === 0) return;
      const state = this.#snapshot();
      const json = JSON.stringify(state);
      if (json === this.#lastSent) return;
      this.#lastSent = json;
      for (const port of this.#ports) this.#post(port, state);
    }, PUSH_DELAY_MS);
  }

  #post(port: PortLike, state: UiState): void {
    try {
      port.postMessage({ type: 'ui:state', state });
    } catch {
      this.#ports.delete(port);
    }
  }
}
