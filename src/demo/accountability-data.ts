import type { Raci } from '../modules/aims-roles/schema.js';
import type { ConcernCreate } from '../modules/concerns/schema.js';

// The demo organisation's accountability data; keys are the person and AI system keys of organisation.yaml.

/** The AIMS roles of the demo organisation and who holds them (person keys from organisation.yaml). */
export const DEMO_ROLES: Array<{
  key: string;
  name: string;
  aimsOwner?: boolean;
  isoRefs: string[];
  description: string;
  responsibilities: string;
  raci: Array<[string, Raci]>;
}> = [
  {
    key: 'aims-owner',
    name: 'AIMS owner',
    aimsOwner: true,
    isoRefs: ['5.1', '5.3', 'A.3.2', 'A.3.3'],
    description: 'Owns the AI management system on behalf of top management and reports on its performance.',
    responsibilities:
      '- Keep the AIMS conforming to ISO/IEC 42001\n- Report AIMS performance to the steering committee\n- Receive and route every concern raised about AI',
    raci: [
      ['aims-admin', 'accountable'],
      ['cro', 'consulted'],
      ['general-counsel', 'consulted'],
      ['ceo', 'informed'],
    ],
  },
  {
    key: 'ai-risk-manager',
    name: 'AI risk manager',
    isoRefs: ['6.1.2', '6.1.3', '8.2', '8.3'],
    description: 'Runs the AI risk assessment and treatment process across all AI systems.',
    responsibilities:
      '- Maintain the AI risk register and methodology\n- Challenge risk scores and treatment plans\n- Escalate risks above appetite',
    raci: [
      ['cro', 'accountable'],
      ['head-model-risk', 'responsible'],
      ['lead-ds-credit', 'consulted'],
      ['aims-admin', 'informed'],
    ],
  },
  {
    key: 'ai-system-owner',
    name: 'AI system owner',
    isoRefs: ['A.3.2', 'A.6.2.2', 'A.9.2'],
    description: 'Answers for one AI system through its lifecycle: purpose, use, oversight and retirement.',
    responsibilities:
      '- Define the intended purpose and its limits\n- Approve releases and changes\n- Make sure human oversight is staffed and trained',
    raci: [
      ['vp-product', 'accountable'],
      ['head-data-science', 'responsible'],
      ['head-customer-ops', 'responsible'],
      ['head-ml-engineering', 'consulted'],
      ['aims-admin', 'informed'],
    ],
  },
  {
    key: 'dpo',
    name: 'Data protection officer',
    isoRefs: ['A.7.4', 'A.7.5', 'A.5.4'],
    description: 'Advises on and monitors the processing of personal data by AI systems.',
    responsibilities:
      '- Review data protection impact assessments\n- Advise on lawful basis and data minimisation\n- Handle data subject requests involving AI',
    raci: [
      ['dpo', 'accountable'],
      ['general-counsel', 'consulted'],
      ['aims-admin', 'informed'],
    ],
  },
  {
    key: 'internal-auditor',
    name: 'Internal auditor',
    isoRefs: ['9.2'],
    description: 'Audits the AIMS independently of the people who run it.',
    responsibilities: '- Plan and run the internal audit programme\n- Report findings to top management',
    raci: [
      ['head-internal-audit', 'accountable'],
      ['ceo', 'informed'],
    ],
  },
  {
    key: 'model-validation-lead',
    name: 'Model validation lead',
    isoRefs: ['A.6.2.4', 'A.6.2.5'],
    description: 'Validates models independently before release and after significant change.',
    responsibilities:
      '- Define validation standards and thresholds\n- Sign off validation reports\n- Track findings to closure',
    raci: [
      ['head-model-risk', 'accountable'],
      ['senior-ds-fincrime', 'responsible'],
      ['mlops-engineer', 'consulted'],
      ['cro', 'informed'],
    ],
  },
];

/** Concerns in each state: an anonymous one, one overdue, one in progress a member follows, one closed. */
export const DEMO_CONCERNS: Array<{
  key: string;
  reporterKey?: string;
  systemKey?: string;
  daysAgo: number;
  input: Omit<ConcernCreate, 'aiSystemId'>;
  status?: 'in_progress' | 'closed';
  resolution?: string;
}> = [
  {
    key: 'credit-bias',
    systemKey: 'credit-scoring',
    daysAgo: 2,
    input: {
      category: 'bias',
      anonymous: true,
      description:
        'Applicants from two postcodes seem to be declined far more often than others with similar income.',
    },
  },
  {
    key: 'speech-misuse',
    systemKey: 'speech-analytics',
    daysAgo: 23,
    input: {
      category: 'misuse',
      anonymous: false,
      description: 'Team leads use the speech analytics scores in individual performance reviews.',
    },
    reporterKey: 'ml-engineer-conversational',
  },
  {
    key: 'assistant-transparency',
    systemKey: 'support-assistant',
    daysAgo: 6,
    input: {
      category: 'transparency',
      anonymous: false,
      description:
        'Customers ask whether they are talking to a person; the assistant does not always say it is AI.',
    },
    reporterKey: 'cx-team-lead',
    status: 'in_progress',
  },
  {
    key: 'code-assistant-privacy',
    systemKey: 'code-assistant',
    daysAgo: 40,
    input: {
      category: 'privacy',
      anonymous: false,
      description: 'Prompts may include customer data pasted from tickets.',
    },
    reporterKey: 'head-platform',
    status: 'closed',
    resolution:
      'Added a prompt filter for customer identifiers and reminded engineers in the AI policy briefing.',
  },
];
