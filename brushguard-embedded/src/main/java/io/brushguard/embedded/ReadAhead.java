package io.brushguard.embedded;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Reads and parses on a second thread, handing over batches of events and rejects in input order.
 *
 * <p>Design note: parsing is about half of a scan's work (docs/performance.md) and the rest needs
 * events in order on one thread, so one producer thread a few batches ahead uses a second core
 * without changing anything downstream. Batches are recycled through a free list, so the hand-off
 * allocates nothing per event. Space: {@value #BATCHES} batches of {@value #BATCH} lines.
 */
final class ReadAhead implements AutoCloseable {
  static final int BATCH = 4096;
  static final int BATCHES = 8;

  /** Up to {@value #BATCH} events (with their line numbers) and rejects, in input order. */
  static final class Batch {
    final Object[] items = new Object[BATCH];
    final long[] lines = new long[BATCH];
    int size;
    long bytesRead;
    boolean last;
    Throwable error;
  }

  private final ArrayBlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final ArrayBlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread thread;
  private volatile boolean cancelled;
  private boolean done;
  private Throwable failure;

  ReadAhead(InputStream in) {
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch());
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
    Batch b = uninterruptibly(full::take);
    done = b.last;
    failure = b.error;
    if (b.size == 0) {
      return take();
    }
    return b;
  }

  void recycle(Batch b) {
    if (!b.last) {
      Arrays.fill(b.items, 0, b.size, null);
      b.size = 0;
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
    if (done) {
      uninterruptibly(
          () -> {
            thread.join();
            return null;
          });
      return;
    }
    cancelled = true;
    free.clear();
    for (int i = 0; i < BATCHES; i++) {
      free.offer(new Batch()); // unblocks a reader waiting for a free batch
    }
  }

  private void produce(InputStream in) {
    EventReader reader = new EventReader();
    Batch[] current = new Batch[1];
    try {
      current[0] = nextFree();
      reader.read(
          in,
          new EventReader.Sink() {
            @Override
            public void accept(Event event, long line) {
              add(current, event, line, reader);
            }

            @Override
            public void reject(Reject reject) {
              add(current, reject, reject.line(), reader);
            }
          });
      current[0].bytesRead = reader.bytesRead();
    } catch (CancelledException e) {
      return;
    } catch (RuntimeException | Error e) {
      if (cancelled) {
        return;
      }
      if (current[0] == null) {
        current[0] = new Batch();
      }
      current[0].error = e;
    }
    current[0].last = true;
    put(current[0]);
  }

  private void add(Batch[] current, Object item, long line, EventReader reader) {
    Batch b = current[0];
    b.items[b.size] = item;
    b.lines[b.size] = line;
    if (++b.size == BATCH) {
      b.bytesRead = reader.bytesRead();
      put(b);
      current[0] = nextFree();
    }
  }

  private void put(Batch b) {
    uninterruptibly(
        () -> {
          full.put(b);
          return null;
        });
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
