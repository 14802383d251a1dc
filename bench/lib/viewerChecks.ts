// Figure 4's per-engine, per-N checks rolled into the few the summary table shows.

/** The per-N checks summed over every engine and N, for the summary table. */
export function checksOverAll(metrics: Record<string, number | null | undefined>): { wrongBooks: number; intervalErrors: number; nodeLost: number } {
  const entries = Object.entries(metrics);
  const total = (keep: (key: string) => boolean) => entries.filter(([key]) => keep(key)).reduce((sum, [, value]) => sum + (value ?? 0), 0);
  return {
    wrongBooks: total((key) => key.endsWith('.wrongBooks')),
    intervalErrors: entries.filter(([key, value]) => key.endsWith('.intervalError') && typeof value === 'number' && value !== 0).length,
    nodeLost: total((key) => key === 'node.ceilingPending' || (key.startsWith('node.n') && key.endsWith('.pending'))),
  };
}
