// The "current time" app: GET / answers the time, other paths 404, other methods 501.
import { NotFound, NotImplemented, Request, Response } from 'tsgi';

export default Request.application((req) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new NotImplemented(`${req.method} is not supported here.`);
  if (req.path !== '/') throw new NotFound();
  return Response.json({ now: new Date().toISOString() });
});
