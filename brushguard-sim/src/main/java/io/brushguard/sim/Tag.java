package io.brushguard.sim;

/**
 * The ground truth of one entity packed in a byte, so the timeline and the per-account arrays can
 * carry it without allocation: {@link #NONE} (genuine, unlabelled), fraud by a {@link Tactic}, a
 * genuine {@link Trap}, or the victim of reverse brushing.
 */
final class Tag {
  static final byte NONE = 0;
  private static final int TACTIC_BASE = 1;
  private static final int TRAP_BASE = 32;
  static final byte VICTIM = 127;

  private Tag() {}

  static byte of(Tactic tactic) {
    return (byte) (TACTIC_BASE + tactic.ordinal());
  }

  static byte of(Trap trap) {
    return (byte) (TRAP_BASE + trap.ordinal());
  }

  static boolean isFraud(byte tag) {
    return tag >= TACTIC_BASE && tag < TRAP_BASE;
  }

  static boolean isTrap(byte tag) {
    return tag >= TRAP_BASE && tag < TRAP_BASE + Trap.values().length;
  }

  /** The tactic of a fraud tag, or null. */
  static Tactic tactic(byte tag) {
    return isFraud(tag) ? Tactic.values()[tag - TACTIC_BASE] : null;
  }

  /** The trap of a trap tag, or null. */
  static Trap trap(byte tag) {
    return isTrap(tag) ? Trap.values()[tag - TRAP_BASE] : null;
  }
}
