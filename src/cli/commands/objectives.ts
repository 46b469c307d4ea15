import type { Command } from 'commander';

// Placeholder while the module is being built.
export function registerObjectiveCommands(_program: Command): void {}
