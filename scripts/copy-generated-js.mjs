// Part of `npm run build`: tsc compiles generated/**/*.ts to dist/, but the validators'
// standalone.js (Ajv's output, with its hand-checked .d.ts) is JavaScript already, so it is
// copied as it is, declarations included.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';

// docs/ is `ledgerspec docs`' site (its own assets/*.js), not code for the package.
const files = globSync(['**/*.js', '**/*.d.ts'], { cwd: 'generated', ignore: ['docs/**'] });
for (const file of files) {
  mkdirSync(dirname(join('dist', file)), { recursive: true });
  copyFileSync(join('generated', file), join('dist', file));
}
console.log(`build: copied ${files.length} JavaScript file(s) from generated/ to dist/`);
