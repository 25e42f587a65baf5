// examples/runtimes/lambda.js: the Lambda handler file docs/deployment.md shows (handler "lambda.handler").
import { NotFound, Request, Response } from 'tsgi';
import { toLambdaHandler, toLambdaStreamingHandler } from 'tsgi/lambda';

const app = Request.application(async (req) => {
  switch (req.path) {
    case '/':
      return Response.json({
        url: req.url,
        remoteAddr: req.remoteAddr,
        // The Lambda context and the raw event are in the environ, for what tsgi does not map.
        requestId: req.environ['tsgi.lambda.context']?.awsRequestId,
      });
    case '/upload': {
      const bytes = await req.bytes();
      return Response.json({ size: bytes.byteLength });
    }
    case '/ticks':
      return new Response(
        (async function* () {
          for (let i = 0; i < 3; i++) {
            yield new TextEncoder().encode(`tick ${i}\n`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })(),
        { mimetype: 'text/plain' },
      );
    default:
      throw new NotFound();
  }
});

// API Gateway (REST or HTTP API), a load balancer, or a function URL in BUFFERED mode.
export const handler = toLambdaHandler(app);

// A function URL in RESPONSE_STREAM mode (handler "lambda.streamingHandler"); outside Lambda's
// Node runtime it is the buffered handler.
export const streamingHandler = toLambdaStreamingHandler(app);
