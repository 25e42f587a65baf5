import { describe, expect, it } from 'vitest';
import { parseStatusLine } from '../../src/http/status.js';

describe('parseStatusLine', () => {
  it('reads the code of a status line, with or without a reason', () => {
    expect(parseStatusLine('200 OK')).toBe(200);
    expect(parseStatusLine('404')).toBe(404);
    expect(parseStatusLine('599 Custom Reason')).toBe(599);
    expect(parseStatusLine('100 Continue')).toBe(100);
  });

  it('refuses lines that do not start with a three-digit code and a space', () => {
    for (const line of ['', '20', '099 Low', '200x', ' 200 OK', 'abc def', '2.5 x']) {
      expect(() => parseStatusLine(line), line).toThrow(TypeError);
    }
  });
});
