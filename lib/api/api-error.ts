import { NextResponse } from "next/server";

/**
 * The closed set of ways an API request can fail, each mapped to one HTTP status in one place, so every
 * route answers the same shape: `{ error: "<readable message>", code: "<code>" }`.
 */
export type ApiErrorCode = "bad_request" | "not_found" | "payload_too_large" | "unprocessable" | "rate_limited" | "unsupported_media_type";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiErrorResponse(error: ApiError): NextResponse {
  return NextResponse.json({ error: error.message, code: error.code }, { status: STATUS[error.code], headers: { "Cache-Control": "no-store", ...error.headers } });
}
