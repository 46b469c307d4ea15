export const SYSTEM_STATUS_COLOURS: Record<string, string> = {
  missing: 'red.9',
  overdue: 'red.9',
  due: 'yellow.4',
  current: 'teal.9',
};
export const LEVEL_COLOURS: Record<string, string> = {
  low: 'teal.9',
  medium: 'yellow.4',
  high: 'orange.9',
  very_high: 'red.9',
};
export const ASSESSMENT_STATUS_COLOURS: Record<string, string> = {
  draft: 'gray.7',
  in_review: 'yellow.4',
  approved: 'teal.9',
  superseded: 'dark.4',
};
