package io.brushguard.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Canonical instances of short plain-ASCII strings (ids, mostly), shared by every parser of the
 * JVM: the same id read on different lines comes out as the same {@code String}, most of the time.
 *
 * <p>Design note: every stage looks its key up in a table, and a lookup compares the key with the
 * one stored: with a fresh string per line, that reads two strings' bytes that are rarely in cache,
 * while one instance compares by reference. The per-key state of a long stream also holds each id
 * many times over (once per stage and per event that put it there); one instance holds it once. The
 * table is a bounded, lossy, direct-mapped cache of {@value #SLOTS} entries: a string goes to the
 * slot of its hash, replacing what was there, so memory stays bounded (about 4 MiB of references,
 * plus the strings they keep alive) and an id seen rarely may come out as a new instance. Only
 * identity changes: an interned string is equal to the one it stands for, so nothing that compares
 * with {@code equals} can tell. Threads race on slots harmlessly: a {@code String} is immutable and
 * safely published through its final fields, and a lost write only costs a miss. The hash is
 * computed here, while the bytes are in cache, and cached in the string.
 */
final class Interner {
  static final int SLOTS = 1 << 20;

  /** Longer strings are not interned: ids are short, and long text rarely repeats. */
  static final int MAX_LENGTH = 64;

  private static final Interner SHARED = new Interner();

  private final String[] slots = new String[SLOTS];

  static Interner shared() {
    return SHARED;
  }

  /** The plain-ASCII (Latin-1) string of {@code buf[from, to)}, as a canonical instance. */
  String latin1(byte[] buf, int from, int to) {
    int len = to - from;
    if (len > MAX_LENGTH) {
      return new String(buf, from, len, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + (buf[i] & 0xff); // String.hashCode of a Latin-1 string
    }
    int slot = (h ^ (h >>> 16) ^ (h >>> 7)) & (SLOTS - 1);
    String s = slots[slot];
    if (s != null && s.hashCode() == h && s.length() == len && same(s, buf, from)) {
      return s;
    }
    s = new String(buf, from, len, StandardCharsets.ISO_8859_1);
    s.hashCode(); // computes and caches it now, while the bytes are in cache
    slots[slot] = s;
    return s;
  }

  private static boolean same(String s, byte[] buf, int from) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != (buf[from + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
