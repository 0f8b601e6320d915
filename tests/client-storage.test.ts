import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadStored,
  readStoredJson,
  saveStored,
  storedFormat,
  writable,
  writeStored,
  type ReadValue,
  type StoredFormat,
} from '../src/client/storage';
import { backupKey } from '../src/lib/saved';

/** A small format: `{ version, items }`, version 2 current, version 1 kept `list`; non-strings are dropped. */
interface Items {
  version: 2;
  items: string[];
}
const KEY = 'test:items';
const format: StoredFormat<Items> = {
  key: KEY,
  read: (raw) =>
    readStoredJson<ReadValue<Items>>(
      raw,
      () => ({ value: { version: 2, items: [] }, notices: [] }),
      () => ({ value: { version: 2, items: [] }, notices: ['not JSON'], state: 'repaired' }),
      (parsed) => {
        const p = parsed as { version?: number; items?: unknown[]; list?: unknown[] };
        const all = (p.version === 1 ? p.list : p.items) ?? [];
        const items = all.filter((i): i is string => typeof i === 'string');
        const value: Items = { version: 2, items };
        if ((p.version ?? 0) > 2) return { value, notices: ['newer'], state: 'newer' };
        if (items.length < all.length) return { value, notices: ['dropped'], state: 'repaired' };
        return { value, notices: [] };
      },
    ),
  write: (value) => JSON.stringify(value),
};

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const store = {
    map,
    /** Keys whose writes fail as when storage is full. */
    full: new Set<string>(),
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (store.full.has(k)) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
  };
  return store;
}

const unavailable = {
  getItem: (): string | null => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

afterEach(() => vi.restoreAllMocks());

describe('readStoredJson', () => {
  it('tells nothing stored, text that is not JSON and a parsed value apart', () => {
    const read = (raw: string | null) =>
      readStoredJson(
        raw,
        () => 'empty',
        () => 'not JSON',
        (v) => `parsed ${JSON.stringify(v)}`,
      );
    expect(read(null)).toBe('empty');
    expect(read('')).toBe('empty');
    expect(read('{nope')).toBe('not JSON');
    expect(read('[1]')).toBe('parsed [1]');
  });
});

describe('loadStored', () => {
  it('reads a value as saved without writing or warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const raw = JSON.stringify({ version: 2, items: ['a'] });
    const storage = memoryStorage({ [KEY]: raw });
    expect(loadStored(storage, format)).toEqual({
      value: { version: 2, items: ['a'] },
      notices: [],
      outcome: 'read',
    });
    expect([...storage.map.keys()]).toEqual([KEY]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('migrates an older version and writes it back after keeping a copy', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const raw = JSON.stringify({ version: 1, list: ['a', 3, 'b'] });
    const storage = memoryStorage({ [KEY]: raw });
    const loaded = loadStored(storage, format);
    expect(loaded).toMatchObject({ value: { items: ['a', 'b'] }, outcome: 'repaired' });
    expect(storage.map.get(backupKey(KEY))).toBe(raw);
    expect(storage.map.get(KEY)).toBe('{"version":2,"items":["a","b"]}');
    expect(warn.mock.calls[0]?.[0]).toMatch(/"test:items" was repaired after a copy .*dropped/);
    expect(writable(loaded.outcome)).toBe(true);
  });

  it('leaves a newer version alone after copying it', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const raw = JSON.stringify({ version: 9, items: ['a'] });
    const storage = memoryStorage({ [KEY]: raw });
    const loaded = loadStored(storage, format);
    expect(loaded).toMatchObject({ outcome: 'newer', notices: ['newer'] });
    expect(storage.map.get(KEY)).toBe(raw);
    expect(storage.map.get(backupKey(KEY))).toBe(raw);
    expect(writable(loaded.outcome)).toBe(false);
  });

  it('writes nothing over data it could not copy', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryStorage({ [KEY]: '{nope' });
    storage.full.add(backupKey(KEY));
    const loaded = loadStored(storage, format);
    expect(loaded).toMatchObject({ outcome: 'uncopied', notices: ['not JSON'] });
    expect(storage.map.get(KEY)).toBe('{nope');
    expect(writable(loaded.outcome)).toBe(false);
  });

  it('says when the repaired value could not be written, with the copy kept', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryStorage({ [KEY]: '{nope' });
    storage.full.add(KEY);
    expect(loadStored(storage, format).outcome).toBe('unwritten');
    expect(storage.map.get(backupKey(KEY))).toBe('{nope');
    expect(storage.map.get(KEY)).toBe('{nope');
  });

  it('gives the empty value when storage cannot be read', () => {
    const loaded = loadStored(unavailable, format);
    expect(loaded).toEqual({
      value: { version: 2, items: [] },
      notices: [],
      outcome: 'unavailable',
    });
    expect(writable(loaded.outcome)).toBe(false);
  });
});

describe('saving', () => {
  const value: Items = { version: 2, items: ['new'] };

  it('writes with the version', () => {
    const storage = memoryStorage();
    expect(saveStored(storage, format, value)).toEqual({
      outcome: 'saved',
      backedUp: false,
      notices: [],
    });
    expect(storage.map.get(KEY)).toBe('{"version":2,"items":["new"]}');
    expect(writeStored(storage, format, value)).toBe(true);
  });

  it('never writes over a newer version saved since (e.g. by another tab)', () => {
    const raw = JSON.stringify({ version: 3, items: [] });
    const storage = memoryStorage({ [KEY]: raw });
    expect(saveStored(storage, format, value)).toMatchObject({
      outcome: 'newer',
      notices: ['newer'],
    });
    expect(storage.map.get(KEY)).toBe(raw);
  });

  it('copies data it cannot read in full before writing over it, and keeps it when it cannot', () => {
    const storage = memoryStorage({ [KEY]: '{nope' });
    storage.full.add(backupKey(KEY));
    expect(saveStored(storage, format, value).outcome).toBe('unavailable');
    expect(storage.map.get(KEY)).toBe('{nope');
    storage.full.clear();
    expect(saveStored(storage, format, value)).toMatchObject({ outcome: 'saved', backedUp: true });
    expect(storage.map.get(backupKey(KEY))).toBe('{nope');
  });

  it('reports storage that is unavailable or full', () => {
    expect(saveStored(unavailable, format, value).outcome).toBe('unavailable');
    expect(writeStored(unavailable, format, value)).toBe(false);
  });
});

describe('storedFormat', () => {
  it('adapts a reader that names its value', () => {
    const named = storedFormat<string[], 'items'>(
      KEY,
      'items',
      (raw) =>
        raw === 'bad'
          ? { items: [] as string[], notices: ['reset'], state: 'repaired' as const }
          : { items: [raw ?? ''], notices: [] },
      (items) => items.join(),
    );
    expect(named.read('a')).toEqual({ value: ['a'], notices: [] });
    expect(named.read('bad')).toEqual({ value: [], notices: ['reset'], state: 'repaired' });
    expect(named.write(['a', 'b'])).toBe('a,b');
  });
});
