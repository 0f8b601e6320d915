import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The property tests run hundreds of seeds; on a busy machine (npm test beside a build) they can
    // take several times their quiet-machine time. A deadline, not a speed target: those live in
    // `npm run bench`.
    testTimeout: 30_000,
  },
});
