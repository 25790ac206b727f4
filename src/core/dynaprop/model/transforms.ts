/**
 * Fixed token-mixing matrices of the linear-transform heads (docs/flexibert.md §5.2):
 * the real part of a 2-D DFT, C_T·V·C_d − S_T·V·S_d, and an unnormalised DCT-II
 * (scipy's convention, ×2), D_T·V·D_dᵀ. Kept on the host and uploaded per pass.
 */
const cache = new Map<string, Float32Array>();

function matrix(kind: 'cos' | 'sin' | 'dct', n: number): Float32Array {
  const key = `${kind}:${n}`;
  let m = cache.get(key);
  if (!m) {
    m = new Float32Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        if (kind === 'dct') m[j * n + k] = 2 * Math.cos((Math.PI * j * (2 * k + 1)) / (2 * n));
        else {
          const angle = (2 * Math.PI * ((j * k) % n)) / n;
          m[j * n + k] = kind === 'cos' ? Math.cos(angle) : Math.sin(angle);
        }
      }
    }
    cache.set(key, m);
  }
  return m;
}

/** cos(2πjk/N), symmetric. */
export const dftCos = (n: number) => matrix('cos', n);
/** sin(2πjk/N), symmetric. */
export const dftSin = (n: number) => matrix('sin', n);
/** D[k, n] = 2cos(πk(2n+1)/(2N)): row k gives output frequency k. */
export const dct2 = (n: number) => matrix('dct', n);
