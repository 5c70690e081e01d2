import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition, csvCell, csvRow } from './satisfaction-report.csv.js';

describe('satisfaction CSV', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('好')).toBe('好');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"很好"')).toBe('"他说""很好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('x\r\ny')).toBe('"x\r\ny"');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, empty for missing, 是/否 for booleans', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(862)).toBe('862');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('是');
    expect(csvCell(false)).toBe('否');
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('names the attachment in ASCII and in UTF-8 per RFC 5987', () => {
    expect(attachmentDisposition('survey.csv', "满意度 (试驾)'s*.csv")).toBe(
      'attachment; filename="survey.csv"; filename*=UTF-8\'\'%E6%BB%A1%E6%84%8F%E5%BA%A6%20%28%E8%AF%95%E9%A9%BE%29%27s%2A.csv',
    );
    expect(attachmentDisposition('a"b\\c满.csv', 'x.csv')).toBe(
      'attachment; filename="a_b_c_.csv"; filename*=UTF-8\'\'x.csv',
    );
  });
});
