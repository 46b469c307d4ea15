import type { Command } from 'commander';

// Placeholder while the module is being built.
export function registerNonconformityCommands(_program: Command): void {}
