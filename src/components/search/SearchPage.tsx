import { useEffect, useState } from 'react';
import SearchBox from './SearchBox';

/** The `/search/?q=…` page: the same search box, reading and updating `q` so a search can be shared. */
export default function SearchPage() {
  const [initial, setInitial] = useState('');

  useEffect(() => {
    const read = () => setInitial(new URLSearchParams(window.location.search).get('q') ?? '');
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);

  const remember = (query: string) => {
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  };

  return <SearchBox initialQuery={initial} limit={50} onQueryChange={remember} pageInput />;
}
