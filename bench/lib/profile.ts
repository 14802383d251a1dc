// Attribution of V8 CPU-profile samples (CDP `Profiler.stop`) to a group of scripts.

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  /** Microseconds between consecutive samples; timeDeltas[i] precedes samples[i]. */
  timeDeltas: number[];
}

/**
 * Milliseconds of samples whose stack holds a frame of a script whose URL starts with `prefix` (the
 * script's own code and whatever it called: DOM work, GC it triggered, …). A sample lasts until the next.
 */
export function timeInScripts(profile: CpuProfile, prefix: string): number {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inScripts = new Map<number, boolean>();
  const isInScripts = (id: number): boolean => {
    const known = inScripts.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parentId = parent.get(id);
    const result = node !== undefined && (node.callFrame.url.startsWith(prefix) || (parentId !== undefined && isInScripts(parentId)));
    inScripts.set(id, result);
    return result;
  };
  let micros = 0;
  for (let i = 0; i < profile.samples.length - 1; i++) if (isInScripts(profile.samples[i])) micros += profile.timeDeltas[i + 1];
  return micros / 1000;
}
