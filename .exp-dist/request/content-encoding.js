/**
 * Request bodies sent with `Content-Encoding` (gzip, deflate, br): refused with 415 unless the app
 * accepts them, then decoded as a stream with the size limit applied to the decoded bytes, so a
 * small compressed body cannot expand without bound (a "zip bomb").
 * @module
 */
import { BadRequest, RequestEntityTooLarge, UnsupportedMediaType } from '../errors.js';
import { readFailure } from './multipart/input.js';
/**
 * Compressed input is fed to the decompressor in slices this small, and each slice's output is
 * read before the next goes in: with deflate's worst ratio (about 1:1032) one slice can expand to
 * about 1 MiB, which bounds the memory a zip bomb can take before the limit stops it.
 */
const SLICE = 1024;
const ALIASES = { 'x-gzip': 'gzip' };
/**
 * A decoder built on the Web `DecompressionStream`, for a format the runtime supports.
 *
 * @example
 * ```ts
 * for await (const chunk of webDecoder('gzip')(compressedChunks)) use(chunk);
 * ```
 */
export function webDecoder(format) {
    return (input) => decompress(input, format);
}
const BUILT_IN = {
    gzip: webDecoder('gzip'),
    deflate: webDecoder('deflate'),
};
/**
 * The decoded body for a `Content-Encoding` header value (`undefined`, `''` and `identity` pass the
 * input through). Encodings are undone in reverse order of the header (`gzip, br` is br first).
 * A 415 (with an `Accept-Encoding` header listing what is accepted) when an encoding is not
 * accepted or has no decoder; a 400 when the data is corrupt; a 413 past `maxDecodedLength`.
 *
 * @example
 * ```ts
 * const body = decodeContentEncoding(environ['tsgi.input'], environ.HTTP_CONTENT_ENCODING, {
 *   accept: ['gzip'], maxDecodedLength: 16 * 2 ** 20,
 * });
 * ```
 */
export function decodeContentEncoding(input, header, options = {}) {
    const codings = parseCodings(header);
    if (codings.length === 0)
        return input;
    const decoders = { ...BUILT_IN, ...options.decoders };
    const accept = options.accept ?? false;
    const accepted = (coding) => accept === true ? coding in decoders : accept !== false && accept.some((name) => name.toLowerCase() === coding);
    const acceptable = ['identity', ...Object.keys(decoders).filter(accepted)].join(', ');
    for (const coding of codings) {
        if (!accepted(coding) || !(coding in decoders)) {
            throw new UnsupportedMediaType(accept === false
                ? `Request bodies with Content-Encoding (${coding}) are not accepted here.`
                : `The Content-Encoding ${JSON.stringify(coding)} is not supported.`, { headers: { 'Accept-Encoding': acceptable } });
        }
    }
    let body = input;
    for (const coding of [...codings].reverse())
        body = decoders[coding](body);
    return options.maxDecodedLength === undefined ? body : capDecoded(body, options.maxDecodedLength);
}
function parseCodings(header) {
    if (!header)
        return [];
    const codings = [];
    for (const item of header.split(',', 20)) {
        const coding = item.trim().toLowerCase();
        if (coding === '' || coding === 'identity')
            continue;
        codings.push(ALIASES[coding] ?? coding);
    }
    return codings;
}
async function* capDecoded(input, max) {
    let total = 0;
    for await (const chunk of input) {
        total += chunk.length;
        if (total > max) {
            throw new RequestEntityTooLarge(`The decoded request body is larger than the limit of ${max} bytes.`);
        }
        yield chunk;
    }
}
async function* decompress(input, format) {
    const stream = new DecompressionStream(format);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let inputError;
    let stopped = false;
    // Feeds the compressed bytes in small slices, each only once the decompressor asks for more.
    const pump = (async () => {
        const iterator = input[Symbol.asyncIterator]();
        let open = true;
        try {
            for (;;) {
                let next;
                try {
                    next = await iterator.next();
                }
                catch (error) {
                    open = false;
                    if (!stopped)
                        inputError = error;
                    throw error;
                }
                if (next.done) {
                    open = false;
                    break;
                }
                const chunk = next.value;
                for (let i = 0; i < chunk.length; i += SLICE) {
                    await writer.ready;
                    if (stopped)
                        return;
                    // Errors of the write show up on the reader as well; this one is only acknowledged.
                    writer.write(chunk.subarray(i, i + SLICE)).catch(() => undefined);
                }
            }
            await writer.ready;
            await writer.close();
        }
        catch (error) {
            await writer.abort(error).catch(() => undefined);
        }
        finally {
            if (open)
                await iterator.return?.();
        }
    })();
    try {
        for (;;) {
            let next;
            try {
                next = await reader.read();
            }
            catch (error) {
                await pump;
                if (inputError !== undefined)
                    throw readFailure(inputError);
                throw new BadRequest(`The request body is not valid ${format} data.`, { cause: error });
            }
            if (next.done)
                break;
            yield next.value;
        }
        await pump;
        if (inputError !== undefined)
            throw readFailure(inputError);
    }
    finally {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        await pump;
    }
}
//# sourceMappingURL=content-encoding.js.map