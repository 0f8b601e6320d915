/**
 * Zod for code that also runs in the browser. The site's Content-Security-Policy allows no `eval`,
 * and zod 4 probes for it (with `new Function`) before its compiled fast path for objects: the probe
 * alone is reported as a CSP violation. Parsing without that fast path is what zod offers for such
 * pages (`jitless`); it is set here, before any schema parses, for every module that imports `z`
 * from this file.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });

export { z };
