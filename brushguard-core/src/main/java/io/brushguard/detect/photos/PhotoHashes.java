package io.brushguard.detect.photos;

/**
 * Perceptual hashes as the events carry them (hex strings of 64 bits) and the pigeonhole split into
 * bands.
 *
 * <p><b>Multi-index hashing</b> (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with
 * Multi-Index Hashing", CVPR 2012; Manku, Jain and Das Sarma, "Detecting Near-Duplicates for Web
 * Crawling", WWW 2007): split the 64 bits into {@value #BANDS} bands of {@value #BAND_BITS} bits.
 * Two hashes within {@value #MAX_DISTANCE} bits differ in at most {@value #MAX_DISTANCE} bands, so
 * by the pigeonhole principle they agree exactly in at least one: looking up each band's value
 * finds every near-duplicate. A pair that agrees in several bands is reported once, by the lowest
 * band it agrees in ({@link #firstCommonBand}).
 */
final class PhotoHashes {
  static final int BANDS = 8;
  static final int BAND_BITS = 64 / BANDS;
  static final int MAX_DISTANCE = BANDS - 1;
  static final long NOT_A_HASH = 0;

  private PhotoHashes() {}

  /**
   * The hash of a hex string of 1 to 16 digits, or {@link #NOT_A_HASH} for anything else (and for
   * the all-zero hash, a blank image's, which says nothing).
   */
  static long parse(String hex) {
    if (hex == null || hex.isEmpty() || hex.length() > 16) {
      return NOT_A_HASH;
    }
    long h = 0;
    for (int i = 0; i < hex.length(); i++) {
      int d = Character.digit(hex.charAt(i), 16);
      if (d < 0) {
        return NOT_A_HASH;
      }
      h = h << 4 | d;
    }
    return h;
  }

  static int band(long hash, int band) {
    return (int) (hash >>> (band * BAND_BITS)) & ((1 << BAND_BITS) - 1);
  }

  /** The lowest band in which the two hashes agree, or -1. */
  static int firstCommonBand(long a, long b) {
    for (int i = 0; i < BANDS; i++) {
      if (band(a, i) == band(b, i)) {
        return i;
      }
    }
    return -1;
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
