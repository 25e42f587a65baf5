// The event every bench/sse.js server sends: small (about 60 bytes on the wire), with a name and
// an id, as a feed's events are. The client counts events by their `\nid: ` line.
export const sseEvent = (i) => ({ event: 'tick', id: String(i), data: `{"n":${i},"text":"hello from the feed"}` });
