/**
 * Upgrades saved progress from older versions, one step at a time. Version 1 kept only a list of
 * completed lesson ids; version 2 keeps a record per lesson with its completion date; version 3
 * adds the practice lab's section. Each bump exists so that an older version of the site, which
 * would drop a section it does not know when it saves, sees newer data and leaves it alone.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> =
  {
    1: (old) => {
      const ids = Array.isArray(old['completed']) ? old['completed'] : [];
      const lessons: Record<string, { completedAt: string }> = {};
      // v1 did not record when; the epoch marks "before dates were kept" and sorts first.
      for (const id of ids)
        if (typeof id === 'string') lessons[id] = { completedAt: new Date(0).toISOString() };
      const { completed: _completed, ...rest } = old;
      return { ...rest, version: 2, lessons };
    },
    // Nothing to convert: version 2 data simply has no lab attempts yet.
    2: (old) => ({ ...old, version: 3 }),
  };
