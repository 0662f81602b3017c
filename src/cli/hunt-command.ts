// `rampart hunt`: Sigma rules over log files and folders, detections as a timeline, JSONL or CSV.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { isLevel, LEVELS, type Level } from '../core/level.js';
import { EXIT_CODES, rampartError } from '../core/errors.js';
import { collectInputs } from '../hunt/collect-inputs.js';
import type { HuntSummary } from '../hunt/hunt-tally.js';
import { prepareHunt } from '../hunt/prepare-hunt.js';
import { builtinRulesDirectory } from '../hunt/package-paths.js';
import type { DetectionSink } from '../hunt/sinks/detection-sink.js';
import { CsvSink } from '../hunt/sinks/csv-sink.js';
import { JsonlSink } from '../hunt/sinks/jsonl-sink.js';
import { TimelineSink } from '../hunt/sinks/timeline-sink.js';
import { HoldingSink } from '../hunt/sinks/holding-sink.js';
import { PushSink } from '../hunt/sinks/push-sink.js';
import { fileOutput, stdoutOutput } from '../hunt/sinks/text-output.js';
import { resolveRuleSetOptions, ruleSetOptions, type RuleSetCliOptions } from './rule-set-options.js';
import { formatHuntSummary } from './hunt-summary.js';
import { PRINT_LIMIT, ProblemPrinter } from './problem-printer.js';
import { exitOnSignals } from './exit-on-signal.js';

interface HuntCliOptions extends RuleSetCliOptions {
  readonly format: string;
  readonly output?: string;
  readonly sort: string;
  readonly minLevel: string;
  readonly status?: string;
  readonly progress: boolean;
  readonly summary: boolean;
  readonly color: boolean;
  readonly failOnDetection?: boolean;
  readonly threads?: string;
  readonly recover?: boolean;
  readonly push?: string;
  readonly token?: string;
}

const FORMATS = ['timeline', 'jsonl', 'csv'];
/** Each thread holds its own compiled rules; far beyond the cores that only multiplies memory. */
const MAX_THREADS = 256;

export function registerHuntCommand(program: Command, setExitCode: (code: number) => void): void {
  const command = program
    .command('hunt')
    .description('Hunt through log files and folders with Sigma rules (default: the built-in rule pack)')
    .argument('<paths...>', 'log files or folders (.evtx, and .json, .jsonl, .ndjson optionally .gz; folders are walked)');
  ruleSetOptions(command)
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'timeline')
    .option('-o, --output <file>', 'write detections to a file instead of standard output')
    .option('--sort <order>', "detection order: 'file' (as read, file by file) or 'time' (by event time)", 'file')
    .option('-l, --min-level <level>', `report rules at or above this level: ${LEVELS.join(', ')}`, 'informational')
    .option('-s, --status <list>', 'report only rules with these statuses, comma-separated (e.g. stable,test)')
    .option('--no-progress', 'no progress bar (it is only ever shown on a terminal)')
    .option('--no-summary', 'no summary at the end')
    .option('--no-color', 'no colours in the timeline')
    .option('--fail-on-detection', 'exit with status 1 when anything is detected')
    .option('--recover', 'EVTX: also carve intact records out of slack space and damaged chunks')
    .option('--push <url>', 'also send the detections to a Rampart server (rampart serve) as alerts')
    .option('--token <token>', 'the API token for --push (default: $RAMPART_TOKEN)')
    .option('-t, --threads <n>', `files read and matched in parallel on this many worker threads (default: one per core, ${availableParallelism()} here, and one per 128 MB of input at most); 1 hunts in one thread`)
    .addHelpText(
      'after',
      `
Examples:
  rampart hunt --sort time data/demo
  rampart hunt --rules ~/sigma/rules --min-level high ./logs
  rampart hunt --rules ~/sigma/rules -f jsonl -o detections.jsonl ./logs
  rampart hunt --threads 4 --sort time ./logs
  RAMPART_TOKEN=rmp_… rampart hunt --push http://127.0.0.1:8080 ./logs

Output is the same whatever --threads: detections come file by file in input order (or by time
with --sort time). Each thread loads its own copy of the rules.

Exit status: 0 finished, 1 detections with --fail-on-detection, 2 bad usage or input, 3 internal error.`,
    )
    .action(async (paths: string[], options: HuntCliOptions) => {
      setExitCode(await hunt(paths, options));
    });
}

async function hunt(paths: string[], options: HuntCliOptions): Promise<number> {
  const removeSignalHandlers = exitOnSignals();
  try {
    return await huntWithOptions(paths, options);
  } finally {
    removeSignalHandlers();
  }
}

async function huntWithOptions(paths: string[], options: HuntCliOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--format', reason: `'${options.format}' is not one of ${FORMATS.join(', ')}` });
  const minLevel = options.minLevel.toLowerCase();
  if (!isLevel(minLevel)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--min-level', reason: `'${options.minLevel}' is not one of ${LEVELS.join(', ')}` });
  if (options.sort !== 'file' && options.sort !== 'time') throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--sort', reason: `'${options.sort}' is not 'file' or 'time'` });
  const statuses = options.status ? new Set(options.status.split(',').map((status) => status.trim().toLowerCase()).filter(Boolean)) : undefined;
  const asked = parseThreads(options.threads);
  if (options.push !== undefined) {
    if (!/^https?:\/\/[^/]/.test(options.push)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--push', reason: `'${options.push}' is not an http(s) URL of a Rampart server` });
    pushToken(options);
  }

  const inputs = await collectInputs(paths);
  const threads = asked ?? defaultThreads(inputs);
  const showProgress = options.progress && process.stderr.isTTY;
  // Loading thousands of rules takes seconds: say so on a terminal, then clear the line.
  if (showProgress) process.stderr.write('loading rules…');
  const prepared = await prepareHunt({
    inputs,
    ruleSet: resolveRuleSetOptions(options, [builtinRulesDirectory()]),
    filters: { minLevel: minLevel as Level, statuses },
    reading: { recover: options.recover === true },
    threads,
    problemsPerFile: PRINT_LIMIT,
  });
  let summary: HuntSummary;
  // From here on, worker threads may be running: close() stops them however the hunt ends.
  try {
    if (showProgress) process.stderr.write('\r\x1b[2K');
    if (prepared.rules.ruleCount === 0) {
      throw rampartError('RAMPART_E_NO_RULES_LOADED', { path: (options.rules ?? []).join(', ') || 'the built-in pack', problems: prepared.rules.rejected.length });
    }
    const problems = new ProblemPrinter(process.stderr);
    const bar = showProgress ? new SingleBar({ format: 'hunting {bar} {percentage}% | {events} events | {detections} detections | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24 }) : undefined;
    // Detections for this same terminal wait until the bar is gone; to a pipe or file they stream.
    const sameScreen = bar !== undefined && !options.output && process.stdout.isTTY === true;
    const sink = createSink(options, sameScreen, () => bar?.stop());
    bar?.start(Math.max(1, inputs.reduce((sum, input) => sum + input.bytes, 0)), 0, { events: 0, detections: 0, file: '' });
    try {
      summary = await prepared.run({
        sink,
        onProblem: (problem) => {
          bar?.stop();
          problems.print(problem);
        },
        onProgress: bar
          ? (progress) => bar.update(progress.bytesRead, { events: progress.events, detections: progress.detections, file: shortName(progress.file) })
          : undefined,
      });
    } finally {
      bar?.stop();
    }
    if (options.summary) process.stderr.write(formatHuntSummary(summary, prepared.rules, problems, prepared.workers, process.stderr.isTTY && options.color));
  } finally {
    await prepared.close();
  }
  if (options.failOnDetection && summary.detections > 0) return EXIT_CODES.DETECTIONS;
  return EXIT_CODES.OK;
}

function createSink(options: HuntCliOptions, sameScreen: boolean, stopProgress: () => void): DetectionSink {
  const formatted = createFormatSink(options);
  const sink = options.push === undefined ? formatted : new PushSink(formatted, { url: options.push, token: pushToken(options) });
  if (options.sort === 'time' || sameScreen) return new HoldingSink(sink, { byTime: options.sort === 'time', beforeRelease: stopProgress });
  return sink;
}

function pushToken(options: HuntCliOptions): string {
  const token = options.token ?? process.env.RAMPART_TOKEN;
  if (!token) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--push', reason: 'needs an API token: --token or RAMPART_TOKEN (make one with rampart token create)' });
  return token;
}

function createFormatSink(options: HuntCliOptions): DetectionSink {
  const output = options.output ? fileOutput(options.output) : stdoutOutput();
  switch (options.format) {
    case 'jsonl':
      return new JsonlSink(output);
    case 'csv':
      return new CsvSink(output);
    default: {
      const terminal = !options.output && process.stdout.isTTY;
      return new TimelineSink(output, {
        colour: terminal && options.color && !process.env.NO_COLOR,
        detailsWidth: terminal ? Math.max(60, (process.stdout.columns ?? 120) * 2) : undefined,
      });
    }
  }
}

/**
 * One thread per core, but no more than the input is worth: every worker loads the rules and compiles
 * and warms up its matchers itself (about a second of CPU and 80 MB for all of SigmaHQ). Measured on
 * 2 cores (docs/performance.md), a second worker paid for itself only past about 300 MB of EVTX
 * samples or of NDJSON; below that the hunt in one thread finished first. 128 MB per thread is set a
 * little below that break-even, since a machine whose threads get their cores gains sooner. `--threads N` is
 * obeyed as given.
 */
function defaultThreads(inputs: readonly { readonly bytes: number }[]): number {
  const bytes = inputs.reduce((sum, input) => sum + input.bytes, 0);
  return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / MIN_BYTES_PER_THREAD)));
}

const MIN_BYTES_PER_THREAD = 128 * 1024 * 1024;

function parseThreads(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const threads = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(threads >= 1 && threads <= MAX_THREADS)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--threads', reason: `'${text}' is not a whole number from 1 to ${MAX_THREADS}` });
  }
  return threads;
}

function shortName(path: string): string {
  return path.length > 40 ? '…' + path.slice(-39) : path;
}
