import { isPortalRole, type Role } from '@hearth/domain';

/**
 * Where to go after login when the URL says `?next=`. Only a path inside this app and fitting
 * the role is followed, so a crafted link cannot send the user to another site.
 */
export function safeNext(next: string | null, role: Role): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  const area = isPortalRole(role) ? '/portal' : '/app';
  return next === area || next.startsWith(`${area}/`) || next.startsWith(`${area}?`) ? next : null;
}
