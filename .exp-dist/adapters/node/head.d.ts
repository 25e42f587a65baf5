/**
 * The status line and headers of a node:http response: the status line checked and split once
 * per distinct line, the framing headers a list already has, and writing the head so that headers
 * a framework set before (Express) are merged rather than lost.
 * @module
 */
import { type ServerResponse } from 'node:http';
import type { HeaderList } from '../../gateway.js';
export declare function hasPresetHeaders(res: ServerResponse): boolean;
/** Writes the status line and headers, merging with headers a framework set before (see above). */
export declare function sendHead(res: ServerResponse, code: number, reason: string | undefined, list: HeaderList): void;
/** A status line split into its code and reason phrase. */
export interface ParsedStatus {
    code: number;
    reason: string;
}
/** The code and reason of a status line such as `'200 OK'`; a `TypeError` for a malformed one. */
export declare function statusOf(status: string): ParsedStatus;
/** Which framing headers a header list already holds. */
export declare function framing(headers: HeaderList): number;
//# sourceMappingURL=head.d.ts.map