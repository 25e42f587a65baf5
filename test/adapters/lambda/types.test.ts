// tsgi/lambda, issue 19 section 3: the handlers fit the Handler types of @types/aws-lambda without
// the package depending on them. The assignments below are checked by `npm run typecheck`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ALBHandler, APIGatewayProxyHandler, APIGatewayProxyHandlerV2, Context, LambdaFunctionURLHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { toLambdaHandler, type LambdaContext } from '../../../src/adapters/lambda/index.js';
import { fakeContext, loadEvent } from './support.js';

const app: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

describe('tsgi/lambda types', () => {
  it('gives handlers assignable to the API Gateway, ALB and function URL handler types', async () => {
    const rest: APIGatewayProxyHandler = toLambdaHandler(app);
    const http: APIGatewayProxyHandlerV2 = toLambdaHandler(app);
    const alb: ALBHandler = toLambdaHandler(app);
    const url: LambdaFunctionURLHandler = toLambdaHandler(app);
    const context: LambdaContext = fakeContext() satisfies Context;
    const results = await Promise.all(
      [rest, http, alb, url].map((handler) => handler(loadEvent('apigw-http-v2') as never, context as Context, () => undefined)),
    );
    expect(results.map((result) => (result as { statusCode: number }).statusCode)).toEqual([204, 204, 204, 204]);
  });

  it('keeps @types/aws-lambda out of the public API', () => {
    const dir = join(import.meta.dirname, '../../../src/adapters/lambda');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/from 'aws-lambda'|@types\/aws-lambda'/);
  });
});
