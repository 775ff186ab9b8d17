import { careRequestBodySchema } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { emptyRequest, requestBody } from '../features/intake/request-form.ts';
import { dropBlank, validateWith } from './field-errors.ts';

describe('validating the public request with the domain schema', () => {
  it('names every missing field of an empty form', () => {
    const result = validateWith(careRequestBodySchema, requestBody(emptyRequest, 'ru'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['address', 'consent', 'diagnosisText', 'patientName', 'phone', 'relationship', 'requesterName'].sort(),
    );
  });

  it('accepts a complete form and leaves an empty age out', () => {
    const result = validateWith(
      careRequestBodySchema,
      requestBody(
        {
          ...emptyRequest,
          patientName: 'Иванова Мария',
          requesterName: 'Ольга',
          relationship: 'child',
          diagnosisText: 'рак лёгкого',
          address: 'Минск, ул. Сурганова, 5',
          phone: '+375 29 111-22-33',
          consent: true,
        },
        'ru',
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.patientAgeYears).toBeUndefined();
      expect(result.data.locale).toBe('ru');
    }
  });

  it('drops blank optional values but keeps false', () => {
    expect(dropBlank({ a: '', b: null, c: false, d: { e: '', f: 1 } })).toEqual({ c: false, d: { f: 1 } });
  });
});
