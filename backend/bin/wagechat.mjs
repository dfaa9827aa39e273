#!/usr/bin/env node
// The `wagechat` command: loads tsx's ESM hooks, then runs the TypeScript CLI as it is.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
