#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=1048576 node --max-old-space-size=192 --max-semi-space-size=8
// The `rampart` command: runs the compiled CLI in dist/ (run `npm run build` first, as `npm start` does).
//
// Memory: a hunt thread holds about 50 MB of compiled rules (all of SigmaHQ) and churns short-lived
// event objects; left alone, V8 lets each heap grow to several times its live data, and glibc keeps
// freed blocks, which put the peak of a two-thread hunt near 460 MB. A capped old generation, smaller
// semi-spaces and a fixed malloc threshold (heap-limit.js says why, and what each costs) keep it under
// 300 MB (docs/performance.md). Run as `rampart`, the line above sets them when Node starts; run
// as `node bin/rampart.js`, or with RAMPART_MAX_HEAP_MB asking for another cap (e.g. for --sort time
// over millions of detections), the command re-runs itself once with them, which costs a second
// start of Node.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAG, SEMI_SPACE_MB, YOUNG_FLAG, heapLimitMb, memoryEnv } from './heap-limit.js';

/** The values Node was given for `flag`, on its command line or in NODE_OPTIONS. */
const givenValues = (flag) =>
  [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].filter((arg) => arg.startsWith(`${flag}=`)).map((arg) => arg.slice(flag.length + 1));

const caps = givenValues(HEAP_FLAG);
// A cap given to Node by hand is obeyed; the one from the line above gives way to RAMPART_MAX_HEAP_MB.
const capped = caps.length > 0 && (process.env.RAMPART_MAX_HEAP_MB === undefined || caps.some((cap) => Number(cap) === heapLimitMb()));

if (capped) {
  // Started by the launcher below: when it dies without passing a signal on (SIGKILL from a supervisor),
  // its end of the channel closes, and this process stops as on SIGTERM rather than run on unowned.
  // The channel must not keep this process alive once its work is done.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv);
} else {
  const otherFlags = process.execArgv.filter((arg) => !arg.startsWith(`${HEAP_FLAG}=`));
  // Flags and variables given by hand are kept.
  const young = givenValues(YOUNG_FLAG).length > 0 ? [] : [`${YOUNG_FLAG}=${SEMI_SPACE_MB}`];
  const child = spawn(process.execPath, [`${HEAP_FLAG}=${heapLimitMb()}`, ...young, ...otherFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: memoryEnv(),
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
