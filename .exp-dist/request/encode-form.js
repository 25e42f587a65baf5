/**
 * Encodes form data as a client would send it: `application/x-www-form-urlencoded` for text
 * fields, `multipart/form-data` as soon as one value is a `Blob` or `File`.
 * @module
 */
const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');
/**
 * The form's fields as ordered pairs.
 *
 * @example
 * ```ts
 * formPairs({ tag: ['a', 'b'], page: 2 }); // [['tag', 'a'], ['tag', 'b'], ['page', 2]]
 * ```
 */
export function formPairs(form) {
    const pairs = [];
    if (typeof form[Symbol.iterator] === 'function') {
        for (const [key, value] of form)
            pairs.push([String(key), value]);
        return pairs;
    }
    const record = form;
    for (const key of Object.keys(record)) {
        const value = record[key];
        if (Array.isArray(value))
            for (const item of value)
                pairs.push([key, item]);
        else
            pairs.push([key, value]);
    }
    return pairs;
}
/**
 * Encodes a form: urlencoded when every value is text, multipart when any value is a `Blob`.
 *
 * @example
 * ```ts
 * const form = encodeForm({ name: 'Ada', avatar: new File(['png...'], 'a.png', { type: 'image/png' }) });
 * form.contentType; // 'multipart/form-data; boundary=----tsgi...'
 * ```
 */
export function encodeForm(form) {
    const pairs = formPairs(form);
    if (pairs.some(([, value]) => isBlob(value)))
        return encodeMultipart(pairs);
    const bytes = encoder.encode(encodeUrlencoded(pairs));
    return { contentType: 'application/x-www-form-urlencoded', length: bytes.byteLength, chunks: fromBytes(bytes) };
}
/**
 * `application/x-www-form-urlencoded` text for pairs (spaces as `+`, as browsers send them).
 *
 * @example
 * ```ts
 * encodeUrlencoded([['q', 'a b'], ['q', 'c&d']]); // 'q=a+b&q=c%26d'
 * ```
 */
export function encodeUrlencoded(pairs) {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) {
        if (isBlob(value))
            throw new TypeError(`form field ${JSON.stringify(key)} holds a file; files need multipart`);
        params.append(key, String(value));
    }
    return params.toString();
}
/**
 * A random multipart boundary (the `----tsgi` prefix plus 24 random characters).
 *
 * @example
 * ```ts
 * makeBoundary(); // '----tsgiq3v0z...'
 * ```
 */
export function makeBoundary() {
    const random = new Uint8Array(18);
    crypto.getRandomValues(random);
    let text = '';
    for (const byte of random)
        text += byte.toString(36).padStart(2, '0');
    return `----tsgi${text.slice(0, 24)}`;
}
/**
 * `multipart/form-data` for pairs; text values as they are, files with their name and type.
 *
 * @example
 * ```ts
 * const form = encodeMultipart([['file', new Blob(['hi'], { type: 'text/plain' })]]);
 * ```
 */
export function encodeMultipart(pairs, boundary = makeBoundary()) {
    // Each part: a header block (bytes) followed by its content (bytes, or a Blob read lazily).
    const parts = [];
    let length = 0;
    const push = (part) => {
        parts.push(part);
        length += part instanceof Uint8Array ? part.byteLength : part.size;
    };
    for (const [key, value] of pairs) {
        let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(key)}"`;
        if (isBlob(value)) {
            const filename = typeof value.name === 'string' ? value.name : 'blob';
            head += `; filename="${escapeQuoted(filename)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
            push(encoder.encode(head));
            push(value);
        }
        else {
            push(encoder.encode(`${head}\r\n\r\n`));
            push(encoder.encode(String(value)));
        }
        push(CRLF);
    }
    push(encoder.encode(`--${boundary}--\r\n`));
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        length,
        chunks: {
            async *[Symbol.asyncIterator]() {
                for (const part of parts) {
                    if (part instanceof Uint8Array)
                        yield part;
                    else if (part.size > 0)
                        yield new Uint8Array(await part.arrayBuffer());
                }
            },
        },
    };
}
/** Escapes a name or filename the way the HTML standard's multipart encoder does. */
function escapeQuoted(text) {
    return text.replace(/[\r\n"]/g, (char) => (char === '"' ? '%22' : char === '\r' ? '%0D' : '%0A'));
}
function isBlob(value) {
    return typeof Blob !== 'undefined' && value instanceof Blob;
}
function fromBytes(bytes) {
    return {
        async *[Symbol.asyncIterator]() {
            if (bytes.byteLength > 0)
                yield bytes;
        },
    };
}
//# sourceMappingURL=encode-form.js.map