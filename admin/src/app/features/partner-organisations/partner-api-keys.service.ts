import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  partnerApiKeyPath,
  partnerApiKeysPath,
  type CreatePartnerApiKeyRequest,
  type CreatedPartnerApiKey,
  type PartnerApiKey,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/partner-organisations/{id}/api-keys` (admins): the API keys of a partner's systems. */
@Injectable({ providedIn: 'root' })
export class PartnerApiKeysService {
  private readonly http = inject(HttpClient);

  /** Newest first, revoked ones too; never with their secrets. */
  list(partnerId: string): Promise<PartnerApiKey[]> {
    return firstValueFrom(this.http.get<PartnerApiKey[]>(partnerApiKeysPath(encodeURIComponent(partnerId))));
  }

  /** A new key: the answer holds the secret, the only time it is shown. */
  create(partnerId: string, request: CreatePartnerApiKeyRequest): Promise<CreatedPartnerApiKey> {
    return firstValueFrom(
      this.http.post<CreatedPartnerApiKey>(partnerApiKeysPath(encodeURIComponent(partnerId)), request),
    );
  }

  /** Revokes the key: the partner system gets 401 with it from now on. */
  revoke(partnerId: string, keyId: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(partnerApiKeyPath(encodeURIComponent(partnerId), encodeURIComponent(keyId))),
    );
  }
}
