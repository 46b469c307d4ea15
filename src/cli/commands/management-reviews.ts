import type { Command } from 'commander';

// Placeholder while the module is being built.
export function registerManagementReviewCommands(_program: Command): void {}
