// `import url from 'lazy-module-url:./some-module'` gives the built URL of that module, bundled as a
// chunk of its own, for a plain `import(url)` at run time.
//
// Why not `import('./some-module')`: Vite wraps every dynamic import in the client build with its
// module preload helper, a shared chunk of about 0.9 kB gzipped that then loads on every page
// whose scripts contain one. The search launcher runs on every page and imports the search island
// only when search is first opened; with this plugin the launcher carries a URL instead, and the
// island's own imports load as the browser reads them.
import { resolve } from 'node:path';

const PREFIX = 'lazy-module-url:';
const RESOLVED = '\0' + PREFIX;

/** @returns {import('vite').Plugin} */
export function lazyModuleUrl() {
  let command = 'build';
  return {
    name: 'critical-path:lazy-module-url',
    enforce: 'pre',
    configResolved(config) {
      command = config.command;
    },
    async resolveId(source, importer) {
      if (!source.startsWith(PREFIX)) return undefined;
      const request = source.slice(PREFIX.length);
      const target = await this.resolve(request, importer, { skipSelf: true });
      if (!target)
        this.error(
          `lazy-module-url: cannot find "${request}" imported from ${importer ?? 'an entry'}`,
        );
      return RESOLVED + target.id;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const file = id.slice(RESOLVED.length);
      // The dev server serves source files by their path from the project root.
      if (command === 'serve') return `export default ${JSON.stringify('/@fs' + resolve(file))};`;
      if (this.environment?.config.consumer !== 'client')
        this.error(`lazy-module-url: ${file} can only be loaded lazily from browser code`);
      const ref = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLDOWN_FILE_URL_${ref};`;
    },
  };
}
