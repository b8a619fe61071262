/**
 * The emulator's one error type: a Google API error with an HTTP status, a canonical status name
 * and optional `details`, rendered exactly like Google's JSON error body.
 */

/** Canonical status names (google.rpc.Code) by HTTP status, as Google's REST frontends pair them. */
const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'UNIMPLEMENTED',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export type ErrorDetail = { '@type': string } & Record<string, unknown>;

/** The body Google sends with every 4xx/5xx. */
export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: ErrorDetail[] };
}

export class ApiError extends Error {
  readonly status: string;

  constructor(
    readonly code: number,
    message: string,
    status?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? STATUS_BY_CODE[code] ?? 'UNKNOWN';
  }

  toBody(): GoogleErrorBody {
    const error: GoogleErrorBody['error'] = { code: this.code, message: this.message, status: this.status };
    if (this.details && this.details.length > 0) error.details = this.details;
    return { error };
  }
}

export function invalidArgument(message: string, details?: ErrorDetail[]): ApiError {
  return new ApiError(400, message, 'INVALID_ARGUMENT', details);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message, 'NOT_FOUND');
}

export function failedPrecondition(message: string): ApiError {
  return new ApiError(400, message, 'FAILED_PRECONDITION');
}

export function alreadyExists(message: string): ApiError {
  return new ApiError(409, message, 'ALREADY_EXISTS');
}
