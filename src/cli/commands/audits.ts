import type { Command } from 'commander';

// Placeholder while the module is being built.
export function registerAuditCommands(_program: Command): void {}
