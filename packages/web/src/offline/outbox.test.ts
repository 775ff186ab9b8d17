import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { classifyAnswer, type OutboxCommand, type SendOutcome } from './commands.ts';
import { drain } from './drain.ts';
import { idbOutboxStore } from './idb-store.ts';
import { createOutbox } from './outbox.ts';

let n = 0;
const command = (userId: string, label: string): OutboxCommand => ({
  clientId: `c-${++n}-${label}`,
  userId,
  method: 'POST',
  path: `/things/${label}`,
  body: { label },
  at: new Date().toISOString(),
  label,
  kind: 'test',
});

/** A fake server: answers each path from a script, remembering what it was sent. */
const server = (answers: Record<string, SendOutcome>) => {
  const seen: string[] = [];
  const send = async (c: OutboxCommand): Promise<SendOutcome> => {
    seen.push(c.label);
    return answers[c.label] ?? { kind: 'sent', body: { ok: true } };
  };
  return { seen, send };
};

const reset = async () => {
  for (const c of await idbOutboxStore.pending()) await idbOutboxStore.remove(c.clientId);
  for (const c of await idbOutboxStore.held()) await idbOutboxStore.release(c.clientId, null);
};

describe('classifyAnswer', () => {
  it('reads network failures, 5xx, 408 and 429 as "later", 401 as "login", other 4xx as refusals', () => {
    expect(classifyAnswer(0, undefined).kind).toBe('later');
    expect(classifyAnswer(503, undefined).kind).toBe('later');
    expect(classifyAnswer(429, undefined).kind).toBe('later');
    expect(classifyAnswer(401, undefined).kind).toBe('login');
    expect(classifyAnswer(409, { error: { message: 'The visit moved' } })).toMatchObject({
      kind: 'refused',
      status: 409,
      reason: 'The visit moved',
    });
    expect(classifyAnswer(422, {}).kind).toBe('refused');
    expect(classifyAnswer(201, { id: 'x' }).kind).toBe('sent');
  });
  it('reads a dose stored as refused by the guard as a refusal with its message', () => {
    expect(classifyAnswer(201, { status: 'refused', refusalMessage: 'Too soon' })).toMatchObject({
      kind: 'refused',
      reason: 'Too soon',
    });
  });
});

describe('drain', () => {
  it('sends in the order made and empties the queue', async () => {
    await reset();
    for (const l of ['check-in', 'esas', 'dose', 'check-out']) await idbOutboxStore.add(command('nurse', l));
    const s = server({});
    const r = await drain(idbOutboxStore, 'nurse', s.send);
    expect(s.seen).toEqual(['check-in', 'esas', 'dose', 'check-out']);
    expect(r).toEqual({ sent: 4, held: 0, stopped: null });
    expect(await idbOutboxStore.pending()).toEqual([]);
  });

  it('stops at a network failure and keeps that command and the ones after it', async () => {
    await reset();
    for (const l of ['a', 'b', 'c']) await idbOutboxStore.add(command('nurse', l));
    const s = server({ b: { kind: 'later', reason: 'offline' } });
    const r = await drain(idbOutboxStore, 'nurse', s.send);
    expect(r.stopped).toEqual({ kind: 'later', reason: 'offline' });
    expect(s.seen).toEqual(['a', 'b']);
    expect((await idbOutboxStore.pending()).map((c) => c.label)).toEqual(['b', 'c']);
  });

  it('keeps the whole queue on a 401 and says a login is needed', async () => {
    await reset();
    for (const l of ['a', 'b']) await idbOutboxStore.add(command('nurse', l));
    const r = await drain(idbOutboxStore, 'nurse', server({ a: { kind: 'login' } }).send);
    expect(r.stopped).toEqual({ kind: 'login' });
    expect((await idbOutboxStore.pending()).map((c) => c.label)).toEqual(['a', 'b']);
    expect(await idbOutboxStore.held()).toEqual([]);
  });

  it('holds a refused command with the reason and goes on with the next', async () => {
    await reset();
    for (const l of ['dose', 'visit']) await idbOutboxStore.add(command('nurse', l));
    const s = server({ dose: { kind: 'refused', status: 201, reason: 'Too soon' } });
    const r = await drain(idbOutboxStore, 'nurse', s.send);
    expect(r).toEqual({ sent: 1, held: 1, stopped: null });
    const held = await idbOutboxStore.held();
    expect(held.map((h) => [h.label, h.reason])).toEqual([['dose', 'Too soon']]);
    expect(await idbOutboxStore.pending()).toEqual([]);
  });

  it("never sends another user's commands", async () => {
    await reset();
    await idbOutboxStore.add(command('first-nurse', 'hers'));
    await idbOutboxStore.add(command('second-nurse', 'mine'));
    const s = server({});
    await drain(idbOutboxStore, 'second-nurse', s.send);
    expect(s.seen).toEqual(['mine']);
    expect((await idbOutboxStore.pending()).map((c) => c.label)).toEqual(['hers']);
  });
});

describe('createOutbox', () => {
  it('queues while offline, keeps the queue through a 401, and sends it after a new login', async () => {
    await reset();
    let answer: SendOutcome = { kind: 'later', reason: 'offline' };
    const seen: string[] = [];
    const box = createOutbox(idbOutboxStore, async (c) => {
      seen.push(c.label);
      return answer;
    });
    box.setSession('nurse');
    await box.flush();
    box.setOnline(false);
    expect(await box.submit({ method: 'POST', path: '/x', body: {}, label: 'visit', kind: 't' })).toBeNull();
    expect(await box.submit({ method: 'POST', path: '/y', body: {}, label: 'esas', kind: 't' })).toBeNull();
    expect(seen).toEqual([]);
    expect(box.getState().pending.map((c) => c.label)).toEqual(['visit', 'esas']);

    answer = { kind: 'login' };
    box.setOnline(true);
    await box.flush();
    expect(box.getState().needsLogin).toBe(true);
    expect(box.getState().pending).toHaveLength(2);

    answer = { kind: 'sent', body: {} };
    box.renewed('nurse');
    await box.flush();
    expect(box.getState().needsLogin).toBe(false);
    expect(box.getState().pending).toEqual([]);
    expect(seen.slice(-2)).toEqual(['visit', 'esas']);
  });

  it('sends at once when online with nothing waiting, and throws a refusal to the form', async () => {
    await reset();
    const box = createOutbox(idbOutboxStore, async (c) =>
      c.label === 'bad'
        ? { kind: 'refused', status: 400, reason: 'Rate every item', body: { error: { code: 'VALIDATION' } } }
        : { kind: 'sent', body: { id: 'saved' } },
    );
    box.setSession('nurse');
    await box.flush();
    expect(await box.submit({ method: 'POST', path: '/x', body: {}, label: 'good', kind: 't' })).toEqual({
      id: 'saved',
    });
    await expect(
      box.submit({ method: 'POST', path: '/x', body: {}, label: 'bad', kind: 't' }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(await idbOutboxStore.pending()).toEqual([]);
  });

  it('puts a held command back at the end of the queue on retry, and drops it on discard', async () => {
    await reset();
    let refuse = true;
    const box = createOutbox(idbOutboxStore, async () =>
      refuse ? { kind: 'refused', status: 409, reason: 'Moved' } : { kind: 'sent', body: {} },
    );
    box.setSession('nurse');
    await box.flush();
    box.setOnline(false);
    await box.submit({ method: 'POST', path: '/x', body: {}, label: 'one', kind: 't' });
    await box.submit({ method: 'POST', path: '/x', body: {}, label: 'two', kind: 't' });
    box.setOnline(true);
    await box.flush();
    expect(box.getState().held.map((h) => h.label)).toEqual(['one', 'two']);
    refuse = false;
    await box.retry(box.getState().held[0]!.clientId);
    await box.flush();
    expect(box.getState().held.map((h) => h.label)).toEqual(['two']);
    await box.discard(box.getState().held[0]!.clientId);
    expect(box.getState().held).toEqual([]);
  });
});

describe("the family's “I gave this dose” refused on arrival", () => {
  it('is held under "needs attention" with the dose guard\'s own words, and the rest of the queue is sent', async () => {
    await reset();
    const sent: string[] = [];
    // the server stores a dose its guard refuses as a refused administration: a 201, not a 4xx
    const box = createOutbox(idbOutboxStore, async (c) => {
      sent.push(c.kind);
      return c.kind === 'medicine.dose'
        ? classifyAnswer(201, {
            id: 'adm-1',
            status: 'refused',
            refusalReason: 'too-soon',
            refusalMessage: 'Too soon: the next dose is allowed at 14:30.',
          })
        : classifyAnswer(201, { id: 'diary-1' });
    });
    box.setSession('relative');
    await box.flush();
    box.setOnline(false);
    const dose = {
      method: 'POST' as const,
      path: '/patients/p-1/administrations',
      body: { prescriptionId: 'rx-1', doseAmount: 5, doseUnit: 'mg', givenAt: new Date().toISOString() },
      kind: 'medicine.dose',
      label: 'Dose given: Morphine',
      patientId: 'p-1',
    };
    expect(await box.submit(dose)).toBeNull();
    expect(
      await box.submit({
        method: 'POST',
        path: '/patients/p-1/diary',
        body: {},
        label: 'Diary',
        kind: 'diary.record',
      }),
    ).toBeNull();

    box.setOnline(true);
    await box.flush();
    expect(sent).toEqual(['medicine.dose', 'diary.record']);
    const state = box.getState();
    expect(state.pending).toEqual([]);
    expect(state.held).toHaveLength(1);
    expect(state.held[0]).toMatchObject({
      label: 'Dose given: Morphine',
      patientId: 'p-1',
      reason: 'Too soon: the next dose is allowed at 14:30.',
      status: 201,
    });
    // it stays until the relative acts: another sync does not drop or resend it
    await box.flush();
    expect(sent).toHaveLength(2);
    expect(box.getState().held).toHaveLength(1);
  });

  it('is held too when the prescription was stopped meanwhile (a 409 with the reason)', async () => {
    await reset();
    const box = createOutbox(idbOutboxStore, async () =>
      classifyAnswer(409, { error: { code: 'CONFLICT', message: 'This prescription was stopped.' } }),
    );
    box.setSession('relative');
    await box.flush();
    box.setOnline(false);
    await box.submit({
      method: 'POST',
      path: '/patients/p-1/administrations',
      body: {},
      kind: 'medicine.dose',
      label: 'Dose given: Paracetamol',
    });
    box.setOnline(true);
    await box.flush();
    expect(box.getState().held.map((h) => [h.label, h.reason])).toEqual([
      ['Dose given: Paracetamol', 'This prescription was stopped.'],
    ]);
  });
});
