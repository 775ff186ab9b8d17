import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A connection or an open transaction: repositories take either as their first argument. */
export type Conn = Kysely<Database> | Transaction<Database>;
