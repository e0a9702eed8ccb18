import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests live in tests/unit/, and a format's tests beside its code (shared/formats/).
    include: ['tests/unit/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    // Two cores here: more workers only thrash.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
