// tsgi through `serve`, with Request/Response and Request.application, from the built package.
import { Request, Response } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
import { tsgiApp } from '../fetch-apps.js';

const app = tsgiApp({ Request, Response });

const running = await serve(app, { port: 0 });
report(running.server);
