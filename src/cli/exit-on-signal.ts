// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a hunt: by default Node dies at once and skips its
// 'exit' handlers, which left the temporary output file (`<file>.partial-<pid>`) behind. Exiting
// instead runs them, so nothing half-written is left; worker threads end with the process. The exit
// status is 128 + the signal's number, as a shell reports a command killed by that signal.
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Installs the handlers; call the returned function to remove them. */
export function exitOnSignals(): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = (): never => process.exit(128 + constants.signals[signal]);
    process.on(signal, handler);
    return { signal, handler };
  });
  return () => {
    for (const { signal, handler } of handlers) process.removeListener(signal, handler);
  };
}
