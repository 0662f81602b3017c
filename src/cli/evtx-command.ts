// `rampart evtx dump`: the raw records of EVTX files, as JSON lines (the shape evtx_dump writes, which
// `rampart hunt` reads back) or as XML (as Event Viewer and evtxexport print it). Damage is reported
// on stderr with file, chunk and offset, and the rest of each file is still dumped.
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { EXIT_CODES, rampartError } from '../core/errors.js';
import { recordToJson } from '../logs/evtx/evtx-json.js';
import { readEvtxRecords, type EvtxRecord } from '../logs/evtx/evtx-records.js';
import { recordToXml } from '../logs/evtx/evtx-xml.js';
import { fileOutput, stdoutOutput } from '../hunt/sinks/text-output.js';
import { ProblemPrinter } from './problem-printer.js';

interface DumpCliOptions {
  readonly format: string;
  readonly output?: string;
  readonly recover?: boolean;
}

const RENDERERS: Record<string, (record: EvtxRecord) => string> = {
  jsonl: (record) => JSON.stringify(recordToJson(record.xml)) + '\n',
  xml: (record) => recordToXml(record.xml) + '\n',
};

export function registerEvtxCommand(program: Command, setExitCode: (code: number) => void): void {
  const evtx = program.command('evtx').description('Work with Windows event log (.evtx) files');
  evtx
    .command('dump')
    .description('Print the records of EVTX files as JSON lines or XML')
    .argument('<files...>', '.evtx files')
    .option('-f, --format <format>', `output format: ${Object.keys(RENDERERS).join(', ')}`, 'jsonl')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--recover', 'also carve intact records out of slack space and damaged chunks')
    .addHelpText(
      'after',
      `
JSON lines are in the shape evtx_dump writes ({"Event": {"System": …, "EventData": …}}), so a dump
can be hunted later with 'rampart hunt'. XML is printed as Event Viewer and evtxexport print it.

Examples:
  rampart evtx dump Security.evtx | head
  rampart evtx dump -f xml --recover damaged.evtx -o damaged.xml

Exit status: 0 finished (damaged records are warned about on stderr), 2 bad usage or missing file.`,
    )
    .action(async (files: string[], options: DumpCliOptions) => {
      setExitCode(await dump(files, options));
    });
}

async function dump(files: string[], options: DumpCliOptions): Promise<number> {
  const render = RENDERERS[options.format];
  if (render === undefined) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--format', reason: `'${options.format}' is not one of ${Object.keys(RENDERERS).join(', ')}` });
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) throw rampartError('RAMPART_E_INPUT_NOT_FOUND', { path: file });
    if (!info.isFile()) throw rampartError('RAMPART_E_INPUT_UNREADABLE', { path: file, reason: 'not a file' });
  }
  const output = options.output ? fileOutput(options.output) : stdoutOutput();
  const problems = new ProblemPrinter(process.stderr);
  for (const file of files) {
    for await (const record of readEvtxRecords(file, { recover: options.recover, onProblem: (problem) => problems.print(problem) })) {
      output.write(render(record));
      await output.drained();
    }
  }
  await output.end();
  return EXIT_CODES.OK;
}
