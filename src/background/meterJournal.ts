import type { NotBillingCode, NotBillingReason } from '../shared/messages';
import type { MeterDoc, SessionRecord } from './meterState';
import { t } from '../shared/i18n';

/** A reason; the pages say it by its code (`reasonTextKey`). `detail`: a more precise sentence, for the banner. */
export const notBilling = (code: NotBillingCode, detail?: string): NotBillingReason => (detail === undefined ? { code } : { code, detail });

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The metering journal: the `MeterDoc` the metering engine and the settlement share, written to storage
 * after every change that matters (a second counted, a call about to be signed, a result heard), one
 * save after another, so that a worker killed at any moment restarts from what it had promised.
 */
export class MeterJournal {
  readonly doc: MeterDoc;
  readonly #save: (doc: MeterDoc) => Promise<void>;
  #saving: Promise<void> = Promise.resolve();
  #dirty = false;
  /** The journal was deleted with its account: nothing is saved any more. */
  #discarded = false;

  constructor(doc: MeterDoc, save: (doc: MeterDoc) => Promise<void>) {
    this.doc = doc;
    this.#save = save;
  }

  /** Something changed: the next `persist` writes the document. */
  touch(): void {
    this.#dirty = true;
  }

  /** Writes the document if it changed; resolves once everything changed so far is in storage. */
  persist(): Promise<void> {
    if (this.#dirty && !this.#discarded) {
      this.#dirty = false;
      const snapshot = structuredClone(this.doc);
      this.#saving = this.#saving.then(() =>
        this.#save(snapshot).catch((error: unknown) => {
          this.#dirty = true;
          this.doc.lastError = t('errorSaveMeter', errorText(error));
        }),
      );
    }
    return this.#saving;
  }

  /**
   * The account is removed: `remove` (deleting the stored journal) runs after every save queued so far, in
   * the same queue, and nothing is saved after it — a result or a tick heard later cannot bring it back.
   */
  discard(remove: () => Promise<void>): Promise<void> {
    this.#discarded = true;
    this.#dirty = false;
    const run = this.#saving.then(remove);
    this.#saving = run.catch(() => undefined);
    return run;
  }

  /** Stops the session until the person acts; its reason says why (a precise `detail` goes to the banner too). */
  stop(session: SessionRecord, reason: NotBillingReason): void {
    session.stop = reason;
    if (reason.detail !== undefined) this.doc.lastError = reason.detail;
    this.#dirty = true;
  }

  setError(message: string): void {
    if (this.doc.lastError === message) return;
    this.doc.lastError = message;
    this.#dirty = true;
  }
}
