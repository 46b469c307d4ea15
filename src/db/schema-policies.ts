/** The tables of the policies module. */
export type PoliciesTables = {};
