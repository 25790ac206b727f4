/** One colour per algorithm (Okabe–Ito, readable for common colour blindness), shared by the comparison's plot and table. */
export const ALGORITHM_COLORS: Record<string, string> = {
  boshcode: 'var(--cd-boshcode, #0072b2)',
  evolution: 'var(--cd-evolution, #d55e00)',
  random: 'var(--cd-random, #009e73)',
};
