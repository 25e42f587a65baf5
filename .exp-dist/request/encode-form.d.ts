/**
 * Encodes form data as a client would send it: `application/x-www-form-urlencoded` for text
 * fields, `multipart/form-data` as soon as one value is a `Blob` or `File`.
 * @module
 */
/** One form value: text, or a file (`File` keeps its name; a bare `Blob` is sent as `blob`). */
export type FormValue = string | number | boolean | Blob;
/** Form fields: an object (array values repeat the field), or pairs (`MultiDict`, `FormData`...). */
export type FormInit = Record<string, FormValue | readonly FormValue[]> | Iterable<readonly [string, FormValue]>;
/** An encoded form body, ready to become `tsgi.input`. */
export interface EncodedForm {
    /** The `Content-Type` header, with the boundary for multipart. */
    contentType: string;
    /** The exact body length in bytes. */
    length: number;
    /** The body, one chunk at a time; file contents are read only when iterated. */
    chunks: AsyncIterable<Uint8Array>;
}
/**
 * The form's fields as ordered pairs.
 *
 * @example
 * ```ts
 * formPairs({ tag: ['a', 'b'], page: 2 }); // [['tag', 'a'], ['tag', 'b'], ['page', 2]]
 * ```
 */
export declare function formPairs(form: FormInit): Array<[string, FormValue]>;
/**
 * Encodes a form: urlencoded when every value is text, multipart when any value is a `Blob`.
 *
 * @example
 * ```ts
 * const form = encodeForm({ name: 'Ada', avatar: new File(['png...'], 'a.png', { type: 'image/png' }) });
 * form.contentType; // 'multipart/form-data; boundary=----tsgi...'
 * ```
 */
export declare function encodeForm(form: FormInit): EncodedForm;
/**
 * `application/x-www-form-urlencoded` text for pairs (spaces as `+`, as browsers send them).
 *
 * @example
 * ```ts
 * encodeUrlencoded([['q', 'a b'], ['q', 'c&d']]); // 'q=a+b&q=c%26d'
 * ```
 */
export declare function encodeUrlencoded(pairs: Iterable<readonly [string, FormValue]>): string;
/**
 * A random multipart boundary (the `----tsgi` prefix plus 24 random characters).
 *
 * @example
 * ```ts
 * makeBoundary(); // '----tsgiq3v0z...'
 * ```
 */
export declare function makeBoundary(): string;
/**
 * `multipart/form-data` for pairs; text values as they are, files with their name and type.
 *
 * @example
 * ```ts
 * const form = encodeMultipart([['file', new Blob(['hi'], { type: 'text/plain' })]]);
 * ```
 */
export declare function encodeMultipart(pairs: Iterable<readonly [string, FormValue]>, boundary?: string): EncodedForm;
//# sourceMappingURL=encode-form.d.ts.map