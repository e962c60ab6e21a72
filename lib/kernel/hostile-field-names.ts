// Field names that try to walk into a prototype, one way or another. Shared by the form parser's
// unit tests, the integration test of the public actions and the HTTP fuzz suite.
export const PROTOTYPE_FIELD_NAMES = [
  "__proto__",
  "__proto__.polluted",
  "__proto__[]",
  "__proto__.polluted[]",
  "__proto__.x.polluted",
  "constructor.prototype.polluted",
  "constructor.prototype.polluted[]",
  "constructor[].prototype.polluted",
  "prototype.polluted",
  "a.__proto__.polluted",
  "a.constructor.prototype.polluted",
  "a.0.__proto__.polluted",
  "platforms.0.__proto__.polluted",
  "platforms.__proto__.polluted",
  "polluted.__proto__",
] as const;
