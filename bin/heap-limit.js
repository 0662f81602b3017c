// The old-generation cap the `rampart` command runs with (see rampart.js), shared with the benchmarks
// so that they measure memory as users get it.
export const HEAP_FLAG = '--max-old-space-size';
export const DEFAULT_HEAP_MB = 192;

/** The cap from RAMPART_MAX_HEAP_MB, or the default. */
export function heapLimitMb(env = process.env) {
  const configured = Number(env.RAMPART_MAX_HEAP_MB);
  return configured > 0 ? configured : DEFAULT_HEAP_MB;
}
