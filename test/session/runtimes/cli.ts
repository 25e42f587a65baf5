/**
 * Bun and Deno entry: reads a `VectorInput` as JSON from the environment variable VECTORS_INPUT
 * and prints the `VectorOutput` as one line of JSON.
 */
import { vectors, type VectorInput } from './vectors.js';

interface Runtime {
  Deno?: { env: { get(name: string): string | undefined } };
  process?: { env: Record<string, string | undefined> };
}

const runtime = globalThis as Runtime;
const text = runtime.Deno ? runtime.Deno.env.get('VECTORS_INPUT') : runtime.process?.env.VECTORS_INPUT;
console.log(JSON.stringify(await vectors(JSON.parse(text ?? '{"tokens":{}}') as VectorInput)));
