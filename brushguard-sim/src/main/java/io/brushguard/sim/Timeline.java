package io.brushguard.sim;

import java.util.Arrays;

/**
 * The simulator's agenda: entries (an event to write or a {@link Step} to run) keyed by time,
 * handed out in time order, ties in insertion order.
 *
 * <p><b>Design.</b> A calendar queue (Brown 1988, "Calendar queues: a fast O(1) priority queue
 * implementation for the simulation event set problem", CACM 31(10)) with fixed buckets of {@value
 * #BUCKET_MS} ms over the simulated window. Adding to a future bucket is an append to two parallel
 * arrays. When the clock reaches a bucket, its keys are heapified, and entries added to the current
 * bucket while it drains go into the same heap. A key packs the offset inside the bucket (16 bits),
 * the entry's slot (32 bits) and its tag (8 bits), so one {@code long} comparison orders by time,
 * then by insertion. A binary heap over the whole agenda would cost log2(pending) cache misses per
 * entry; here the heap holds one bucket (tens of entries at 1M events, a few thousand at 60M),
 * which stays in cache while it drains. Buckets of about a minute keep the number of distinct, cold
 * buckets that far-future entries land in small.
 *
 * <p><b>Space.</b> 16 bytes per pending entry plus the payload; a drained bucket is released.
 * Pending entries are bounded by what the simulation schedules ahead (in-flight parcels, reviews
 * and likes due, the events of sessions under way), not by the length of the run.
 *
 * <p>Entries before the current time are clamped to it; entries at or after {@code end} are dropped
 * (the simulation stops there).
 */
final class Timeline {
  static final int SHIFT = 16;
  static final long BUCKET_MS = 1L << SHIFT;
  private static final long SLOT_MASK = 0xFFFF_FFFFL;
  private static final int OFFSET_SHIFT = 40;

  private final long origin;
  private final long end;
  private final Bucket[] buckets;
  private int current;
  private long now;
  private long pending;
  private long dropped;

  // The entry handed out by the last successful next().
  private long time;
  private Object payload;
  private byte tag;

  Timeline(long origin, long end) {
    if (end <= origin) {
      throw new IllegalArgumentException("end must be after origin");
    }
    this.origin = origin;
    this.end = end;
    this.buckets = new Bucket[(int) ((end - origin + BUCKET_MS - 1) >> SHIFT)];
    this.now = origin;
  }

  /** Schedules {@code payload} at {@code t}; returns false when {@code t} is past the end. */
  boolean add(long t, Object payload, byte tag) {
    if (t >= end) {
      dropped++;
      return false;
    }
    if (t < now) {
      t = now;
    }
    int b = (int) ((t - origin) >> SHIFT);
    Bucket bucket = buckets[b];
    if (bucket == null) {
      bucket = buckets[b] = new Bucket();
    }
    long offset = (t - origin) & (BUCKET_MS - 1);
    long key = offset << OFFSET_SHIFT | (long) bucket.append(payload) << 8 | (tag & 0xFF);
    if (b == current && bucket.heap) {
      bucket.push(key);
    } else {
      bucket.keys[bucket.keyCount++] = key;
    }
    pending++;
    return true;
  }

  /** Moves to the next entry in time order; false when the agenda is empty. */
  boolean next() {
    while (current < buckets.length) {
      Bucket bucket = buckets[current];
      if (bucket != null) {
        if (!bucket.heap) {
          bucket.heapify();
        }
        if (bucket.keyCount > 0) {
          long key = bucket.pop();
          int slot = (int) (key >>> 8 & SLOT_MASK);
          time = origin + ((long) current << SHIFT) + (key >>> OFFSET_SHIFT);
          payload = bucket.payloads[slot];
          tag = (byte) key;
          bucket.payloads[slot] = null;
          now = time;
          pending--;
          return true;
        }
        buckets[current] = null;
      }
      current++;
      now = Math.max(now, origin + ((long) current << SHIFT));
    }
    return false;
  }

  long time() {
    return time;
  }

  Object payload() {
    return payload;
  }

  byte tag() {
    return tag;
  }

  /** The current time: the time of the last entry handed out (never decreases). */
  long now() {
    return now;
  }

  long end() {
    return end;
  }

  long pending() {
    return pending;
  }

  /** Entries refused because they fell at or after the end. */
  long dropped() {
    return dropped;
  }

  /** One bucket: payloads by slot, and keys (a min-heap once the bucket is current). */
  private static final class Bucket {
    long[] keys = new long[8];
    int keyCount;
    Object[] payloads = new Object[8];
    int slots;
    boolean heap;

    int append(Object payload) {
      if (slots == payloads.length) {
        payloads = Arrays.copyOf(payloads, slots * 2);
      }
      if (keyCount == keys.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      payloads[slots] = payload;
      return slots++;
    }

    void heapify() {
      heap = true;
      for (int i = (keyCount >>> 1) - 1; i >= 0; i--) {
        siftDown(i, keys[i]);
      }
    }

    void push(long key) {
      int i = keyCount++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        long p = keys[parent];
        if (p <= key) {
          break;
        }
        keys[i] = p;
        i = parent;
      }
      keys[i] = key;
    }

    long pop() {
      long top = keys[0];
      long last = keys[--keyCount];
      if (keyCount > 0) {
        siftDown(0, last);
      }
      return top;
    }

    private void siftDown(int i, long key) {
      int half = keyCount >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        long c = keys[child];
        int right = child + 1;
        if (right < keyCount && keys[right] < c) {
          child = right;
          c = keys[right];
        }
        if (key <= c) {
          break;
        }
        keys[i] = c;
        i = child;
      }
      keys[i] = key;
    }
  }
}
