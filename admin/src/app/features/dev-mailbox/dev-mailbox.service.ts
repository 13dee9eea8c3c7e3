import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { API_PATHS, type DevMailboxMessage, type DevMailboxStatus } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** The development mail catcher of the API. `enabled` is false in production. */
@Injectable({ providedIn: 'root' })
export class DevMailboxService {
  private readonly http = inject(HttpClient);
  private readonly status = signal<DevMailboxStatus | null>(null);

  readonly enabled = computed(() => this.status()?.enabled ?? false);
  readonly loaded = computed(() => this.status() !== null);
  /** Newest first. */
  readonly messages = computed<readonly DevMailboxMessage[]>(() =>
    [...(this.status()?.messages ?? [])].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)),
  );

  async refresh(): Promise<void> {
    this.status.set(await firstValueFrom(this.http.get<DevMailboxStatus>(API_PATHS.devMailbox)));
  }

  async clear(): Promise<void> {
    await firstValueFrom(this.http.delete<void>(API_PATHS.devMailbox));
    this.status.update((status) => (status ? { ...status, messages: [] } : status));
  }

  /** Forget what was loaded (after sign-out). */
  reset(): void {
    this.status.set(null);
  }
}
