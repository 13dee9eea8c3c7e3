import { AUDIT_PURPOSES, AUDIT_PURPOSE_TEXT, type AuditPurpose } from '@waakvlam/contracts';

/** What an event did, for the resident, in plain Dutch (B1): by resource, else by action. */
const RESOURCE_TEXT: Readonly<Record<string, string>> = {
  'clients.read': 'Heeft uw gegevens bekeken',
  'clients.search': 'Heeft een lijst van inwoners bekeken waarin u stond',
  'clients.create': 'Heeft u ingeschreven',
  'clients.update': 'Heeft uw gegevens veranderd',
  'clients.export': 'Heeft een bestand gemaakt waarin uw gegevens staan',
  'clients.partner-references': 'Heeft bekeken onder welk nummer ketenpartners u kennen',
  'clients.access-report': 'Heeft dit overzicht gemaakt',
  'watches.read': 'Heeft uw afspraken over contact bekeken',
  'watches.search': 'Heeft een lijst met afspraken over contact bekeken waarin u stond',
  'watches.create': 'Heeft afspraken gemaakt over regelmatig contact met u',
  'watches.update': 'Heeft uw afspraken over contact veranderd',
  'watches.timeline': 'Heeft de geschiedenis van het contact met u bekeken',
  'watches.transition': 'Heeft het contact met u gepauzeerd, hervat, gestopt of weer gestart',
  'watches.reassign': 'Heeft een andere begeleider voor u gekozen',
  'watches.export': 'Heeft een bestand gemaakt waarin uw afspraken staan',
  'check-ins.overview': 'Heeft een lijst van contactmomenten bekeken waarin u stond',
  'check-ins.list': 'Heeft een lijst van contactmomenten bekeken waarin u stond',
  'check-ins.complete': 'Heeft opgeschreven hoe een contact met u ging',
  'check-ins.export': 'Heeft een bestand gemaakt waarin uw contactmomenten staan',
  'reactivations.search': 'Heeft een lijst van verzoeken om hulp bekeken waarin u stond',
  'reactivations.read': 'Heeft een verzoek bekeken om uw hulp weer te starten',
  'reactivations.create': 'Heeft gevraagd om uw hulp weer te starten',
  'reactivations.accept': 'Heeft het verzoek om uw hulp weer te starten aangenomen',
  'reactivations.contacted': 'Heeft opgeschreven dat er contact met u was',
  'reactivations.resolve': 'Heeft het verzoek om uw hulp weer te starten afgerond',
  'reactivations.cancel': 'Heeft het verzoek om uw hulp weer te starten gestopt',
  'reactivations.assign': 'Heeft het verzoek om uw hulp aan een medewerker gegeven',
  'reactivations.export': 'Heeft een bestand gemaakt waarin een verzoek om uw hulp staat',
  'signals.create': 'Heeft een melding over u gedaan',
  'signals.read': 'Heeft een melding over u bekeken',
  'signals.search': 'Heeft een lijst van meldingen bekeken waarin u stond',
  'signals.candidates': 'Heeft bij een melding gekeken wie er op een adres woont',
  'signals.triage': 'Heeft een melding over u beoordeeld',
  'signals.handle': 'Heeft een melding over u afgehandeld',
  'signals.export': 'Heeft een bestand gemaakt waarin een melding over u staat',
  'self-check-in.status': 'U opende de link in uw e-mail',
  'self-check-in.respond': 'U liet weten hoe het met u gaat',
  'audit-events.search': 'Heeft het logboek bekeken, waarin u stond',
  'audit-events.export': 'Heeft een bestand van het logboek gemaakt, waarin u stond',
};

const ACTION_TEXT: Readonly<Record<string, string>> = {
  read: 'Heeft uw gegevens bekeken',
  search: 'Heeft een lijst bekeken waarin u stond',
  create: 'Heeft gegevens over u opgeschreven',
  update: 'Heeft gegevens over u veranderd',
  delete: 'Heeft gegevens over u verwijderd',
  export: 'Heeft een bestand gemaakt waarin uw gegevens staan',
};

const ROLE_TEXT: Readonly<Record<string, string>> = {
  admin: 'beheerder',
  coordinator: 'regievoerder',
  caseworker: 'begeleider',
  partner: 'ketenpartner',
};

export function accessWhat(resource: string, action: string, allowed: boolean): string {
  const text = RESOURCE_TEXT[resource] ?? ACTION_TEXT[action] ?? 'Heeft uw gegevens gebruikt';
  return allowed ? text : `${text.replace(/^Heeft /, 'Probeerde: ')} (dit mocht niet of lukte niet)`;
}

export function accessWhy(purpose: string | null): string {
  return (AUDIT_PURPOSES as readonly string[]).includes(purpose ?? '')
    ? AUDIT_PURPOSE_TEXT[purpose as AuditPurpose]
    : 'Niet vastgelegd';
}

export function accessRole(role: string | null): string | null {
  return role ? (ROLE_TEXT[role] ?? null) : null;
}

/** Who acted: the person, the partner organisation, the resident, or the system. */
export function accessWho(row: {
  user_name: string | null;
  partner_name: string | null;
  role: string | null;
  source: string;
}): string {
  if (row.role === 'client') return 'U zelf';
  if (row.source === 'partner_system') return `${row.partner_name ?? 'Een ketenpartner'} (computersysteem)`;
  if (row.user_name) return row.partner_name ? `${row.user_name} (${row.partner_name})` : row.user_name;
  if (row.source === 'system') return 'Het systeem';
  return row.partner_name ?? 'Onbekend';
}
