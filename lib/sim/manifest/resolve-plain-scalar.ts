/**
 * The value of an untagged plain (unquoted) scalar under YAML 1.1, as kubectl reads it: go-yaml v2 inside
 * sigs.k8s.io/yaml resolves `yes`/`on`/`y` to booleans, `0755` to octal, `0x1F` to hex, `0b101` to binary,
 * `1_000` to 1000, `.inf`/`.nan` to floats and `~`/`null` to null (go-yaml/yaml v2 resolve.go; the YAML 1.1
 * types at https://yaml.org/type/bool.html, int.html, float.html, null.html). Timestamps and base-60 numbers
 * (`10:30`) stay strings: go-yaml does not decode them into values (go-yaml/yaml#293).
 *
 * Both manifest readers must give the same values, so this mirrors the yaml package's `yaml-1.1` schema as
 * parseManifests configures it (node_modules/yaml/dist/schema/yaml-1.1/{bool,int,float}.js and
 * schema/common/null.js, with the timestamp, intTime and floatTime tags removed): the same regular
 * expressions, tried in the same order (null, true, false, binary, octal, decimal, hex, .inf/.nan,
 * exponent float, float), and the same conversions, quirks included (`0_` is octal with no digits, NaN;
 * `-0` is negative zero; `e5` is an exponent float with no mantissa, NaN).
 */
export function resolvePlainScalar(source: string): string | number | boolean | null {
  // Every rule below needs one of these first characters; anything else is a string.
  if (source.length > 0 && !MAY_RESOLVE.test(source[0])) return source;
  if (NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (INT_BIN.test(source)) return parseInteger(source, 2, 2);
  if (INT_OCT.test(source)) return parseInteger(source, 1, 8);
  if (INT_DEC.test(source)) return parseInteger(source, 0, 10);
  if (INT_HEX.test(source)) return parseInteger(source, 2, 16);
  if (FLOAT_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === "nan") return NaN;
    return source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source.replace(/_/g, ""));
  return source;
}

const MAY_RESOLVE = /[~nNyYtToOfF0-9+\-.eE]/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

/** The yaml package's intResolve: skip the sign and the radix prefix, drop underscores, parseInt. */
function parseInteger(source: string, prefixLength: number, radix: number): number {
  const sign = source[0];
  const offset = sign === "-" || sign === "+" ? prefixLength + 1 : prefixLength;
  const n = parseInt(source.substring(offset).replace(/_/g, ""), radix);
  return sign === "-" ? -1 * n : n;
}
