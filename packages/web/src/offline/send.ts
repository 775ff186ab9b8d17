import { apiBase, currentCsrfToken } from '../api/client.ts';
import { classifyAnswer, type OutboxCommand, type SendOutcome } from './commands.ts';

/** Sends one command with its client id as the `Idempotency-Key`, and reads what the answer means. */
export async function sendCommand(command: OutboxCommand): Promise<SendOutcome> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'idempotency-key': command.clientId,
  };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(apiBase + command.path, {
      method: command.method,
      headers,
      body: JSON.stringify(command.body ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return classifyAnswer(0, undefined);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return classifyAnswer(res.status, body);
}
