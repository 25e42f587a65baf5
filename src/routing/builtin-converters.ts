/**
 * The converters every `RuleMap` starts with, as factories reading the rule's arguments.
 * @module
 */
import type { ConverterFactory } from './converter.js';
import { numberArg, readArgs, type ConverterArgs } from './converter-args.js';
import { FloatConverter, IntegerConverter } from './number-converters.js';
import { AnyConverter, PathConverter, StringConverter, UUIDConverter } from './text-converters.js';

function stringConverter(args: ConverterArgs): StringConverter {
  const [minLength, maxLength, length] = readArgs('string', args, [
    ['minLength', 'minlength', 'min_length'],
    ['maxLength', 'maxlength', 'max_length'],
    ['length'],
  ]).map((value) => numberArg('string', value));
  return new StringConverter({ minLength, maxLength, length });
}

function noArgs<T>(name: string, make: () => T): (args: ConverterArgs) => T {
  return (args) => {
    readArgs(name, args, []);
    return make();
  };
}

/**
 * The built-in converters by name: `default` and `string`, `path`, `int`, `float`, `uuid`, `any`.
 * A map's `converters` option adds to them or replaces one.
 *
 * @example
 * ```ts
 * new RuleMap(rules, { converters: { default: DEFAULT_CONVERTERS.path } }); // every <name> crosses slashes
 * ```
 */
export const DEFAULT_CONVERTERS = {
  default: stringConverter,
  string: stringConverter,
  path: noArgs('path', () => new PathConverter()),
  uuid: noArgs('uuid', () => new UUIDConverter()),
  int: (args: ConverterArgs): IntegerConverter => {
    const [fixedDigits, min, max, signed] = readArgs('int', args, [
      ['fixedDigits', 'fixed_digits'], ['min'], ['max'], ['signed'],
    ]);
    return new IntegerConverter({
      fixedDigits: numberArg('int', fixedDigits), min: numberArg('int', min), max: numberArg('int', max), signed: signed === true,
    });
  },
  float: (args: ConverterArgs): FloatConverter => {
    const [min, max, signed] = readArgs('float', args, [['min'], ['max'], ['signed']]);
    return new FloatConverter({ min: numberArg('float', min), max: numberArg('float', max), signed: signed === true });
  },
  any: (args: ConverterArgs): AnyConverter => {
    if (Object.keys(args.named).length > 0) throw new TypeError('converter any takes only positional arguments');
    if (args.positional.length === 0) throw new TypeError('converter any needs at least one value');
    return new AnyConverter(args.positional.map(String));
  },
} satisfies Record<string, ConverterFactory>;
