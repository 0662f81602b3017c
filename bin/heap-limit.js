// How the `rampart` command sets up Node's memory (see rampart.js), shared with its test and the
// benchmarks so that they measure memory as users get it. Each figure is measured in
// docs/performance.md ("Memory of a hunt on every core").

/** The old-generation cap: V8 otherwise lets the heap grow to several times the live data. */
export const HEAP_FLAG = '--max-old-space-size';
export const DEFAULT_HEAP_MB = 192;

/**
 * The young generation (two semi-spaces) of the main thread and of every worker thread: V8 grows each
 * isolate's to 2 × 16 MB over a long hunt, and a hunt on two workers has three. 8 MB semi-spaces take
 * about 45 MB off the peak of a two-thread hunt for about a tenth of its steady-state speed (more
 * young collections); 4 MB cost a fifth.
 * The flag applies to every isolate of the process, over a worker's own resource limits.
 */
export const YOUNG_FLAG = '--max-semi-space-size';
export const SEMI_SPACE_MB = 8;

/**
 * glibc hands a freed block back to the system only above a threshold that it raises to the size of
 * the largest block freed so far, up to 32 MB: after a worker thread's first large buffers, every
 * block up to that size that any thread freed stayed in the process (20–30 MB of a two-thread hunt).
 * Setting the threshold fixes it. At glibc's default (128 KB) the buffers V8 takes for each young
 * collection were mapped and unmapped every time, and a two-thread hunt ran a tenth slower; at 1 MB it
 * is as fast as without the setting, and as small as at 128 KB. Other C libraries ignore the variable.
 */
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '1048576' };

/** The cap from RAMPART_MAX_HEAP_MB, or the default. */
export function heapLimitMb(env = process.env) {
  const configured = Number(env.RAMPART_MAX_HEAP_MB);
  return configured > 0 ? configured : DEFAULT_HEAP_MB;
}

/** The Node flags the command runs with, for a process started by hand (the benchmarks). */
export function memoryFlags(env = process.env) {
  return [`${HEAP_FLAG}=${heapLimitMb(env)}`, `${YOUNG_FLAG}=${SEMI_SPACE_MB}`];
}

/** The environment the command runs with: `env` with the malloc setting, unless given there. */
export function memoryEnv(env = process.env) {
  return { ...MALLOC_ENV, ...env };
}
