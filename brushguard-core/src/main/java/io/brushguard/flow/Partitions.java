package io.brushguard.flow;

/**
 * Keys for a stage that holds a window of a structure across keys (a graph of recent edges): each
 * input goes to one of {@code n} partitions, so the structure is split into {@code n} bounded
 * pieces that the Flink job spreads over up to {@code n} subtasks. The partition of a key is {@code
 * String.hashCode} modulo {@code n}: specified by the JDK, so the same in every JVM and in both
 * runtimes.
 */
public final class Partitions {
  private Partitions() {}

  /** The partition key ({@code p0} … {@code p<n-1>}) of {@code key} among {@code n}. */
  public static String of(String key, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + n);
    }
    return "p" + Math.floorMod(key.hashCode(), n);
  }
}
