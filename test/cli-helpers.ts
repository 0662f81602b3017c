// Runs the built `rampart` command as a user would, building it first when dist/ is missing.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from './sigma-corpus.js';

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function ensureBuilt(): void {
  if (!existsSync(join(repositoryRoot, 'dist', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repositoryRoot });
  }
}

export function runCli(args: readonly string[], options: { cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(repositoryRoot, 'bin', 'rampart.js'), ...args], {
    cwd: options.cwd ?? repositoryRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const execFileAsync = promisify(execFile);

/**
 * The command without blocking the test's own event loop: for a command that talks to a server the test
 * runs in the same process (rampart hunt --push, rampart data scan --catalog).
 */
export async function runCliAsync(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(repositoryRoot, 'bin', 'rampart.js'), ...args], { env: { ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
