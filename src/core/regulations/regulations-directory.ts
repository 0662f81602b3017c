// Where the built-in regulation data lives. Found from the package root, so it works from src/ (tests)
// and dist/ (the installed command) alike.
import { join } from 'node:path';
import { rampartError } from '../errors.js';
import { findPackageRoot } from '../package-root.js';

export function defaultRegulationsDirectory(): string {
  const root = findPackageRoot(import.meta.url);
  if (root === undefined) throw rampartError('RAMPART_E_INTERNAL', { reason: 'Rampart package root not found, so data/regulations/ is not either' });
  return join(root, 'data', 'regulations');
}
