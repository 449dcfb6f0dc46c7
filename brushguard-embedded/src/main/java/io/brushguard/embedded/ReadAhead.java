package io.brushguard.embedded;

import io.brushguard.event.Event;
import io.brushguard.event.InvalidEventException;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.LineFramer;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Reads on one thread and parses on several, handing over batches of events and rejects in input
 * order.
 *
 * <p>Design note: parsing is most of a scan's work (docs/performance.md) and the rest needs events
 * in order on one thread. So a framer thread ({@code brushguard-reader}) only splits the stream
 * into lines ({@link LineFramer}, the framing {@link EventReader} uses) and copies each batch of
 * lines into the batch's own buffer; {@code parsers} threads ({@code brushguard-parser-i}, one per
 * core) parse whole batches with their own {@link EventParser}; the consumer takes batches in the
 * order the framer made them and waits for each to be parsed. Line numbers, rejects, blank and
 * over-long lines are exactly those of {@link EventReader}: a batch of lines is parsed line by line
 * as it would. Batches are recycled through a free list, so the hand-off allocates nothing per
 * event. Space: {@value #BATCHES} batches of {@value #BATCH} lines and their bytes.
 */
final class ReadAhead implements AutoCloseable {
  static final int BATCH = 4096;
  static final int BATCHES = 8;
  private static final String TOO_LONG =
      "line is longer than " + EventReader.MAX_LINE_BYTES + " bytes";

  /** Up to {@value #BATCH} events (with their line numbers) and rejects, in input order. */
  static final class Batch {
    final Object[] items = new Object[BATCH];
    final long[] lines = new long[BATCH];
    int size;
    long bytesRead;
    boolean last;
    Throwable error;

    /** The lines' bytes: line {@code i} is {@code bytes[from[i], to[i])}; -1 for a reject. */
    private byte[] bytes = new byte[1 << 18];

    private int used;
    private final int[] from = new int[BATCH];
    private final int[] to = new int[BATCH];
    private boolean parsed; // guarded by this

    private void addLine(byte[] src, int start, int end, long line) {
      int n = end - start;
      if (used + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
      }
      System.arraycopy(src, start, bytes, used, n);
      from[size] = used;
      to[size] = used + n;
      used += n;
      lines[size++] = line;
    }

    private void addReject(Reject r) {
      from[size] = -1;
      items[size] = r;
      lines[size++] = r.line();
    }

    /** Parses every line; a parser failure (a bug, not bad input) ends the batch there. */
    private void parse(EventParser parser) {
      for (int i = 0; i < size; i++) {
        if (from[i] < 0) {
          continue;
        }
        try {
          items[i] = parser.parse(bytes, from[i], to[i]);
        } catch (InvalidEventException ex) {
          items[i] = new Reject(lines[i], ex.field(), ex.reason(), excerpt(i));
        } catch (RuntimeException | Error ex) {
          size = i;
          error = ex;
          last = true;
          break;
        }
      }
      synchronized (this) {
        parsed = true;
        notifyAll();
      }
    }

    /** The excerpt {@link LineFramer.Frame#excerpt} gives, from the copy. */
    private String excerpt(int i) {
      int n = Math.min(to[i] - from[i], LineFramer.EXCERPT_BYTES);
      return new String(bytes, from[i], n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private synchronized void awaitParsed() throws InterruptedException {
      while (!parsed) {
        wait();
      }
    }

    private void reset() {
      Arrays.fill(items, 0, size, null);
      size = 0;
      used = 0;
      bytesRead = 0;
      last = false;
      error = null;
      synchronized (this) {
        parsed = false;
      }
    }
  }

  /** Batches in input order, parsed or being parsed. */
  private final ArrayBlockingQueue<Batch> ordered = new ArrayBlockingQueue<>(BATCHES + 1);

  /** Batches waiting for a parser; a batch with {@code size < 0} is none: it stops the parser. */
  private final ArrayBlockingQueue<Batch> work = new ArrayBlockingQueue<>(BATCHES + 16);

  private final ArrayBlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread thread;
  private final Thread[] parsers;
  private volatile boolean cancelled;
  private boolean done;
  private Throwable failure;

  ReadAhead(InputStream in) {
    this(in, Runtime.getRuntime().availableProcessors());
  }

  ReadAhead(InputStream in, int parserThreads) {
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch());
    }
    parsers = new Thread[Math.max(1, parserThreads)];
    for (int i = 0; i < parsers.length; i++) {
      parsers[i] = new Thread(this::parseBatches, "brushguard-parser-" + i);
      parsers[i].setDaemon(true);
      parsers[i].start();
    }
    thread = new Thread(() -> produce(in), "brushguard-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The next batch, or null at the end of input. A failure of the reader is thrown after the lines
   * read before it have been handed over.
   */
  Batch take() {
    if (failure != null) {
      throw rethrow(failure);
    }
    if (done) {
      return null;
    }
    Batch b = uninterruptibly(ordered::take);
    uninterruptibly(
        () -> {
          b.awaitParsed();
          return null;
        });
    done = b.last;
    failure = b.error;
    if (b.size == 0) {
      return take();
    }
    return b;
  }

  void recycle(Batch b) {
    if (!b.last) {
      b.reset();
      free.add(b);
    }
  }

  /**
   * Waits for the reader after a complete scan. After an abandoned one (the consumer failed), it
   * tells the reader to stop at its next batch and does not wait: the reader may be blocked on the
   * stream, which the caller is about to close.
   */
  @Override
  public void close() {
    if (done && failure == null) {
      uninterruptibly(
          () -> {
            thread.join();
            return null;
          });
      stopParsers();
      return;
    }
    cancelled = true;
    free.clear();
    for (int i = 0; i < BATCHES; i++) {
      free.offer(new Batch()); // unblocks a reader waiting for a free batch
    }
    ordered.clear(); // unblocks a reader waiting to hand over a batch
    for (Thread p : parsers) {
      p.interrupt();
    }
  }

  private void stopParsers() {
    for (int i = 0; i < parsers.length; i++) {
      Batch stop = new Batch();
      stop.size = -1;
      uninterruptibly(
          () -> {
            work.put(stop);
            return null;
          });
    }
  }

  private void parseBatches() {
    EventParser parser = new EventParser();
    try {
      while (true) {
        Batch b = work.take();
        if (b.size < 0) {
          return;
        }
        b.parse(parser);
      }
    } catch (InterruptedException e) {
      // the scan was abandoned
    }
  }

  private void produce(InputStream in) {
    Batch current = null;
    long bytesRead = 0;
    try {
      current = nextFree();
      byte[] head = in.readNBytes(2);
      bytesRead = head.length;
      Reject utf16 = utf16(head);
      if (utf16 != null) {
        current.addReject(utf16);
      } else {
        LineFramer lines =
            new LineFramer(new SequenceInputStream(new ByteArrayInputStream(head), in));
        LineFramer.Frame line;
        try {
          while ((line = lines.next()) != null) {
            if (line.tooLong()) {
              current.addReject(new Reject(line.number(), null, TOO_LONG, line.excerpt()));
            } else {
              current.addLine(line.bytes(), line.from(), line.to(), line.number());
            }
            if (current.size == BATCH) {
              current.bytesRead = lines.bytesRead();
              handOver(current);
              current = nextFree();
            }
          }
        } finally {
          bytesRead = lines.bytesRead();
        }
      }
      current.bytesRead = bytesRead;
    } catch (CancelledException e) {
      return;
    } catch (IOException e) {
      current.error = new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      if (cancelled) {
        return;
      }
      if (current == null) {
        current = new Batch();
      }
      current.error = e;
    }
    current.last = true;
    handOver(current);
  }

  /**
   * The reject {@link EventReader} gives a stream that starts like UTF-16, or null. Its own check
   * decides: on such a head it rejects line 1 without framing it, so the reject has no excerpt,
   * while any framed line it rejects has one.
   */
  private static Reject utf16(byte[] head) {
    Reject[] found = new Reject[1];
    new EventReader()
        .read(
            new ByteArrayInputStream(head),
            new EventReader.Sink() {
              @Override
              public void accept(Event event, long line) {}

              @Override
              public void reject(Reject reject) {
                if (reject.excerpt() == null && found[0] == null) {
                  found[0] = reject;
                }
              }
            });
    return found[0];
  }

  private void handOver(Batch b) {
    uninterruptibly(
        () -> {
          ordered.put(b);
          work.put(b);
          return null;
        });
    if (cancelled) {
      throw new CancelledException();
    }
  }

  private Batch nextFree() {
    Batch b = uninterruptibly(free::take);
    if (cancelled) {
      throw new CancelledException();
    }
    return b;
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    throw (RuntimeException) t;
  }

  /** Thrown inside the reader thread to unwind it when the scan was abandoned. */
  private static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException() {
      super(null, null, false, false);
    }
  }

  private interface Blocking<T> {
    T call() throws InterruptedException;
  }

  private static <T> T uninterruptibly(Blocking<T> op) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return op.call();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
