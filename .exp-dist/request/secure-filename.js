/**
 * `secureFilename`: a client's file name made safe to use as a single path component.
 * @module
 */
const WINDOWS_DEVICES = new Set([
    'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$',
    ...Array.from({ length: 10 }, (_, i) => `COM${i}`),
    ...Array.from({ length: 10 }, (_, i) => `LPT${i}`),
]);
/**
 * A version of `filename` that is safe to join to a directory, like Werkzeug's `secure_filename`:
 * accents folded to ASCII (other non-ASCII dropped), `/` and `\` turned into spaces, whitespace
 * runs into `_`, every character but `A-Z a-z 0-9 _ . -` removed, leading and trailing dots and
 * underscores stripped, and Windows device names (`CON`, `COM1`, ...) prefixed with `_` on every
 * platform. The result may be empty: then pick a name of your own.
 *
 * @example
 * ```ts
 * secureFilename('My cool movie.mov');     // 'My_cool_movie.mov'
 * secureFilename('../../../etc/passwd');   // 'etc_passwd'
 * secureFilename('C:\\Users\\Ann\\résumé.pdf'); // 'C_Users_Ann_resume.pdf'
 * secureFilename('con.txt');               // '_con.txt'
 * ```
 */
export function secureFilename(filename) {
    let name = filename
        .normalize('NFKD')
        .replace(/[^\x00-\x7f]/g, '')
        .replace(/[/\\]/g, ' ');
    name = name
        .split(/\s+/)
        .filter(Boolean)
        .join('_')
        .replace(/[^A-Za-z0-9_.-]/g, '');
    name = trimDotsAndUnderscores(name);
    if (name && WINDOWS_DEVICES.has(name.split('.')[0].toUpperCase()))
        name = `_${name}`;
    return name;
}
/**
 * Strips leading and trailing `.` and `_`. A loop, not `/[._]+$/`: that pattern restarts at every
 * dot of a long run that does not reach the end (`....x`), which is quadratic (7 s for 200 kB).
 */
function trimDotsAndUnderscores(name) {
    let start = 0;
    let end = name.length;
    while (start < end && (name[start] === '.' || name[start] === '_'))
        start++;
    while (end > start && (name[end - 1] === '.' || name[end - 1] === '_'))
        end--;
    return name.slice(start, end);
}
//# sourceMappingURL=secure-filename.js.map