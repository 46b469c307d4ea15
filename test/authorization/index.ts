import { accountabilityPart } from './accountability.js';
import { auditsPart } from './audits.js';
import { certificationPart } from './certification.js';
import { changeManagementPart } from './change-management.js';
import { incidentsPart } from './incidents.js';
import { managementReviewsPart } from './management-reviews.js';
import { nonconformitiesPart } from './nonconformities.js';
import { notificationsPart } from './notifications.js';
import { objectivesPart } from './objectives.js';
import type { MatrixPart } from './part.js';
import { policiesPart } from './policies.js';
import { trainingPart } from './training.js';

/** The matrix parts of modules that keep their routes' entries in a file of their own. */
export const MATRIX_PARTS: MatrixPart[] = [
  policiesPart,
  trainingPart,
  accountabilityPart,
  incidentsPart,
  changeManagementPart,
  notificationsPart,
  objectivesPart,
  auditsPart,
  nonconformitiesPart,
  managementReviewsPart,
  certificationPart,
];
