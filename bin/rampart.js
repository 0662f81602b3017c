#!/usr/bin/env node
// The `rampart` command: runs the compiled CLI in dist/ (run `npm run build` first, as `npm start` does).
//
// Memory: a hunt holds about 90 MB of compiled rules (all of SigmaHQ) and churns short-lived event
// objects; left alone, V8 lets the heap grow to several times the live data before collecting, which
// put the peak near 460 MB. A capped old generation keeps the peak under 300 MB at the same speed
// (docs/performance.md), so the command re-runs itself once with the cap unless one is already set.
// RAMPART_MAX_HEAP_MB changes the cap (e.g. for --sort time over millions of detections).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAG, heapLimitMb } from './heap-limit.js';

const capped = process.execArgv.some((arg) => arg.startsWith(HEAP_FLAG)) || (process.env.NODE_OPTIONS ?? '').includes(HEAP_FLAG);

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
  const child = spawn(process.execPath, [`${HEAP_FLAG}=${heapLimitMb()}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
