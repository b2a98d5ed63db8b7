/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // The PDF reader require()s unpdf's PDF.js bundle, an ES module (see src/text/formats/pdf.ts).
    'unpdf/dist/pdfjs\\.mjs$': '<rootDir>/scripts/jest-esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!unpdf/dist/pdfjs\\.mjs$)'],
  testTimeout: 60000,
  // With NEO4J_URI set, every store-backed file empties and fills the one Neo4j database it
  // names (Community has no per-test databases), so two files must not run at once: one
  // worker runs the files one after another. Without it each file has its own Grafeo
  // directories and jest's default parallelism stays.
  ...(process.env.NEO4J_URI ? { maxWorkers: 1 } : {}),
};
