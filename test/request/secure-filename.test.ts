import { describe, expect, it } from 'vitest';
import { secureFilename } from '../../src/request/secure-filename.js';

describe('secureFilename', () => {
  it.each([
    ['My cool movie.mov', 'My_cool_movie.mov'],
    ['../../../etc/passwd', 'etc_passwd'],
    ['i contain cool \xfcml\xe4uts.txt', 'i_contain_cool_umlauts.txt'],
    ['C:\\Users\\Ann\\résumé.pdf', 'C_Users_Ann_resume.pdf'],
    ['\\\\192.168.1.5\\Users\\Dave\\a b.doc', '192.168.1.5_Users_Dave_a_b.doc'],
    ['con.txt', '_con.txt'],
    ['COM1', '_COM1'],
    ['lpt9.log', '_lpt9.log'],
    ['...', ''],
    ['.htaccess', 'htaccess'],
    ['日本語.txt', 'txt'],
    ['a\u0000b\nc.txt', 'ab_c.txt'],
    ['  spaced   out  ', 'spaced_out'],
  ])('%j -> %j', (input, output) => {
    expect(secureFilename(input)).toBe(output);
  });
});
