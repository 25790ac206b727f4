/**
 * Gradient and chained-op registrations under Node (tests, the CLI, benchmarks).
 * There `@tensorflow/tfjs-core` resolves to a CommonJS bundle without gradients, and
 * its ES module files cannot be loaded by Node (extensionless imports); the union
 * package's Node bundle registers them into the same global registries.
 */
import '@tensorflow/tfjs';
