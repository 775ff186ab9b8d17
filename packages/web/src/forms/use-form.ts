import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { serverFieldErrors } from '../api/api-error.ts';
import { type FieldErrors, fromServerFields, validateWith } from './field-errors.ts';

/**
 * Small form state for the domain schemas: values, per-field errors, client validation and the
 * server's 400 field errors. Mantine's own form package is not a dependency; this is enough.
 */
export function useForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // an edited field's old error no longer applies
    setErrors((e) => {
      if (!((field as string) in e)) return e;
      const { [field as string]: _, ...rest } = e;
      return rest;
    });
  }, []);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, body: unknown = values): z.output<S> | null => {
      const result = validateWith(schema, body);
      if (result.ok) {
        setErrors({});
        return result.data;
      }
      setErrors(result.errors);
      focusFirstInvalid();
      return null;
    },
    [values],
  );

  /** Shows the field errors of a failed request; answers whether there were any. */
  const takeServerErrors = useCallback((e: unknown) => {
    const fields = serverFieldErrors(e);
    if (Object.keys(fields).length === 0) return false;
    setErrors(fromServerFields(fields, e));
    focusFirstInvalid();
    return true;
  }, []);

  const reset = useCallback(() => {
    setValues(initial);
    setErrors({});
  }, [initial]);

  return { values, set, setValues, errors, setErrors, validate, takeServerErrors, reset };
}

/** Moves keyboard focus to the first field marked invalid, once React has rendered the errors. */
export function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
