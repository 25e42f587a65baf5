/**
 * `secureFilename`: a client's file name made safe to use as a single path component.
 * @module
 */
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
export declare function secureFilename(filename: string): string;
//# sourceMappingURL=secure-filename.d.ts.map