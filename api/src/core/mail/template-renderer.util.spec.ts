import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '@waakvlam/contracts';
import { TEMPLATES_DIR, TEMPLATE_NAMES, TemplateRenderer } from './template-renderer.util';

describe('TemplateRenderer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wv-templates-'));
    for (const locale of SUPPORTED_LOCALES) mkdirSync(join(dir, locale));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (locale: string, name: string, source: string): void =>
    writeFileSync(join(dir, locale, `${name}.txt`), source);

  it('fills the subject and the body', () => {
    write(
      'nl',
      'lapsed',
      'Subject: Contact verloren: {{client}}\n\nHallo {{name}},\n\n{{client}} en {{name}}.\n',
    );
    const mail = new TemplateRenderer(dir).render('nl', 'lapsed', { client: 'REF-1', name: 'Anna' });
    expect(mail).toEqual({ subject: 'Contact verloren: REF-1', text: 'Hallo Anna,\n\nREF-1 en Anna.\n' });
  });

  it('reads each file once', () => {
    write('en', 'lapsed', 'Subject: One\n\nFirst\n');
    const renderer = new TemplateRenderer(dir);
    expect(renderer.render('en', 'lapsed', {}).text).toBe('First\n');
    write('en', 'lapsed', 'Subject: Two\n\nSecond\n');
    expect(renderer.render('en', 'lapsed', {})).toEqual({ subject: 'One', text: 'First\n' });
  });

  it('inserts values literally: a value {{link}} stays for the sender, $ patterns do nothing', () => {
    write('nl', 'client-self-check-in', 'Subject: Hoe gaat het?\n\nKlik: {{link}}\nPrijs: {{price}}\n');
    const mail = new TemplateRenderer(dir).render('nl', 'client-self-check-in', {
      link: '{{link}}',
      price: "$& $' $1",
    });
    expect(mail.text).toBe("Klik: {{link}}\nPrijs: $& $' $1\n");
  });

  it('keeps the subject on one line whatever the values hold', () => {
    write('nl', 'lapsed', 'Subject: Over {{client}}\n\nTekst\n');
    const mail = new TemplateRenderer(dir).render('nl', 'lapsed', { client: 'A\r\nBcc: x@example.nl' });
    expect(mail.subject).toBe('Over A Bcc: x@example.nl');
  });

  it('accepts CRLF line ends', () => {
    write('nl', 'lapsed', 'Subject: Hallo\r\n\r\nRegel 1\r\nRegel 2\r\n');
    expect(new TemplateRenderer(dir).render('nl', 'lapsed', {}).text).toBe('Regel 1\nRegel 2\n');
  });

  it('fails loudly on a placeholder without a value', () => {
    write('nl', 'lapsed', 'Subject: Hallo {{name}}\n\n{{client}}\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', { name: 'Anna' })).toThrow(
      'Template nl/lapsed needs a value for {{client}}',
    );
    // A value inherited from Object.prototype is not a value.
    write('en', 'lapsed', 'Subject: Hi\n\n{{toString}}\n');
    expect(() => new TemplateRenderer(dir).render('en', 'lapsed', {})).toThrow('{{toString}}');
  });

  it('fails loudly on a missing template, an unknown name or locale, and a malformed file', () => {
    const renderer = new TemplateRenderer(dir);
    expect(() => renderer.render('en', 'lapsed', {})).toThrow('E-mail template en/lapsed is missing');
    expect(() => renderer.render('en', 'nope' as never, {})).toThrow('Unknown e-mail template en/nope');
    expect(() => renderer.render('de' as never, 'lapsed', {})).toThrow('Unknown e-mail template de/lapsed');

    write('nl', 'lapsed', 'Onderwerp: Hallo\n\nTekst\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', {})).toThrow(
      'must start with "Subject: …"',
    );
    write('nl', 'lapsed', 'Subject: Hallo\nTekst\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', {})).toThrow('and a blank line');
    write('nl', 'lapsed', 'Subject: Hallo\n\n\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', {})).toThrow('has no body');
    write('nl', 'lapsed', 'Subject: Hallo\n\nBeste {{ name }},\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', { name: 'x' })).toThrow(
      'malformed placeholder',
    );
    write('nl', 'lapsed', 'Subject: Hallo {{first-name}}\n\nTekst\n');
    expect(() => new TemplateRenderer(dir).render('nl', 'lapsed', {})).toThrow('malformed placeholder');
  });

  it('preload fails at once when a template of any locale is missing', () => {
    for (const locale of SUPPORTED_LOCALES)
      for (const name of TEMPLATE_NAMES) write(locale, name, 'Subject: S\n\nB\n');
    expect(() => new TemplateRenderer(dir).preload()).not.toThrow();
    rmSync(join(dir, 'en', 'lapsed.txt'));
    expect(() => new TemplateRenderer(dir).preload()).toThrow('E-mail template en/lapsed is missing');
  });

  describe('the real templates', () => {
    const renderer = new TemplateRenderer();

    it('all exist in Dutch and English and are well formed', () => {
      expect(() => renderer.preload()).not.toThrow();
    });

    it('use the same placeholders in both languages', () => {
      const placeholders = (locale: string, name: string): string[] =>
        [
          ...new Set(
            [
              ...readFileSync(join(TEMPLATES_DIR, locale, `${name}.txt`), 'utf8').matchAll(/\{\{(\w+)\}\}/g),
            ].map((m) => m[1]),
          ),
        ].sort();
      for (const name of TEMPLATE_NAMES) expect(placeholders('en', name)).toEqual(placeholders('nl', name));
    });

    it('client e-mails are neutral: no service name, no care words, the self check-in keeps {{link}}', () => {
      for (const locale of SUPPORTED_LOCALES) {
        for (const name of ['client-pre-notice', 'client-self-check-in'] as const) {
          const mail = renderer.render(locale, name, {
            caseworker: 'Anna',
            date: '12-05-2031',
            sender: 'Team Noord',
            link: '{{link}}',
            validDays: 14,
          });
          const all = `${mail.subject}\n${mail.text}`;
          expect(all).not.toMatch(/waakvlam|zorg|hulp|begeleid|care|support|caseworker/i);
          expect(all).toContain('Team Noord');
        }
      }
      expect(
        renderer.render('nl', 'client-self-check-in', {
          caseworker: 'Anna',
          date: 'maandag 12 mei 2031',
          sender: 'Team Noord',
          link: '{{link}}',
          validDays: 14,
        }).text,
      ).toContain('\n{{link}}\n\nDe link werkt 14 dagen.');
    });

    it('mark a client who asks for help as urgent in the subject', () => {
      const values = { client: 'REF-1', name: 'Anna', url: 'https://example.nl/inwoners/1' };
      expect(renderer.render('nl', 'caseworker-client-needs-support', values).subject).toBe(
        'Dringend: REF-1 wil graag contact',
      );
      expect(renderer.render('en', 'caseworker-client-needs-support', values).subject).toBe(
        'Urgent: REF-1 would like contact',
      );
    });
  });
});
