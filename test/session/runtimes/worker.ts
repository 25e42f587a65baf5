/**
 * workerd entry, bundled by the test: `workerd test` calls `test()`, the input comes as a text
 * binding and the output is printed on a line starting with `VECTORS `.
 */
import { vectors, type VectorInput } from './vectors.js';

export default {
  async test(_controller: unknown, env: { INPUT: string }): Promise<void> {
    console.log(`VECTORS ${JSON.stringify(await vectors(JSON.parse(env.INPUT) as VectorInput))}`);
  },
};
