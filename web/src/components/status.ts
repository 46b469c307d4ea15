export const STATUS_COLOURS: Record<string, string> = {
  met: 'teal',
  partial: 'yellow',
  not_met: 'red',
  not_applicable: 'gray',
};

export const STATUS_LABELS: Record<string, string> = {
  met: 'Met',
  partial: 'Partial',
  not_met: 'Not met',
  not_applicable: 'Not applicable',
};
