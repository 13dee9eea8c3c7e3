/**
 * How the printable export names what is stored, in plain Dutch (B1): the resident reads it. A field without a
 * label here is shown by its own name, so nothing stored is ever left off the page.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Nummer in het systeem',
  organisationId: 'Organisatie (nummer)',
  reference: 'Uw dossiernummer',
  name: 'Naam',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  preferredChannel: 'Hoe u contact wilt',
  postcode: 'Postcode',
  houseNumber: 'Huisnummer',
  neighbourhood: 'Wijk',
  dateOfBirth: 'Geboortedatum',
  legalBasis: 'Waarom wij uw gegevens mogen gebruiken',
  consentEmailReminders: 'Toestemming voor e-mail',
  consentRecordedAt: 'Toestemming vastgelegd op',
  consentRecordedBy: 'Toestemming vastgelegd door (nummer)',
  consentRecordedByName: 'Toestemming vastgelegd door',
  anonymisedAt: 'Gegevens gewist op',
  createdAt: 'Gemaakt op',
  updatedAt: 'Laatst gewijzigd op',
  partnerOrganisationId: 'Partner (nummer)',
  partnerName: 'Partner',
  clientId: 'Inwoner (nummer)',
  status: 'Stand',
  primaryCaseworkerId: 'Begeleider (nummer)',
  primaryCaseworkerName: 'Begeleider',
  backupCaseworkerId: 'Vervangend begeleider (nummer)',
  backupCaseworkerName: 'Vervangend begeleider',
  intervalDays: 'Contact elke … dagen',
  minIntervalDays: 'Minstens elke … dagen',
  maxIntervalDays: 'Hoogstens elke … dagen',
  contactMode: 'Soort contact',
  agreements: 'Afspraken',
  signaleringsplan: 'Signaleringsplan',
  startDate: 'Begonnen op',
  reviewDate: 'Evaluatie op',
  endedAt: 'Gestopt op',
  endReason: 'Waarom gestopt',
  type: 'Wat er gebeurde',
  actorId: 'Door (nummer)',
  actorName: 'Door',
  reason: 'Reden',
  details: 'Meer gegevens',
  at: 'Wanneer',
  dueDate: 'Gepland op',
  graceEndsOn: 'Uiterlijk op',
  outcome: 'Hoe het ging',
  channel: 'Hoe het contact was',
  note: 'Notitie',
  completedAt: 'Gedaan op',
  caseworkerName: 'Begeleider',
  completedByName: 'Gedaan door',
  expiresAt: 'Link werkt tot',
  usedAt: 'Link gebruikt op',
  response: 'Uw antwoord',
  urgency: 'Hoe dringend',
  sources: 'Van wie',
  resolution: 'Afgesloten met',
  resolutionNote: 'Notitie bij afsluiten',
  cancelReason: 'Reden van stoppen',
  assigneeName: 'Opgepakt door',
  slaDueAt: 'Contact uiterlijk op',
  category: 'Soort zorg',
  description: 'Wat de partner meldde',
  observedOn: 'Gezien op',
  receivedAt: 'Ontvangen op',
  triageDecision: 'Besluit',
  triageReason: 'Reden van het besluit',
  text: 'Tekst',
  recipient: 'Aan',
  subject: 'Onderwerp',
  bodyText: 'Tekst van het bericht',
  sentAt: 'Verstuurd op',
  kind: 'Soort',
  fireAt: 'Gepland op',
  occurredAt: 'Wanneer',
  action: 'Wat',
  resource: 'Welke gegevens',
  userName: 'Wie',
  role: 'Functie',
  purpose: 'Waarom',
};

/** A stored value as text: dates readable, yes/no, nested values as "naam: waarde". */
export function formatValue(value: unknown, format: (iso: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return format(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => formatValue(v, format)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${FIELD_LABELS[key] ?? key}: ${formatValue(inner, format)}`)
    .join('; ');
}
