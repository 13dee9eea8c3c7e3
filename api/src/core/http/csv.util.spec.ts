import { CSV_BOM, csvCell, csvDateTime, csvFileName, csvHead, csvLine, csvRow } from './csv.util';

describe('CSV for Dutch spreadsheets', () => {
  it('separates cells with a semicolon and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b', 3])).toBe('a;b;3\r\n');
  });

  it('quotes cells holding the separator, a quote or a line break, doubling quotes', () => {
    expect(csvCell('Jansen; Piet')).toBe('"Jansen; Piet"');
    expect(csvCell('zei "hallo"')).toBe('"zei ""hallo"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('gewoon, met komma')).toBe('gewoon, met komma');
  });

  it('defuses formulas: text starting with = + - @ tab or CR gets a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31612345678')).toBe("'+31612345678");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as they are, booleans as ja/nee and missing values as empty cells', () => {
    expect(csvLine([-4, true, false, null, undefined, ''])).toBe('-4;ja;nee;;;\r\n');
  });

  it('starts a file with the byte order mark and the header row, then one line per row', () => {
    const columns = [
      { header: 'Naam', value: (r: { name: string; n: number }) => r.name },
      { header: 'Aantal', value: (r: { name: string; n: number }) => r.n },
    ];
    expect(csvHead(columns)).toBe(`${CSV_BOM}Naam;Aantal\r\n`);
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csvRow(columns, { name: 'Zoë', n: 2 })).toBe('Zoë;2\r\n');
  });

  it('names the file after the list and the day, and refuses anything that could break the header', () => {
    expect(csvFileName('waakvlammen', '2026-03-12')).toBe('waakvlam-waakvlammen-2026-03-12.csv');
    expect(() => csvFileName('a"b', '2026-03-12')).toThrow('Not a list name');
    expect(() => csvFileName('lijst', '12-03-2026')).toThrow('Not a day');
  });
});

describe('moments in CSV', () => {
  it('are written as local date and time of the organisation, across summer time', () => {
    expect(csvDateTime(new Date('2026-03-28T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29 00:30');
    expect(csvDateTime('2026-03-29T12:05:00Z', 'Europe/Amsterdam')).toBe('2026-03-29 14:05');
    expect(csvDateTime(new Date('2026-03-29T12:05:00Z'), 'America/Curacao')).toBe('2026-03-29 08:05');
    expect(csvDateTime(null, 'Europe/Amsterdam')).toBeNull();
  });
});
