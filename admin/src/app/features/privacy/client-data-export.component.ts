import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ViewEncapsulation,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ClientDataExport, ExportRecord } from '@waakvlam/contracts';
import { FIELD_LABELS, formatValue } from './export-labels.util';
import { PrivacyService } from './privacy.service';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** Fields shown as their own lists below a record, not as a value. */
const NESTED = new Set(['events', 'checkIns', 'tokens', 'reasons']);

/** One field of a record, ready to show. */
interface Field {
  key: string;
  label: string;
  value: string;
}

/** One part of the export, with its heading and records. */
interface Part {
  id: string;
  title: string;
  intro: string;
  records: ExportRecord[];
}

/**
 * "Uw gegevens": everything Waakvlam stores about the resident (AVG art. 15), in plain Dutch (B1), to print
 * ("Afdrukken") or download as JSON. Opening the page fetches the export, which is recorded in the audit log.
 * The page itself is always Dutch (it is for the resident); the print stylesheet leaves only the export on paper.
 */
@Component({
  selector: 'wv-client-data-export',
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe],
  templateUrl: './client-data-export.component.html',
  styleUrl: './client-data-export.component.css',
  // The print rules must reach the page around the export (header, navigation).
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDataExportComponent {
  private readonly privacy = inject(PrivacyService);
  private readonly document = inject(DOCUMENT);
  protected readonly clientId = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly data = signal<ClientDataExport | null>(null);
  protected readonly loadError = signal(false);

  protected readonly parts = computed<Part[]>(() => {
    const data = this.data();
    if (!data) return [];
    return [
      {
        id: 'watches',
        title: 'Uw waakvlam',
        intro: 'De afspraken over het lichte contact met u, wat er gebeurde en elk contactmoment.',
        records: data.watches,
      },
      {
        id: 'reactivations',
        title: 'Verzoeken om weer hulp te starten',
        intro: 'Wanneer iemand vroeg om de begeleiding weer op te starten, en waarom.',
        records: data.reactivations,
      },
      {
        id: 'signals',
        title: 'Meldingen van partners',
        intro: 'Wat een partner (bijvoorbeeld de woningcorporatie) over u meldde, en wat wij ermee deden.',
        records: data.signals.map((s) => ({ ...s.partnerFacing, ...s.internal, reasons: s.feedback })),
      },
      {
        id: 'consents',
        title: 'Met wie wij gegevens mogen delen',
        intro: 'De partners waarvoor u toestemming gaf, en het nummer waarmee zij u kennen.',
        records: [...data.partnerConsents, ...data.partnerReferences],
      },
      {
        id: 'notifications',
        title: 'Berichten',
        intro: 'E-mails aan u, en e-mails aan medewerkers over u.',
        records: data.notifications,
      },
      {
        id: 'timers',
        title: 'Wat nog gepland staat',
        intro: 'Herinneringen en termijnen die het systeem nog gaat uitvoeren.',
        records: data.plannedTimers,
      },
      {
        id: 'audit',
        title: 'Wie uw gegevens gebruikte',
        intro:
          'Elke keer dat een medewerker uw gegevens bekeek, wijzigde of opvroeg. Ook dit overzicht staat erbij.',
        records: data.auditTrail,
      },
    ];
  });

  constructor() {
    void this.load();
  }

  protected fields(record: ExportRecord): Field[] {
    return Object.entries(record)
      .filter(([key]) => !NESTED.has(key))
      .map(([key, value]) => ({
        key,
        label: FIELD_LABELS[key] ?? key,
        value: formatValue(value, (iso) => DATE_TIME.format(new Date(iso))),
      }));
  }

  /** The lists inside a record: a watch's events and check-ins, a check-in's links, a request's reasons. */
  protected nested(record: ExportRecord): Array<{ key: string; title: string; records: ExportRecord[] }> {
    const titles: Record<string, string> = {
      events: 'Wat er gebeurde',
      checkIns: 'Contactmomenten',
      tokens: 'Links in e-mails',
      reasons: 'Redenen en terugkoppeling',
    };
    return [...NESTED]
      .filter((key) => Array.isArray(record[key]) && (record[key] as unknown[]).length > 0)
      .map((key) => ({ key, title: titles[key], records: record[key] as ExportRecord[] }));
  }

  protected when(iso: string): string {
    return DATE_TIME.format(new Date(iso));
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** The export as a JSON file, as the API gave it. */
  protected download(): void {
    const data = this.data();
    const view = this.document.defaultView;
    if (!data || !view) return;
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const url = view.URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `waakvlam-gegevens-${String(data.client['reference'] ?? this.clientId)}.json`;
    link.click();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 1_000);
  }

  private async load(): Promise<void> {
    try {
      this.data.set(await this.privacy.dataExport(this.clientId));
    } catch {
      this.loadError.set(true);
    }
  }
}
