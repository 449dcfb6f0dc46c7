package io.brushguard.sim;

import io.brushguard.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands events and labels, in batches and in order, to a writer thread that passes them on to
 * {@code target}: the simulation generates on one core while the other serialises, encodes and
 * compresses. Order is kept (one producer, one consumer, a FIFO queue), so output stays
 * byte-identical. At most {@value #QUEUED} batches of {@value #BATCH} wait, which bounds memory.
 *
 * <p>A failure of the target (a full disk) is rethrown to the producer at its next hand-off, and by
 * {@link #close}.
 */
final class PipelinedOutput implements SimulationOutput, AutoCloseable {
  private static final int BATCH = 512;
  private static final int QUEUED = 4;
  private static final Object[] END = new Object[0];

  private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread writer;
  private Object[] batch = new Object[BATCH];
  private int size;
  private volatile Throwable failure;

  PipelinedOutput(SimulationOutput target) {
    writer = new Thread(() -> drain(target), "brushguard-simulate-writer");
    writer.setDaemon(true);
    writer.start();
  }

  private void drain(SimulationOutput target) {
    try {
      while (true) {
        Object[] b = queue.take();
        if (b == END) {
          return;
        }
        for (Object o : b) {
          if (o == null) {
            break;
          }
          if (o instanceof Event e) {
            target.event(e);
          } else {
            target.label((Truth) o);
          }
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  @Override
  public void event(Event event) {
    add(event);
  }

  @Override
  public void label(Truth truth) {
    add(truth);
  }

  private void add(Object o) {
    batch[size++] = o;
    if (size == BATCH) {
      handOff(batch);
      batch = new Object[BATCH];
      size = 0;
    }
  }

  private void handOff(Object[] b) {
    try {
      while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the simulation", e);
    }
    rethrowFailure();
  }

  private void rethrowFailure() {
    Throwable t = failure;
    if (t instanceof UncheckedIOException u) {
      throw u;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("the simulation writer failed", t);
    }
  }

  /** Hands over what is left and waits for the writer to finish. */
  @Override
  public void close() throws IOException {
    if (size > 0) {
      handOff(batch);
      size = 0;
    }
    if (writer.isAlive()) {
      handOff(END);
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while finishing the simulation files", e);
      }
    }
    rethrowFailure();
  }
}
