import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';

interface ProblemError extends Error {
  status?: number;
  errors?: Array<{ field: string; message: string }>;
}

/** The form path of an API field name: `models[0].name` and `models.0.name` both become `models.0.name`. */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** Puts the API's problem+json field errors next to the fields ("models.0.name" → the form path). */
export function showProblem<Values>(form: UseFormReturnType<Values> | null, error: unknown): void {
  const problem = error as ProblemError;
  const fields = problem.errors ?? [];
  const known = fields.filter((f) => f.field && f.field !== 'input');
  if (form && known.length > 0) {
    form.setErrors(Object.fromEntries(known.map((f) => [formPath(f.field), f.message])));
  }
  notifications.show({
    color: 'red',
    title: 'Not saved',
    message: problem.message,
    closeButtonProps: { 'aria-label': 'Close notification' },
  });
}

export function showSaved(message: string): void {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': 'Close notification' } });
}
