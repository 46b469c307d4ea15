/** The tables of the accountability module (filled in with the module). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in with the module's tables
export interface AccountabilityTables {}
