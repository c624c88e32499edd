/**
 * Globals of the WHATWG web platform that both browsers and Node.js provide, declared for the pure core
 * (lib/tsconfig.pure.json compiles without the DOM and Node typings, so nothing else leaks in).
 * The app's own tsconfig gets these from lib.dom and skips this file.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  has(name: string): boolean;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
