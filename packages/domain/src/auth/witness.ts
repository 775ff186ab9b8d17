import { z } from 'zod';
import { emailSchema } from './schemas.ts';

/**
 * A second member of staff confirming an act with their own account, there and then (issue 13):
 * controlled-drug disposal and a stock count that differs from the register. Typing a name is not
 * a witness; entering one's own password is.
 */
export const witnessConfirmationSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type WitnessConfirmation = z.infer<typeof witnessConfirmationSchema>;
