import { describe, expect, it } from 'vitest';
import { canMoveLoan, isLoanDueBack } from './schemas.ts';

describe('equipment loans', () => {
  it('follows requested → delivered → in use → collected → cleaned, never delivered twice', () => {
    expect(canMoveLoan('requested', 'delivered')).toBe(true);
    expect(canMoveLoan('delivered', 'delivered')).toBe(false);
    expect(canMoveLoan('in_use', 'delivered')).toBe(false);
    expect(canMoveLoan('collected', 'cleaned')).toBe(true);
    expect(canMoveLoan('cleaned', 'requested')).toBe(false);
  });

  it('is due back after the expected day or when the patient has died', () => {
    const loan = { status: 'in_use' as const, expectedReturnOn: '2026-12-01' };
    expect(isLoanDueBack(loan, 'active', '2026-11-30')).toBe(false);
    expect(isLoanDueBack(loan, 'active', '2026-12-01')).toBe(true);
    expect(isLoanDueBack({ ...loan, expectedReturnOn: null }, 'deceased', '2026-11-30')).toBe(true);
    expect(isLoanDueBack({ ...loan, status: 'collected' }, 'deceased', '2026-11-30')).toBe(false);
  });
});
