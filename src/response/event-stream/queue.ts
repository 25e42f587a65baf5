/**
 * The events an event stream holds for a client that reads slower than the producer sends: a
 * bounded queue of encoded lines, taken in chunks of several lines, and the back-pressure promise
 * that sends finding it full wait on.
 * @module
 */
import { concatBytes } from '../../datastructures/bytes.js';

const RESOLVED: Promise<void> = Promise.resolve();
// Queued events are sent together, up to this many bytes per chunk: one write per burst, not per event.
const MAX_CHUNK = 16 * 1024;
const noop = () => {};

interface Room {
  promise: Promise<void>;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

/**
 * @internal The queue of one `EventStream`: at most `size` lines. What to do when it is full (drop
 * the oldest line, or close the stream) is the stream's overflow policy, not the queue's.
 */
export class EventQueue {
  readonly #lines: Uint8Array[] = [];
  readonly #size: number;
  #room: Room | undefined;

  constructor(size: number) {
    this.#size = size;
  }

  /** Lines waiting. */
  get length(): number {
    return this.#lines.length;
  }

  /** True when another line would exceed the size. */
  get full(): boolean {
    return this.#lines.length >= this.#size;
  }

  /** Drops the oldest line (the `'drop-oldest'` policy makes room so). */
  dropOldest(): void {
    this.#lines.shift();
  }

  /** Adds a line; the promise resolves when the queue has room for another one. */
  push(bytes: Uint8Array): Promise<void> {
    const lines = this.#lines;
    lines.push(bytes);
    if (lines.length < this.#size) return RESOLVED;
    // One promise for all the sends that find the queue full: a producer that does not await
    // them adds no memory per send.
    return (this.#room ??= makeRoom()).promise;
  }

  /**
   * The next chunk: `first` (else the oldest line; the caller checks there is one) with the lines
   * after it, up to `MAX_CHUNK` bytes. Sends waiting for room go on once there is some.
   */
  take(first?: Uint8Array): Uint8Array {
    const lines = this.#lines;
    let chunk = first ?? lines.shift()!;
    if (lines.length > 0 && chunk.byteLength < MAX_CHUNK) {
      const parts = [chunk];
      let total = chunk.byteLength;
      while (lines.length > 0 && total + lines[0].byteLength <= MAX_CHUNK) {
        const part = lines.shift()!;
        parts.push(part);
        total += part.byteLength;
      }
      chunk = concatBytes(parts, total);
    }
    const room = this.#room;
    if (room !== undefined && lines.length < this.#size) {
      this.#room = undefined;
      room.resolve();
    }
    return chunk;
  }

  /** Drops every line (the client left: nobody will read them). */
  clear(): void {
    this.#lines.length = 0;
  }

  /** Rejects the sends waiting for room with `reason` (the stream closed). */
  rejectWaiting(reason: unknown): void {
    const room = this.#room;
    if (room !== undefined) {
      this.#room = undefined;
      room.reject(reason);
    }
  }
}

function makeRoom(): Room {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A producer that does not await its sends must not crash the process when the stream closes.
  promise.catch(noop);
  return { promise, resolve, reject };
}
