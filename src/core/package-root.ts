// Finds the installed package's root from a module URL, so data/ is found the same way from src/ (tests
// run the TypeScript directly) and from dist/ (the compiled CLI), wherever the package is installed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above the module that holds a package.json, or undefined. */
export function findPackageRoot(moduleUrl: string): string | undefined {
  let directory = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
