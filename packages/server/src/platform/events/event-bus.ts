import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { LiveEventAudience, LiveEventEntityId, LiveEventType } from '@hearth/domain';

/** The type and id of one event, as the domain's contract types them. */
type TypedEvent<T extends LiveEventType> = { type: T } & (null extends LiveEventEntityId<T>
  ? { entityId?: NonNullable<LiveEventEntityId<T>> | undefined }
  : { entityId: LiveEventEntityId<T> });

/**
 * A live event: one of the domain's typed names with the id its schema asks for, and its
 * audience (roles, and the patient or users it concerns), which the SSE route checks for each
 * subscriber.
 */
export type HearthEvent = {
  [T in LiveEventType]: LiveEventAudience & { organizationId: string } & TypedEvent<T>;
}[LiveEventType];

/** An event before its organization is filled in (the envelope adds the caller's). */
export type HearthEventDraft = {
  [T in LiveEventType]: LiveEventAudience & TypedEvent<T>;
}[LiveEventType];

/**
 * Fans events out to the SSE connections of this process, and through Postgres NOTIFY to the
 * other server processes (PGlite has a single process, so the local emitter is enough there).
 */
export class EventBus {
  private readonly local = new EventEmitter();
  private readonly awaitingMarkers = new Map<string, () => void>();
  static readonly channel = 'hearth_events';

  constructor(private readonly notify?: (payload: string) => Promise<void>) {
    this.local.setMaxListeners(0);
  }

  async publish(event: HearthEvent): Promise<void> {
    if (this.notify) await this.notify(JSON.stringify(event));
    else this.local.emit('event', event);
  }

  /** Called by the LISTEN connection for events coming from any process, this one included. */
  receive(payload: string): void {
    try {
      const parsed = JSON.parse(payload) as HearthEvent | { deliveredMarker: string };
      if ('deliveredMarker' in parsed) {
        this.awaitingMarkers.get(parsed.deliveredMarker)?.();
        this.awaitingMarkers.delete(parsed.deliveredMarker);
        return;
      }
      this.local.emit('event', parsed);
    } catch {
      // a malformed payload from another process is ignored rather than crashing listeners
    }
  }

  /**
   * Resolves once every event this process published before the call has reached its listeners.
   * With Postgres, NOTIFY delivers after commit and in commit order, so a marker sent now arrives
   * after them; without it, delivery is synchronous and there is nothing to wait for. Tests use
   * this instead of sleeping; markers are never passed to listeners.
   */
  async delivered(timeoutMs = 5000): Promise<void> {
    if (!this.notify) return;
    const marker = randomUUID();
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.awaitingMarkers.delete(marker);
        reject(new Error(`live events were not delivered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.awaitingMarkers.set(marker, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await this.notify(JSON.stringify({ deliveredMarker: marker }));
    await arrived;
  }

  subscribe(listener: (event: HearthEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }
}
