import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from '../../../src/request/multipart/index.js';
import { chunked, fixture, FIXTURES } from './helpers.js';

interface ExpectedFile {
  filename: string;
  content_type: string;
  body?: string;
  size?: number;
}
interface Case {
  request: string;
  content_type: string;
  boundary: string;
  form?: Record<string, string[]>;
  files: Record<string, ExpectedFile>;
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  cases: Case[];
  legacy_pre_2_0: Case[];
};

const allCases = [...expected.cases, ...expected.legacy_pre_2_0];

describe('browser captures (Werkzeug test data)', () => {
  for (const testCase of allCases) {
    for (const size of [1, 7, 65536]) {
      it(`${testCase.request} in chunks of ${size} bytes`, async () => {
        const body = fixture(testCase.request);
        const boundary = boundaryOf(testCase.content_type);
        expect(boundary).toBe(testCase.boundary);
        const { form, files } = await parseMultipart(chunked(body, size), boundary, { contentLength: body.length });
        if (testCase.form) expect(form.toLists()).toEqual(testCase.form);
        expect([...files.keys()]).toEqual(Object.keys(testCase.files));
        for (const [name, want] of Object.entries(testCase.files)) {
          const file = files.get(name)!;
          expect(file.filename).toBe(want.filename);
          expect(file.contentType).toBe(want.content_type);
          expect(file.mimetype).toBe(want.content_type);
          const bytes = await file.bytes();
          if (want.body) expect(Buffer.from(bytes).equals(Buffer.from(fixture(want.body)))).toBe(true);
          if (want.size !== undefined) expect(bytes.length).toBe(want.size);
          expect(file.size).toBe(bytes.length);
        }
      });
    }
  }

  it('text.txt files hold the text field plus a trailing LF', async () => {
    for (const testCase of expected.cases.filter((c) => c.request.includes('/'))) {
      const dir = path.dirname(testCase.request);
      const text = readFileSync(path.join(FIXTURES, dir, 'text.txt'), 'utf8');
      const { form } = await parseMultipart(chunked(fixture(testCase.request), 4096), testCase.boundary);
      expect(form.get('text')!.replace(/\r\n/g, '\n') + '\n').toBe(text);
    }
  });

  it('the IE7 capture uses LF-only line endings (so the tolerance is exercised)', () => {
    const body = Buffer.from(fixture('ie7_full_path_request.http'));
    expect(body.includes('\r\n')).toBe(false);
  });
});
