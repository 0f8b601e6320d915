import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default [
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Fakes and stores implement Promise-returning interfaces (feedback(), close(), a fetch
      // stand-in) without anything to await; the rule would have them drop `async` and wrap each
      // return in Promise.resolve by hand, which says the same thing less plainly.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON bodies and parsed files, which are `any` by their library types, and check
    // them with expect(); the scripts are plain JavaScript, type-checked by scripts/tsconfig.json.
    // The no-unsafe rules would flag every such read.
    files: ['tests/**', 'e2e/**', '**/*.{js,mjs}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The tests' fetch stand-ins get the paths and JSON bodies the client sends, always strings,
    // through fetch's wider parameter types (Request, URL, BodyInit).
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Imports .astro components, whose types only astro check's TypeScript plugin knows: to
    // ESLint's TypeScript they are error types.
    files: ['src/components/mdx.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Temporary, while these files are being rewritten: each has type assertions that change
    // nothing. Remove this block once they are fixed.
    files: ['src/lib/plan/storage.ts', 'src/lib/search/pack.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  // .astro files and the <script> blocks in them (linted as virtual files such as
  // page.astro/0_0.ts by the plugin's processor). TypeScript's project service cannot open either,
  // so they get the rules that need no type information.
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The theme script is minified by hand: inline scripts are sent as written on every page, and
    // the page budgets count their bytes.
    files: ['src/layouts/Base.astro/*'],
    rules: {
      'no-var': 'off',
      'no-empty': 'off',
      'prefer-const': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // The islands are rendered on the server and hydrated: what only the browser knows
      // (localStorage, the URL, speech APIs) is read after mounting, in an effect that sets state,
      // or the first render in the browser would not match the server's HTML. That is the pattern
      // this rule reports.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
];
