import { enumOptions } from '../registers/labels.js';

export const ASSIGNMENT_STATUS = ['overdue', 'due_soon', 'assigned', 'completed'] as const;
export const STATUS_OPTIONS = enumOptions(ASSIGNMENT_STATUS);

export const STATUS_COLOURS: Record<string, string> = {
  overdue: 'red',
  due_soon: 'yellow',
  assigned: 'blue',
  completed: 'teal',
};
