import { defineConfig } from './generator/config.ts';

// The project's own settings; these are the defaults, spelt out so they are easy to find.
export default defineConfig({
  specDir: 'spec',
  rootFile: 'openapi.yaml',
  outDir: 'generated',
  connectorsDir: 'connectors',
  houseRules: true,
});
