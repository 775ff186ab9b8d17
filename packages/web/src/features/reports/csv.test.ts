import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Минск, центр')).toBe('"Минск, центр"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(0.75)).toBe('0.75');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a spreadsheet from running text that looks like a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell(-3)).toBe('-3');
  });

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
