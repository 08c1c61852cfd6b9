import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The dependency rule of conventions.md, enforced on import paths:
// domain imports nothing of ours; contracts only domain; server and web never each other;
// only repositories and db/ touch Drizzle.
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'drizzle/**', '.test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  layer(['src/domain/**'], [
    { group: ['**/contracts/**', '**/server/**', '**/web/**', '**/db/**', '**/cli/**'], message: 'domain imports nothing of ours' },
    { group: ['drizzle-orm', 'drizzle-orm/*', 'fastify', 'react', 'pg', '@electric-sql/*', 'node:*'], message: 'domain is pure: no I/O, no framework' },
  ]),
  layer(['src/contracts/**'], [{ group: ['**/server/**', '**/web/**', '**/db/**', '**/cli/**'], message: 'contracts may import only domain' }]),
  layer(['src/web/**'], [
    { group: ['**/server/**', '**/db/**', '**/cli/**'], message: 'web talks to the server only over HTTP' },
    { group: ['drizzle-orm', 'drizzle-orm/*', 'fastify', 'pg', '@electric-sql/*'], message: 'no server libraries in the browser' },
  ]),
  {
    files: ['src/server/**'],
    ignores: ['src/server/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/web/**', '**/cli/**'], message: 'server does not import web or cli' },
          { group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema/**'], message: 'only repositories and db/ touch Drizzle' },
        ],
      }],
    },
  },
  layer(['src/server/**/*.repository.ts'], [{ group: ['**/web/**', '**/cli/**'], message: 'server does not import web or cli' }]),
  layer(['src/cli/**'], [
    { group: ['**/web/**'], message: 'cli does not import web' },
    { group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema/**'], message: 'the cli goes through services and repositories' },
  ]),
);
