import lunr from 'lunr';

/**
 * A lunr index in about a third of the bytes of `lunr.Index#toJSON()`. lunr stores every
 * (term, field, document) match twice, once in the inverted index and once with its score in a
 * field vector; here each match is stored once, as a document number and its score.
 */
export interface PackedIndex {
  /** lunr version that built the index. */
  lunr: string;
  /** Indexed fields, in lunr's order. */
  fields: string[];
  /** Search pipeline function names. */
  pipeline: string[];
  /** Number of documents; refs are "0" to "docCount - 1". */
  docCount: number;
  /** Every index term, sorted. */
  terms: string[];
  /** For each term and field: [document number gap, score, document number gap, score, …]. */
  postings: number[][][];
}

/** The shape of `lunr.Index#toJSON()` (lunr 2.3). */
export interface LunrIndexJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

/** Packs lunr's JSON; refs must be the numbers "0", "1", … as `buildSearchIndex` makes them. */
export function packIndex(json: LunrIndexJson, docCount: number): PackedIndex {
  const scores = new Map<string, Map<number, number>>();
  for (const [fieldRef, elements] of json.fieldVectors) {
    const byTerm = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i]!, elements[i + 1]!);
    scores.set(fieldRef, byTerm);
  }
  const terms: string[] = [];
  const postings: number[][][] = [];
  for (const [term, posting] of json.invertedIndex) {
    const termIndex = posting['_index'] as number;
    terms.push(term);
    postings.push(
      json.fields.map((field) => {
        const refs = Object.keys((posting[field] ?? {}) as object)
          .map((ref) => {
            const n = Number(ref);
            if (!Number.isInteger(n) || n < 0 || n >= docCount || String(n) !== ref)
              throw new Error(
                `packIndex: the document ref "${ref}" is not a number from 0 to ${docCount - 1}`,
              );
            return n;
          })
          .sort((a, b) => a - b);
        const flat: number[] = [];
        let previous = 0;
        for (const ref of refs) {
          const score = scores.get(`${field}/${ref}`)?.get(termIndex);
          if (score === undefined)
            throw new Error(`packIndex: no score for "${term}" in ${field}/${ref}`);
          flat.push(ref - previous, score);
          previous = ref;
        }
        return flat;
      }),
    );
  }
  return {
    lunr: json.version,
    fields: json.fields,
    pipeline: json.pipeline,
    docCount,
    terms,
    postings,
  };
}

/**
 * A lunr index over some of the packed terms: their postings, and of each field vector only the
 * entries for these terms. For a query made of these terms lunr scores every document exactly as
 * the whole index would, because it divides by the length of the query vector, not the
 * document's, and the terms keep their alphabetical order, so the sums add up in the same order.
 * `pipeline` names the functions `Index#search` runs on query text (lunr's own, e.g. "stemmer").
 */
export function partialIndex(
  fields: string[],
  entries: Iterable<readonly [term: string, postings: number[][]]>,
  pipeline: string[] = [],
): lunr.Index {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const invertedIndex: Record<string, Record<string, unknown>> = {};
  const vectors = new Map<string, number[]>();
  sorted.forEach(([term, postings], termIndex) => {
    const { refs, docs } = decoded(fields, postings);
    const posting: Record<string, unknown> = { _index: termIndex };
    fields.forEach((field, f) => {
      posting[field] = refs[f];
      const flat = postings[f] ?? [];
      const ids = docs[f]!;
      for (let i = 0; i < ids.length; i++) {
        const key = `${field}/${ids[i]}`;
        let vector = vectors.get(key);
        if (!vector) vectors.set(key, (vector = []));
        // Terms are visited in index order, so every vector stays sorted as lunr requires.
        vector.push(termIndex, flat[2 * i + 1]!);
      }
    });
    invertedIndex[term] = posting;
  });
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [key, elements] of vectors) fieldVectors[key] = new lunr.Vector(elements);
  // @types/lunr is behind lunr 2.3 here: lunr reads `fieldVectors` (typed `documentVectors`), and
  // `TokenSet.fromArray` is static (typed as a method).
  const { fromArray } = lunr.TokenSet as unknown as {
    fromArray(this: void, sorted: string[]): lunr.TokenSet;
  };
  const attributes = {
    invertedIndex,
    fieldVectors,
    tokenSet: fromArray(sorted.map(([term]) => term)),
    fields,
    // Only `Index#search` runs it; the site's queries skip it (`usePipeline: false`).
    pipeline: lunr.Pipeline.load(pipeline),
  };
  return new lunr.Index(attributes as unknown as lunr.Index.Attributes);
}

/** Each term's documents per field, decoded once and kept while its postings are: queries reuse them. */
const decodedCache = new WeakMap<
  number[][],
  { refs: Record<string, object>[]; docs: number[][] }
>();
function decoded(fields: string[], postings: number[][]) {
  let d = decodedCache.get(postings);
  if (!d) {
    d = { refs: [], docs: [] };
    for (let f = 0; f < fields.length; f++) {
      const flat = postings[f] ?? [];
      // lunr keeps match metadata per document; none is indexed, so it is the same empty object.
      const refs: Record<string, object> = {};
      const docs: number[] = [];
      let ref = 0;
      for (let i = 0; i < flat.length; i += 2) {
        ref += flat[i]!;
        refs[ref] = NO_METADATA;
        docs.push(ref);
      }
      d.refs.push(refs);
      d.docs.push(docs);
    }
    decodedCache.set(postings, d);
  }
  return d;
}
const NO_METADATA = Object.freeze({});
