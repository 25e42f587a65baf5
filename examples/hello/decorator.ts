// Hello world as a class whose method is decorated (standard or experimentalDecorators: both work).
import { Request, Response, asApp } from 'tsgi';

class Greeter {
  greeting = 'Hello';

  @Request.application
  handle(req: Request): Response {
    return new Response(`${this.greeting}, ${req.args.get('name') ?? 'World'}!`);
  }
}

// The decorated method is bound to its instance; asApp gives it the App type.
export default asApp(new Greeter().handle);
