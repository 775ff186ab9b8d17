import { EventEmitter } from 'node:events';

export interface HearthEvent {
  organizationId: string;
  /** e.g. `intake.created`, `intake.updated`, `intake.escalated` */
  type: string;
  entityId?: string;
  /** Roles that should receive it; the SSE route filters by the listener's role. */
  roles: readonly string[];
  /** When set, only these users (who must also have one of `roles`) receive it. */
  userIds?: readonly string[];
}

/**
 * Fans events out to the SSE connections of this process, and through Postgres NOTIFY to the
 * other server processes (PGlite has a single process, so the local emitter is enough there).
 */
export class EventBus {
  private readonly local = new EventEmitter();
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
      this.local.emit('event', JSON.parse(payload) as HearthEvent);
    } catch {
      // a malformed payload from another process is ignored rather than crashing listeners
    }
  }

  subscribe(listener: (event: HearthEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }
}
