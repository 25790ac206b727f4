/**
 * Turns CLI arguments into designs: a preset name, a JSON file, or (for
 * accelerators) an inline 12-number embedding.
 */
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../core/space/accelerator/presets.ts';
import { acceleratorFromEmbedding } from '../core/space/accelerator/embedding.ts';
import { formatIssues } from '../core/space/issues.ts';
import { UsageError, type CliIo } from './io.ts';

export function loadModelArg(arg: string, io: CliIo): unknown {
  const name = arg.toLowerCase();
  if (Object.hasOwn(MODEL_PRESETS, name)) return (MODEL_PRESETS as Record<string, { model: unknown }>)[name].model;
  if (looksLikeFile(arg)) return readJson(arg, io, '--model');
  throw new UsageError(`--model: "${arg}" is neither a preset (${Object.keys(MODEL_PRESETS).join(', ')}) nor a .json file`);
}

export function loadAcceleratorArg(arg: string, io: CliIo): unknown {
  const name = arg.toLowerCase();
  if (Object.hasOwn(ACCELERATOR_PRESETS, name)) return (ACCELERATOR_PRESETS as Record<string, { config: unknown }>)[name].config;
  if (arg.trim().startsWith('[')) return acceleratorFromValue(parseJson(arg, '--accelerator'), '--accelerator');
  if (looksLikeFile(arg)) return acceleratorFromValue(readJson(arg, io, '--accelerator'), '--accelerator');
  throw new UsageError(
    `--accelerator: "${arg}" is neither a preset (${Object.keys(ACCELERATOR_PRESETS).join(', ')}), a .json file, nor a 12-number embedding like "[1,16,16,64,16,16,4,4,4,8,1,8]"`,
  );
}

/** An accelerator given as a config object, or as the 12-number embedding. */
export function acceleratorFromValue(value: unknown, where: string): unknown {
  if (!Array.isArray(value)) return value;
  const decoded = acceleratorFromEmbedding(value, 'acceltran');
  if (!decoded.ok) throw new UsageError(`${where}: ${formatIssues(decoded.issues)}`);
  return decoded.value;
}

function looksLikeFile(arg: string): boolean {
  return arg.endsWith('.json') || arg.includes('/');
}

export function readJson(path: string, io: CliIo, flag: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path}: ${(e as Error).message}`);
  }
  return parseJson(text, `${flag} ${path}`);
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: not valid JSON (${(e as Error).message})`);
  }
}
