#!/usr/bin/env node
// The `rampart` command: runs the compiled CLI in dist/ (run `npm run build` first, as `npm start` does).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
