// What making an object callable costs in V8, in process: ways of building an instance that is a
// function with a class's prototype (as `Response` is, see CallableApp in
// src/response/header-accessors.ts), against a plain instance. ns per object made and called once.
//
//   node bench/callable-micro.js
//
// The closure alone is cheap; giving it the class's prototype is a call into V8's runtime
// (Object.setPrototypeOf, or Function.prototype.bind of a target with that prototype), which no
// JavaScript form avoids.

class PlainBase {
  serve() {
    return this.x;
  }
}
class Plain extends PlainBase {
  constructor(x) {
    super();
    this.x = x;
  }
}

// tsgi's form: an arrow function that calls the instance's `serve`, given the subclass's prototype.
class ArrowBase {
  constructor() {
    const serve = (environ, startResponse) => serve.serve(environ, startResponse);
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
  serve() {
    return this.x;
  }
}
class Arrow extends ArrowBase {
  constructor(x) {
    super();
    this.x = x;
  }
}

// A named function expression: no context to hold the binding the arrow closes over.
class NamedBase {
  constructor() {
    const serve = function self(environ, startResponse) {
      return self.serve(environ, startResponse);
    };
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
  serve() {
    return this.x;
  }
}
class Named extends NamedBase {
  constructor(x) {
    super();
    this.x = x;
  }
}

// A bound function: it takes its target's prototype, so the target carries the class's.
class BoundBase {
  serve() {
    return this.x;
  }
}
const target = function (environ, startResponse) {
  return this.owner.serve(environ, startResponse);
};
Object.setPrototypeOf(target, BoundBase.prototype);
class Bound extends BoundBase {
  constructor(x) {
    super();
    const holder = { owner: undefined };
    const bound = Function.prototype.bind.call(target, holder);
    holder.owner = bound;
    bound.x = x;
    return bound;
  }
}

// The closure without a prototype of its own (not an instance of anything): the lower bound.
function bareClosure(x) {
  const serve = () => serve.x;
  serve.x = x;
  return serve;
}

const forms = {
  'plain object (not callable)': [(i) => new Plain(i), (o) => o.serve()],
  'arrow + Object.setPrototypeOf (tsgi)': [(i) => new Arrow(i), (o) => o(1, 2)],
  'named function + Object.setPrototypeOf': [(i) => new Named(i), (o) => o(1, 2)],
  'bound function of a target with the prototype': [(i) => new Bound(i), (o) => o(1, 2)],
  'bare closure (no class prototype)': [(i) => bareClosure(i), (o) => o()],
};

const N = 2_000_000;
const results = Object.fromEntries(Object.keys(forms).map((name) => [name, []]));
for (let round = 0; round < 9; round++) {
  for (const [name, [make, call]] of Object.entries(forms)) {
    const start = process.hrtime.bigint();
    let sink = 0;
    for (let i = 0; i < N; i++) sink += call(make(i));
    if (sink < 0) console.log(sink);
    if (round >= 2) results[name].push(Number(process.hrtime.bigint() - start) / N);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`node ${process.version}; ns per object made and called (median of 7 rounds)`);
for (const [name, xs] of Object.entries(results)) console.log(`${median(xs).toFixed(1).padStart(7)}  ${name}`);
