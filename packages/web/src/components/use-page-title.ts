import { useEffect } from 'react';

/** Screen reader users hear the title first when a page changes; keep it specific. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Hearth`;
  }, [title]);
}
