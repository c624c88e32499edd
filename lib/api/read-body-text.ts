import { ApiError } from "./api-error";

/**
 * The media type of a request, without parameters (`application/json; charset=utf-8` → `application/json`),
 * compared case-insensitively as RFC 9110 §8.3.1 says media types are.
 */
export function isJsonRequest(request: Request): boolean {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Reads a request body as UTF-8 text, refusing it as soon as it passes `maxBytes`: a declared Content-Length
 * over the limit is refused before anything is read, and a body that streams past it (chunked, or lying about
 * its length) is cancelled at the limit rather than buffered whole.
 */
export async function readBodyText(request: Request, maxBytes: number, tooLarge: string): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw new ApiError("payload_too_large", tooLarge);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8");
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError("payload_too_large", tooLarge);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
