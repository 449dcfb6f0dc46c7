package io.brushguard.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into numbered JSON Lines, pull-style: each {@link #next()} returns the next
 * non-blank line as a {@link Frame}, a view into a reused buffer, or null at the end of the stream.
 * The one framing shared by the embedded {@link EventReader} and the Flink source.
 *
 * <p>Rules: a line ends at {@code \n}; one trailing {@code \r} is dropped; a line of only spaces,
 * tabs and {@code \r} is skipped but counted; a last line without a newline counts; a UTF-8 byte
 * order mark at the start of line 1 is dropped. A line longer than the limit ({@value
 * #MAX_LINE_BYTES} bytes before its newline) is returned once, marked {@link Frame#tooLong()},
 * holding only its first {@value #EXCERPT_BYTES} bytes; the rest of it is skipped unread into
 * memory. The result does not depend on how the stream splits its reads.
 *
 * <p>Memory: one buffer that starts at 64 KiB and grows, for a long line, to at most the limit plus
 * one byte. No allocation per line. Not thread-safe; the framer does not close the stream.
 */
public final class LineFramer {
  /** The longest line accepted, in bytes before its newline. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /** How much of an over-long line a {@link Frame} keeps. */
  public static final int EXCERPT_BYTES = 200;

  private static final int INITIAL_BUFFER = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  private final int tooLongBytes;
  private final Frame frame = new Frame();
  private byte[] buf;
  private int start; // first byte of the current line
  private int scanned; // no newline of the current line before this index
  private int limit; // end of the bytes read
  private long number; // lines framed so far, blank ones included
  private long bytesRead;
  private boolean skipping; // inside an over-long line, dropping bytes up to its newline
  private boolean eof;

  /** Frames {@code in} with the standard limit of {@value #MAX_LINE_BYTES} bytes per line. */
  public LineFramer(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  /**
   * Frames {@code in} with another line limit (tests). An over-long line keeps its first {@code
   * min(EXCERPT_BYTES, maxLineBytes)} bytes, so what it keeps never depends on read sizes.
   */
  LineFramer(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, was " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.tooLongBytes = Math.min(EXCERPT_BYTES, maxLineBytes);
    // never larger than maxLineBytes + 1: a line whose newline is in the buffer is within the limit
    this.buf = new byte[Math.min(INITIAL_BUFFER, maxLineBytes + 1)];
  }

  /**
   * The next non-blank line, or null at the end of the stream (and on every call after). The frame
   * and its bytes are valid until the next call.
   */
  public Frame next() throws IOException {
    while (true) {
      int nl = indexOfNewline(scanned, limit);
      if (nl >= 0) {
        int from = start;
        start = nl + 1;
        scanned = start;
        if (skipping) {
          skipping = false;
        } else if (frame(from, nl)) {
          return frame;
        }
        continue;
      }
      scanned = limit;
      if (skipping) {
        start = limit;
      } else if (limit - start > maxLineBytes) {
        int from = start;
        start = limit;
        skipping = true;
        return frame.set(buf, from, from + tooLongBytes, ++number, true);
      }
      if (eof || !fill()) {
        eof = true;
        if (!skipping && limit > start) {
          int from = start;
          start = limit;
          if (frame(from, limit)) {
            return frame; // the last line, without a newline
          }
        }
        return null;
      }
    }
  }

  /** Lines framed so far, blank and over-long ones included: the number of the last one. */
  public long lines() {
    return number;
  }

  /** Bytes read from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Numbers the complete line {@code buf[from, to)}; false when it is blank. */
  private boolean frame(int from, int to) {
    number++;
    if (number == 1
        && to - from >= 3
        && buf[from] == (byte) 0xEF
        && buf[from + 1] == (byte) 0xBB
        && buf[from + 2] == (byte) 0xBF) {
      from += 3; // a byte order mark, as some Windows tools write
    }
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        frame.set(buf, from, to, number, false);
        return true;
      }
    }
    return false;
  }

  /** Reads more bytes, compacting or growing the buffer first; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (start == limit) {
      start = 0;
      scanned = 0;
      limit = 0;
    } else if (limit == buf.length) {
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        scanned -= start;
        start = 0;
      } else {
        // here buf.length <= maxLineBytes, or the line would have been over-long already
        buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLineBytes + 1L));
      }
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      return false;
    }
    bytesRead += n;
    limit += n;
    return true;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * One line without its terminator (and, for line 1, without a byte order mark): {@code
   * bytes()[from(), to())}, valid until the framer's next call. For a {@link #tooLong()} line, the
   * range holds only its first bytes.
   */
  public static final class Frame {
    private byte[] bytes;
    private int from;
    private int to;
    private long number;
    private boolean tooLong;

    private Frame() {}

    private Frame set(byte[] bytes, int from, int to, long number, boolean tooLong) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      this.number = number;
      this.tooLong = tooLong;
      return this;
    }

    /** The framer's buffer; the line is {@code [from(), to())} of it. Do not keep it. */
    public byte[] bytes() {
      return bytes;
    }

    public int from() {
      return from;
    }

    public int to() {
      return to;
    }

    /** 1-based line number in the stream; blank lines count. */
    public long number() {
      return number;
    }

    /** The line was longer than the limit and is to be rejected whole. */
    public boolean tooLong() {
      return tooLong;
    }

    /**
     * The first {@value LineFramer#EXCERPT_BYTES} bytes of the line as text, for a reject; invalid
     * UTF-8 becomes U+FFFD, so the excerpt is always printable.
     */
    public String excerpt() {
      return new String(bytes, from, Math.min(to - from, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }
  }
}
