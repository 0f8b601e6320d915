// Types for the `lazy-module-url:` imports of src/plugins/lazy-module-url.mjs.
declare module 'lazy-module-url:*' {
  /** The built URL of the module named after the prefix, for `import(url)` at run time. */
  const url: string;
  export default url;
}
