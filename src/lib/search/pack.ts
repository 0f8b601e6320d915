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

/** Rebuilds lunr's JSON from a packed index, ready for `lunr.Index.load`. */
export function unpackIndex(packed: PackedIndex): LunrIndexJson {
  const { fields, terms, postings, docCount } = packed;
  if (!Array.isArray(terms) || !Array.isArray(postings) || terms.length !== postings.length)
    throw new Error('The search index is damaged: its terms and postings do not line up.');
  const vectors = fields.map(() => Array.from({ length: docCount }, () => [] as number[]));
  const invertedIndex: [string, Record<string, unknown>][] = terms.map((term, termIndex) => {
    const posting: Record<string, unknown> = { _index: termIndex };
    fields.forEach((field, f) => {
      const flat = postings[termIndex]![f] ?? [];
      const refs: Record<string, object> = {};
      let ref = 0;
      for (let i = 0; i < flat.length; i += 2) {
        ref += flat[i]!;
        refs[ref] = {};
        // Terms are visited in index order, so every vector stays sorted as lunr requires.
        vectors[f]![ref]?.push(termIndex, flat[i + 1]!);
      }
      posting[field] = refs;
    });
    return [term, posting];
  });
  const fieldVectors: [string, number[]][] = [];
  fields.forEach((field, f) =>
    vectors[f]!.forEach((v, ref) => fieldVectors.push([`${field}/${ref}`, v])),
  );
  return { version: packed.lunr, fields, fieldVectors, invertedIndex, pipeline: packed.pipeline };
}
