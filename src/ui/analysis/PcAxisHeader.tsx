/**
 * Controls of one axis: move left/right, flip, log/linear, and the brush as two
 * number inputs (the keyboard way to brush; empty both to clear).
 */
import { useEffect, useState } from 'react';
import type { PcAxis } from './pcAxes.ts';
import type { BrushHandler } from './pcBrush.ts';

interface Props {
  axis: PcAxis;
  brush: readonly [number, number] | undefined;
  first: boolean;
  last: boolean;
  onMove(by: -1 | 1): void;
  onFlip(): void;
  onLog(): void;
  onBrush: BrushHandler;
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '');

export function PcAxisHeader({ axis, brush, first, last, onMove, onFlip, onLog, onBrush }: Props) {
  const { key, label } = axis.column;
  const [lo, setLo] = useState('');
  const [hi, setHi] = useState('');
  // The inputs follow a brush drawn with the pointer.
  useEffect(() => {
    setLo(brush ? fmt(brush[0]) : '');
    setHi(brush ? fmt(brush[1]) : '');
  }, [brush]);
  const commit = (l: string, h: string) => {
    if (l.trim() === '' && h.trim() === '') return onBrush(key, null);
    const a = l.trim() === '' ? -Infinity : Number(l);
    const b = h.trim() === '' ? Infinity : Number(h);
    if (Number.isNaN(a) || Number.isNaN(b)) return;
    onBrush(key, [Math.min(a, b), Math.max(a, b)]);
  };
  return (
    <div className="pc-axis-head" data-axis={key}>
      <div className="pc-axis-buttons">
        <button type="button" aria-label={`Move ${label} left`} disabled={first} onClick={() => onMove(-1)}>◀</button>
        <button type="button" aria-label={`Flip ${label}`} aria-pressed={axis.flipped} onClick={onFlip}>⇅</button>
        <button type="button" aria-label={`Log scale for ${label}`} aria-pressed={axis.log} disabled={!axis.logAllowed} onClick={onLog}
          title={axis.logAllowed ? 'Log or linear' : 'Log needs every value > 0'}>log</button>
        <button type="button" aria-label={`Move ${label} right`} disabled={last} onClick={() => onMove(1)}>▶</button>
      </div>
      <input className="pc-range" type="number" inputMode="decimal" placeholder="min" value={lo} step="any" aria-label={`${label} brush minimum`}
        onChange={(e) => setLo(e.target.value)} onBlur={() => commit(lo, hi)} onKeyDown={(e) => e.key === 'Enter' && commit(lo, hi)} />
      <input className="pc-range" type="number" inputMode="decimal" placeholder="max" value={hi} step="any" aria-label={`${label} brush maximum`}
        onChange={(e) => setHi(e.target.value)} onBlur={() => commit(lo, hi)} onKeyDown={(e) => e.key === 'Enter' && commit(lo, hi)} />
    </div>
  );
}
