import { beforeEach, describe, expect, test } from 'vitest';
import type { ContentToWorkerMessage, FrameMediaMessage, RawTag } from '../shared/messages';
import { FrameReporter, SAMPLE_INTERVAL_MS } from './frameReporter';

const TAG: RawTag = { stream: ['1'], network: [], creator: [] };

class FakeClock {
  now = 0;
  private readonly timers = new Map<number, { callback: () => void; ms: number; next: number }>();
  private nextId = 1;

  setInterval = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.set(id, { callback, ms, next: this.now + ms });
    return id;
  };

  clearInterval = (id: number): void => {
    this.timers.delete(id);
  };

  get running(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.values()].filter((timer) => timer.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.now = due.next;
      due.next += due.ms;
      due.callback();
    }
    this.now = end;
  }
}

let clock: FakeClock;
let sent: ContentToWorkerMessage[];
let frame: { tag: RawTag | null; playing: boolean; unperceived: boolean; activated: boolean; candidate: boolean; samples: number; startedForMs: number };
let reporter: FrameReporter;
/** The `frame:media` messages sent, in order. */
const media = () => sent.filter((message): message is FrameMediaMessage => message.type === 'frame:media');

describe('FrameReporter (fake clock)', () => {
  beforeEach(() => {
    clock = new FakeClock();
    sent = [];
    frame = { tag: null, playing: false, unperceived: false, activated: true, candidate: false, samples: 0, startedForMs: 0 };
    reporter = new FrameReporter(
      {
        now: () => clock.now,
        setInterval: clock.setInterval,
        clearInterval: clock.clearInterval,
        send: (message) => sent.push(message),
      },
      {
        readTag: () => frame.tag,
        mediaState: () => (frame.playing ? 'playing' : frame.unperceived ? 'unperceived' : 'none'),
        activated: () => frame.activated,
        sample: () => {
          frame.samples += 1;
          return frame.startedForMs;
        },
        needsSampling: () => frame.candidate,
      },
    );
  });

  test('a frame with no tag and nothing playing says nothing and runs no timer', () => {
    reporter.update();
    clock.advance(5000);
    expect(sent).toEqual([]);
    expect(clock.running).toBe(0);
  });

  test('a tag change is sent once', () => {
    frame.tag = TAG;
    reporter.update();
    reporter.update();
    expect(sent).toEqual([{ type: 'frame:media', tag: TAG, playing: false, activated: true }]);
  });

  test('while playing, the state goes out every second; it stops when playback stops', () => {
    frame.tag = TAG;
    frame.playing = true;
    frame.candidate = true;
    reporter.update();
    clock.advance(10_000);
    expect(media().filter((message) => message.playing)).toHaveLength(11);
    expect(frame.samples).toBe(10_000 / SAMPLE_INTERVAL_MS);
    frame.playing = false;
    frame.candidate = false;
    reporter.update();
    clock.advance(10_000);
    expect(sent.at(-1)).toEqual({ type: 'frame:media', tag: TAG, playing: false, activated: true });
    expect(sent).toHaveLength(12);
    expect(clock.running).toBe(0);
  });

  test('each heartbeat says how long the frame has played without a break; a stop starts it again', () => {
    frame.tag = TAG;
    frame.playing = true;
    frame.candidate = true;
    reporter.update();
    clock.advance(3000);
    expect(media().map((message) => message.playingForMs)).toEqual([0, 1000, 2000, 3000]);
    frame.playing = false;
    reporter.update();
    expect(media().at(-1)?.playingForMs).toBeUndefined();
    frame.playing = true;
    reporter.update();
    expect(media().at(-1)?.playingForMs).toBe(0);
  });

  test('an unpaused element is sampled until its time moves, then reported as playing', () => {
    frame.tag = TAG;
    frame.candidate = true;
    reporter.update();
    expect(clock.running).toBe(1);
    frame.playing = true;
    clock.advance(SAMPLE_INTERVAL_MS);
    expect(media().at(-1)?.playing).toBe(true);
  });

  test('playing found by a sample counts from when playback began, never from before the frame was last seen not playing', () => {
    frame.tag = TAG;
    frame.candidate = true;
    reporter.update();
    frame.playing = true;
    frame.startedForMs = 400;
    clock.advance(SAMPLE_INTERVAL_MS);
    expect(sent.at(-1)).toMatchObject({ playing: true, playingForMs: 400 });

    frame.playing = false;
    reporter.update();
    frame.playing = true;
    frame.startedForMs = 5000;
    clock.advance(SAMPLE_INTERVAL_MS);
    expect(media().at(-1)?.playingForMs, 'at most back to the last not-playing reading').toBe(SAMPLE_INTERVAL_MS);
  });

  test('playing noticed by an event (shown again, scrolled into view) counts from that moment', () => {
    frame.tag = TAG;
    frame.candidate = true;
    frame.startedForMs = 400;
    reporter.update();
    clock.advance(200);
    frame.playing = true;
    reporter.update();
    expect(sent.at(-1)).toMatchObject({ playing: true, playingForMs: 0 });
  });

  test('resend repeats the current state even when nothing changed', () => {
    frame.tag = TAG;
    reporter.update();
    reporter.resend();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  test('pagehide tells the worker the frame is gone and silences it until pageshow, which reports afresh', () => {
    frame.tag = TAG;
    frame.playing = true;
    frame.candidate = true;
    reporter.update();
    reporter.suspend();
    expect(sent.at(-1)).toEqual({ type: 'frame:gone' });
    const count = sent.length;
    clock.advance(5000);
    reporter.update();
    reporter.resend();
    expect(sent).toHaveLength(count);
    expect(clock.running).toBe(0);
    reporter.resume();
    expect(sent.at(-1)).toEqual({ type: 'frame:media', tag: TAG, playing: true, activated: true, playingForMs: 0 });
  });

  test('a frame that never reported says nothing when it goes', () => {
    reporter.update();
    reporter.suspend();
    expect(sent).toEqual([]);
  });

  test('a frame with neither tag nor media stays silent, even when the person interacts, until the worker asks', () => {
    frame.activated = false;
    reporter.update();
    frame.activated = true;
    reporter.update();
    expect(sent).toEqual([]);
    reporter.resend();
    expect(sent).toEqual([{ type: 'frame:media', tag: null, playing: false, activated: true }]);
  });

  test('once it reported, the person’s first interaction is reported at once', () => {
    frame.tag = TAG;
    frame.activated = false;
    reporter.update();
    frame.activated = true;
    reporter.update();
    expect(media().map((message) => message.activated)).toEqual([false, true]);
  });

  test('media nobody can see or hear is reported as such, with no heartbeat and no playing time', () => {
    frame.tag = TAG;
    frame.unperceived = true;
    frame.candidate = true;
    reporter.update();
    clock.advance(3000);
    expect(sent).toEqual([{ type: 'frame:media', tag: TAG, playing: false, unperceived: true, activated: true }]);
    frame.unperceived = false;
    frame.playing = true;
    clock.advance(SAMPLE_INTERVAL_MS);
    expect(media().at(-1)).toMatchObject({ playing: true, playingForMs: 0 });
  });

  test('after stop nothing is sent again', () => {
    frame.tag = TAG;
    frame.playing = true;
    reporter.update();
    reporter.stop();
    const count = sent.length;
    clock.advance(5000);
    reporter.update();
    reporter.resume();
    expect(sent).toHaveLength(count);
    expect(clock.running).toBe(0);
  });
});
