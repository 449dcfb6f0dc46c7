package io.brushguard.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

/**
 * A stream that hands out its bytes in random chunks of 1 to {@code maxChunk}, as a network does.
 */
final class Trickle extends InputStream {
  private final ByteArrayInputStream in;
  private final Random rnd;
  private final int maxChunk;

  Trickle(byte[] data, Random rnd, int maxChunk) {
    this.in = new ByteArrayInputStream(data);
    this.rnd = rnd;
    this.maxChunk = maxChunk;
  }

  @Override
  public int read() {
    return in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) {
    return in.read(b, off, Math.min(len, 1 + rnd.nextInt(maxChunk)));
  }
}
