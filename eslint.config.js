import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Lint rules, including the folder boundaries from the architecture: shared/ is pure, the renderer
 * never reaches into electron/, and the database, handlers and browser-mode host never import
 * Electron (so tests and the web host load them as they are).
 */
const noElectron = { name: 'electron', message: 'This folder must load without Electron.' };

export default tseslint.config(
  { ignores: ['out/', 'release/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'Focused tests hide failures.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'shared/ has no UI.' }],
          patterns: [
            { regex: '^node:', message: 'shared/ runs everywhere: no Node built-ins.' },
            { regex: '(^|/)(electron|renderer|test)/', message: 'shared/ imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer has no Node or Electron: use the API client.' }],
          patterns: [
            { regex: '^node:', message: 'The renderer has no Node: use the API client.' },
            { regex: '(^|/)electron/', message: 'The renderer never imports electron/: use the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/db/**/*.ts', 'electron/web/**/*.ts', 'electron/main/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ regex: '(^|/)renderer/', message: 'No renderer code here.' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc-transport.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="ipcMain"][property.name=/^(on|handle|handleOnce|once)$/]',
          message: 'Raw IPC lives in electron/main/ipc-transport.ts only.',
        },
      ],
    },
  },
);
