// Paths of the data that ships with Rampart (built-in rules, demo logs), found from this module's
// location so they work from src/ (tests) and dist/ (the installed command) alike.
import { join } from 'node:path';
import { findPackageRoot } from '../core/package-root.js';

export function packageRoot(): string {
  const root = findPackageRoot(import.meta.url);
  if (root === undefined) throw new Error('Rampart package root not found');
  return root;
}

export function builtinRulesDirectory(): string {
  return join(packageRoot(), 'data', 'rules');
}

export function demoDataDirectory(): string {
  return join(packageRoot(), 'data', 'demo');
}
