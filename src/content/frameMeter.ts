import { DomWatcher, type DomWatcherEnvironment } from './domWatcher';
import { FrameReporter, type FrameReporterEnvironment } from './frameReporter';
import { PlayingDetector, type PlayingDetectorEnvironment } from './playingDetector';
import { TagCollector } from './tagCollector';

export type FrameMeterEnvironment = PlayingDetectorEnvironment &
  DomWatcherEnvironment &
  FrameReporterEnvironment & {
    /** The person has interacted with this frame's document (`navigator.userActivation.hasBeenActive`). */
    hasBeenActivated(): boolean;
  };

export interface FrameMeter {
  detector: PlayingDetector;
  reporter: FrameReporter;
  watcher: DomWatcher;
}

/**
 * One frame's pieces wired together: the DOM watcher hands every added subtree to the tag collector and
 * the playing detector, and any change of either makes the reporter tell the worker. Call
 * `watcher.start()` to begin.
 */
export function createFrameMeter(environment: FrameMeterEnvironment): FrameMeter {
  const { document } = environment;
  const tags = new TagCollector(document);
  const detector = new PlayingDetector(environment, () => reporter.update());
  const reporter = new FrameReporter(environment, {
    readTag: () => tags.current(),
    mediaState: () => detector.state(),
    activated: () => environment.hasBeenActivated(),
    sample: () => detector.sample(),
    needsSampling: () => detector.hasCandidates(),
  });
  const watcher = new DomWatcher(environment, {
    onSubtree: (root) => {
      tags.addFrom(root);
      detector.addFrom(root);
      reporter.update();
    },
    onChange: () => {
      detector.prune();
      reporter.update();
    },
  });
  return { detector, reporter, watcher };
}
