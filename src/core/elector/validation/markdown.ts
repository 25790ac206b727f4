/**
 * Pieces shared by the report's sections: table markers (docCheck.ts finds the doc's tables
 * by them) and cycle formatting.
 */
import { num } from './format.ts';

export const marker = (id: string): string => `<!-- table: ${id} -->`;
export const block = (id: string, t: string): string => `${marker(id)}\n${t}`;

/** Cycles: whole above 100 or when whole, else one decimal. */
export const cyc = (n: number): string => (Math.abs(n) >= 100 || Number.isInteger(n) ? num(n) : num(n, 1));
