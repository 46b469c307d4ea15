/** A problem an API caller or CLI user can fix; rendered as RFC 9457 problem+json in one place (api/problem.ts). */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    super(422, 'validation_failed', message, errors);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], `${field}: ${message}`);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super(404, 'not_found', `No ${entity} with id "${id}".`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(409, 'conflict', message, field ? [{ field, message }] : undefined);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in or send a valid API token.') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this action.') {
    super(403, 'forbidden', message);
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Checks a value against a schema the route could not know in advance; issues name fields under `prefix`. */
export function parseField<T>(
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
  value: unknown,
  prefix: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
}
