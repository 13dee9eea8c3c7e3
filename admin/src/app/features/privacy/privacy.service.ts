import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  clientDataExportPath,
  clientErasurePath,
  type ClientDataExport,
  type ErasureRequest,
  type ErasureResult,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** Residents' rights: the export of everything about a client, and erasure (with its preview). */
@Injectable({ providedIn: 'root' })
export class PrivacyService {
  private readonly http = inject(HttpClient);

  /** Every fetch is audited as an export. */
  dataExport(clientId: string): Promise<ClientDataExport> {
    return firstValueFrom(this.http.get<ClientDataExport>(clientDataExportPath(clientId)));
  }

  /** With `dryRun`: what would be removed and whether it is allowed. Without: 409 `erasure-refused` when not. */
  erase(clientId: string, request: ErasureRequest): Promise<ErasureResult> {
    return firstValueFrom(this.http.post<ErasureResult>(clientErasurePath(clientId), request));
  }
}
