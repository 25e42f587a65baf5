// Hello world with Request and Response: the handler returns a Response, which is itself an App.
import { Request, Response } from 'tsgi';

export default Request.application((req) => new Response(`Hello, ${req.args.get('name') ?? 'World'}!`));
