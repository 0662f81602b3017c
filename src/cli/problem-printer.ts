// Prints input problems (bad records, unreadable files) as warnings on stderr, the first few in
// full and then only a count, so a badly broken file cannot bury the detections.
import type { ReadProblem } from '../logs/read-problem.js';

/** Problems printed in full; the hunt's worker threads send at least this many per file. */
export const PRINT_LIMIT = 20;

export class ProblemPrinter {
  count = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  print(problem: ReadProblem): void {
    this.count++;
    if (this.count > PRINT_LIMIT) return;
    const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
    this.stream.write(`warning: ${where}: ${problem.message}\n`);
    if (this.count === PRINT_LIMIT) this.stream.write('warning: further input problems are counted, not printed\n');
  }
}
