import { useCallback, useEffect, useState } from 'react';

export interface Route {
  page: string;
  params: URLSearchParams;
}

function parse(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [page = '', query = ''] = hash.split('?');
  return { page, params: new URLSearchParams(query) };
}

/** A tiny hash router: `#/explorer?code=UNE.SURVEY_RATE`. */
export function useHashRoute(): [Route, (page: string, params?: Record<string, string>) => void] {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((page: string, params: Record<string, string> = {}) => {
    const q = new URLSearchParams(params).toString();
    window.location.hash = `/${page}${q ? `?${q}` : ''}`;
  }, []);
  return [route, navigate];
}
