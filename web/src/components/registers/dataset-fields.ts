import type { FieldConfig } from './fields.js';

export const DATASET_FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'source', label: 'Source', type: 'text' },
  { name: 'licence', label: 'Licence', type: 'text' },
  { name: 'recordCount', label: 'Records', type: 'number', nullable: true },
  { name: 'sizeBytes', label: 'Size (bytes)', type: 'number', nullable: true },
  {
    name: 'personalDataCategories',
    label: 'Personal data categories',
    type: 'tags',
    wide: true,
    description: 'Leave empty when the dataset holds no personal data.',
  },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'provenance', label: 'Provenance', type: 'textarea', wide: true },
  { name: 'qualityNotes', label: 'Quality notes', type: 'textarea', wide: true },
];
