import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls a section into view when the address names it (`#support`) and its data has arrived:
 * the inboxes link straight to the part of a long patient page that the reader works on.
 */
export function useHashScroll(id: string, ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash === `#${id}`) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [hash, id, ready]);
}
