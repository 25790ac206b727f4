/**
 * The one entry to TensorFlow.js for the core: tfjs-core plus its gradient and
 * chained-op registrations, chosen per platform through the package's `imports`
 * map (`#tfjs-registrations`). Backends are registered by `backend.ts`.
 */
import '#tfjs-registrations';
export * from '@tensorflow/tfjs-core';
