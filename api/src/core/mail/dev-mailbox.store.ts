import { randomUUID } from 'node:crypto';
import type { DevMailboxMessage } from '@waakvlam/contracts';

/** In-memory store of the messages the embedded SMTP catcher received; keeps the newest ones only. */
export class DevMailbox {
  private readonly messages: DevMailboxMessage[] = [];

  constructor(private readonly capacity = 200) {}

  add(message: Omit<DevMailboxMessage, 'id'>): DevMailboxMessage {
    const stored = { id: randomUUID(), ...message };
    this.messages.unshift(stored);
    if (this.messages.length > this.capacity) this.messages.length = this.capacity;
    return stored;
  }

  /** Newest first. */
  list(): DevMailboxMessage[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages.length = 0;
  }
}
