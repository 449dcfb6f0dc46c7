package io.brushguard.sim;

/**
 * Turns numbers into the opaque tokens the event contract carries for personal data: devices,
 * payment accounts, addresses, identity hashes, image hashes, IPv4 addresses. Tokens are a keyed
 * mix of the number, so neighbours in the simulation do not look like neighbours in the output
 * (phone numbers are the exception: rings buy them in sequential blocks, and detectors look for
 * exactly that).
 */
final class Tokens {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long DEVICE = 0x1d3a_5e7f_0001L;
  private static final long PAYER = 0x2b4c_6d8e_0002L;
  private static final long ADDRESS = 0x3c5d_7e9f_0003L;
  private static final long IDENTITY = 0x4d6e_8fa0_0004L;
  private static final long IMAGE = 0x5e7f_90b1_0005L;
  private static final long IP = 0x6f80_a1c2_0006L;

  private final long key;

  Tokens(long seed) {
    this.key = Rand.mix(seed ^ 0x7a3f_19c2_d4e6_8b05L);
  }

  String device(long n) {
    return hex("d-", Rand.mix(key ^ DEVICE ^ n * 0x9E3779B97F4A7C15L), 10);
  }

  String payer(long n) {
    return hex("pay-", Rand.mix(key ^ PAYER ^ n * 0x9E3779B97F4A7C15L), 10);
  }

  String address(long n) {
    return hex("addr-", Rand.mix(key ^ ADDRESS ^ n * 0x9E3779B97F4A7C15L), 10);
  }

  String identity(long n) {
    return hex("id-", Rand.mix(key ^ IDENTITY ^ n * 0x9E3779B97F4A7C15L), 12);
  }

  /** A 64-bit perceptual hash, as 16 hex digits. */
  String image(long n) {
    return hex("", Rand.mix(key ^ IMAGE ^ n * 0x9E3779B97F4A7C15L), 16);
  }

  /** A public-looking IPv4 address for a number, in one of the given first octets. */
  int ip(long n, int[] firstOctets) {
    long h = Rand.mix(key ^ IP ^ n * 0x9E3779B97F4A7C15L);
    int first = firstOctets[(int) ((h >>> 40) & 0xFFFF) % firstOctets.length];
    int rest = (int) (h & 0xFF_FFFF);
    if ((rest & 0xFF) == 0 || (rest & 0xFF) == 255) {
      rest ^= 0x7;
    }
    return first << 24 | rest;
  }

  static String dotted(int ip) {
    return new StringBuilder(15)
        .append(ip >>> 24)
        .append('.')
        .append(ip >>> 16 & 0xFF)
        .append('.')
        .append(ip >>> 8 & 0xFF)
        .append('.')
        .append(ip & 0xFF)
        .toString();
  }

  private static String hex(String prefix, long value, int digits) {
    char[] out = new char[prefix.length() + digits];
    prefix.getChars(0, prefix.length(), out, 0);
    for (int i = out.length - 1; i >= prefix.length(); i--) {
      out[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return new String(out);
  }
}
