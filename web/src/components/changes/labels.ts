export const CHANGE_TYPES = [
  'model_retraining',
  'new_model_version',
  'training_data_change',
  'new_intended_use',
  'deployment_environment_change',
  'vendor_model_version_change',
] as const;
export const CHANGE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'implemented'] as const;
export const CHANGE_STATUS_COLOURS: Record<string, string> = {
  draft: 'gray.7',
  submitted: 'yellow.4',
  approved: 'blue.9',
  rejected: 'red.9',
  implemented: 'teal.9',
};
