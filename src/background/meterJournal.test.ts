import { describe, expect, it } from 'vitest';
import { MeterJournal, notBilling } from './meterJournal';
import { emptyMeterDoc, meterStorageKey, newSessionRecord, type MeterDoc } from './meterState';
import { memoryArea } from './storageArea';

const KEY = meterStorageKey('5Viewer');

/** A journal over an in-memory storage whose saves wait until the test lets them land. */
function slowStorage() {
  const storage = memoryArea();
  const waiting: (() => void)[] = [];
  const journal = new MeterJournal(emptyMeterDoc('2025-01-01'), async (doc: MeterDoc) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    await storage.set({ [KEY]: doc });
  });
  const landAll = async () => {
    for (let i = 0; i < 10; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()?.();
    }
  };
  return { storage, journal, landAll };
}

describe('MeterJournal.discard (fake slow storage)', () => {
  it('removes the stored journal after a save already under way, and no later change brings it back', async () => {
    const { storage, journal, landAll } = slowStorage();
    journal.touch();
    const saving = journal.persist(); // a tick's save, still under way when the account is removed
    const removed = journal.discard(() => storage.remove([KEY]));
    journal.doc.paused = true; // a result heard afterwards
    journal.touch();
    const late = journal.persist();
    await landAll();
    await Promise.all([saving, removed, late]);
    expect(storage.dump()).toEqual({});
  });
});

describe('MeterJournal.stop', () => {
  const session = () =>
    newSessionRecord({ streamId: '1', site: 'https://a.example', title: '', creator: '', creatorPublicKey: '', ratePerMinute: '1', agreedRatePerMinute: '1', genesisHash: '', startedAt: 0 });

  it('keeps a reason by its code alone (the pages say it in the person’s language); the banner is left alone', () => {
    const journal = new MeterJournal(emptyMeterDoc('2025-01-01'), async () => undefined);
    const stopped = session();
    journal.stop(stopped, notBilling('rate-changed'));
    expect(stopped.stop).toEqual({ code: 'rate-changed' });
    expect(journal.doc.lastError).toBeNull();
  });

  it('a precise detail (the chain’s error) goes to the banner too', () => {
    const journal = new MeterJournal(emptyMeterDoc('2025-01-01'), async () => undefined);
    const stopped = session();
    journal.stop(stopped, notBilling('chain-error', 'The chain refused the payment (System.CallFiltered).'));
    expect(stopped.stop).toEqual({ code: 'chain-error', detail: 'The chain refused the payment (System.CallFiltered).' });
    expect(journal.doc.lastError).toBe('The chain refused the payment (System.CallFiltered).');
  });
});
