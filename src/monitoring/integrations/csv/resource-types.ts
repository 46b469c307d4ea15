import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const employee: ResourceType = {
  description: 'A row of an HR export: who works here, where, and whether they are still employed.',
  attributes: z.object({
    email: z.string(),
    department: z.string().nullable(),
    jobTitle: z.string().nullable(),
    managerEmail: z.string().nullable(),
    employed: z.boolean(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
  example: {
    email: 'priya.raman@example.com',
    department: 'Risk',
    jobTitle: 'Head of AI Governance',
    managerEmail: null,
    employed: true,
    startDate: '2021-04-01',
    endDate: null,
  },
};

const asset: ResourceType = {
  description: 'A row of an IT asset inventory (e.g. GPUs, model endpoints, SaaS AI tools).',
  attributes: z.object({
    category: z.string(),
    ownerEmail: z.string().nullable(),
    /** Whether the asset is approved for use (unapproved AI tools are "shadow AI"). */
    approved: z.boolean(),
    aiCapable: z.boolean(),
    location: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  }),
  example: {
    category: 'saas-ai-tool',
    ownerEmail: 'priya.raman@example.com',
    approved: true,
    aiCapable: true,
    location: 'EU',
    lastSeenAt: '2026-12-01',
  },
};

export const csvResourceTypes: Record<string, ResourceType> = { employee, asset };
