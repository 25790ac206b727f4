/** Placeholder until the elector model lands; replaced by the physical constants table. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ElectorConstants {}
