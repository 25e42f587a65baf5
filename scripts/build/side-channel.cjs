'use strict';
// What tsgi's build copy of qs gets for `require('side-channel')` (scripts/build/plugins.js):
// the same five methods over a WeakMap for object keys and a Map for the others, on the
// runtime's own collections. The real package reaches them through get-intrinsic, call-bound and
// object-inspect (about 40 KB minified, most of the copy) so that code running later cannot
// tamper with them; qs only keeps per-object marks in its channels (arrays past arrayLimit,
// cycles when stringifying). test/build/side-channel.test.ts holds it to the real one.
module.exports = function getSideChannel() {
  var objects;
  var others;
  function store(key, create) {
    if (key !== null && (typeof key === 'object' || typeof key === 'function')) {
      if (!objects && create) objects = new WeakMap();
      return objects;
    }
    if (!others && create) others = new Map();
    return others;
  }
  var channel = {
    assert: function (key) {
      if (!channel.has(key)) throw new TypeError('Side channel does not contain ' + (Object(key) === key ? 'the given object key' : String(key)));
    },
    'delete': function (key) {
      var map = store(key, false);
      return !!map && map['delete'](key);
    },
    get: function (key) {
      var map = store(key, false);
      return map && map.get(key);
    },
    has: function (key) {
      var map = store(key, false);
      return !!map && map.has(key);
    },
    set: function (key, value) {
      store(key, true).set(key, value);
    }
  };
  return channel;
};
