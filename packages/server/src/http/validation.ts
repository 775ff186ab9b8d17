import { applyInputRules } from '@hearth/domain';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

// the marker fastify-type-provider-zod puts on its issues; the error handler recognises it
const zodIssueMarker = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The app's validator: the input rules every field obeys (text, dates, numbers; see
 * `applyInputRules` in domain) run on the raw body, query or path first, then the route's own
 * Zod schema runs on the cleaned copy. Refusals come out as the same field errors as a schema
 * refusal, so the client sees one kind of answer.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validateSchema = zodValidatorCompiler(route);
  return (data) => {
    const { value, problems } = applyInputRules(data);
    if (problems.length === 0) return validateSchema(value);
    const issues = problems.map((p) => ({
      [zodIssueMarker]: true,
      keyword: 'input_rule',
      instancePath: `/${p.path.join('/')}`,
      schemaPath: '#/input_rule',
      message: p.message,
      params: {},
    }));
    return { error: issues as unknown as Error };
  };
};
