/**
 * A web ReadableStream of text as an async iterable, for readSweepResultStream:
 * not every browser the app supports iterates streams with `for await` yet, but
 * all have getReader(). In a worker:
 *   readSweepResultStream(readableChunks(file.stream().pipeThrough(new TextDecoderStream())), onProgress, file.name)
 */
export async function* readableChunks(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopping early (a bad line) must not leave the file locked and read on.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
