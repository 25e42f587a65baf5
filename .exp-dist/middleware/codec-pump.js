/**
 * Yields the transformed body. The source is pulled one chunk at a time, only when the consumer has
 * asked for output, nothing is ready, and the previous write was accepted; output is read as soon
 * as the transform makes it, so the transform never stalls and never hoards. Memory stays within
 * about one input chunk and its output, whatever the body size. Closes `reader` exactly once.
 *
 * @example
 * ```ts
 * for await (const chunk of pumpThrough(openBody(body), [], new CompressionStream('gzip'))) send(chunk);
 * ```
 */
export async function* pumpThrough(reader, held, pair) {
    const writer = pair.writable.getWriter();
    const output = pair.readable.getReader();
    const ready = [];
    let outputDone = false;
    let failure;
    let writing = false;
    let inputDone = false;
    let finished = false;
    // One waiter at a time; an event with nobody waiting is remembered, so no wake-up is lost.
    let dirty = false;
    let wake;
    const signal = () => {
        dirty = true;
        wake?.();
    };
    const changed = () => new Promise((resolve) => {
        if (dirty)
            resolve();
        else
            wake = resolve;
    }).then(() => {
        dirty = false;
        wake = undefined;
    });
    const drain = (async () => {
        try {
            for (;;) {
                const { done, value } = await output.read();
                if (done)
                    break;
                if (value.byteLength > 0)
                    ready.push(value);
                signal();
            }
            outputDone = true;
        }
        catch (error) {
            failure ??= { error };
        }
        signal();
    })();
    const feed = async () => {
        writing = true;
        try {
            let chunk = held.shift();
            while (chunk === undefined || chunk.byteLength === 0) {
                const step = await reader.next();
                if (step.done)
                    break;
                chunk = step.value;
            }
            if (chunk === undefined || chunk.byteLength === 0) {
                inputDone = true;
                await reader.close();
                await writer.close();
            }
            else {
                await writer.write(chunk);
            }
        }
        catch (error) {
            failure ??= { error };
        }
        writing = false;
        signal();
    };
    try {
        for (;;) {
            if (ready.length > 0) {
                yield ready.shift();
                continue;
            }
            if (failure)
                throw failure.error;
            if (outputDone)
                break;
            if (!writing && !inputDone)
                void feed();
            await changed();
        }
        finished = true;
    }
    finally {
        if (!finished) {
            await output.cancel().catch(() => undefined);
            await writer.abort().catch(() => undefined);
        }
        await drain;
        await reader.close();
    }
}
//# sourceMappingURL=codec-pump.js.map