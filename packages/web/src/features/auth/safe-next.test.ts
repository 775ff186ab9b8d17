import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('where to go after login', () => {
  it('follows a path inside the role’s own area', () => {
    expect(safeNext('/app/patients?status=active', 'coordinator')).toBe('/app/patients?status=active');
    expect(safeNext('/portal/patients/1', 'family')).toBe('/portal/patients/1');
  });
  it('ignores other sites and the other area', () => {
    expect(safeNext('//evil.example/app', 'coordinator')).toBeNull();
    expect(safeNext('https://evil.example', 'coordinator')).toBeNull();
    expect(safeNext('/app/patients', 'family')).toBeNull();
    expect(safeNext('/application', 'coordinator')).toBeNull();
    expect(safeNext(null, 'coordinator')).toBeNull();
  });
});
