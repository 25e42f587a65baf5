/**
 * Header values on which tsgi deliberately differs from Werkzeug, by kind and JSON-encoded header
 * value, each with a short reason; docs/differences.md explains each rule in full.
 */
export const KNOWN_DIFFERENCES: Record<string, Record<string, string>> = {};
