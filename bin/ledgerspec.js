#!/usr/bin/env node
// The generator is TypeScript; tsx compiles it on load so the CLI runs straight from the source.
import { register } from 'tsx/esm/api';

register();
await import('../generator/cli.ts');
