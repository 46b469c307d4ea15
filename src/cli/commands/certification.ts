import type { Command } from 'commander';

// Placeholder while the module is being built.
export function registerCertificationCommands(_program: Command): void {}
