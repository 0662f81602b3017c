// Paths of the data that ships with Rampart (built-in rules, demo logs), found from this module's
// location so they work from src/ (tests) and dist/ (the installed command) alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error('Rampart package root not found');
    directory = parent;
  }
}

export function builtinRulesDirectory(): string {
  return join(packageRoot(), 'data', 'rules');
}

export function demoDataDirectory(): string {
  return join(packageRoot(), 'data', 'demo');
}
