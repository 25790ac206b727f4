#!/usr/bin/env node
// `transcode` on the PATH (npm link / npx): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { main, exitQuietlyOnEpipe } = await import('./main.ts');
exitQuietlyOnEpipe();
process.exitCode = await main(process.argv.slice(2));
