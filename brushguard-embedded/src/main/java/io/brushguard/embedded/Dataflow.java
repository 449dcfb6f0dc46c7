package io.brushguard.embedded;

import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Stamp;
import io.brushguard.flow.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link Topology} in one JVM: per stage, per-key state in a hash map; events released in
 * event-time order as the watermark passes them; facts handed from stage to stage in process.
 *
 * <p><b>Order.</b> Time advances in steps: the next step is the earliest buffered event or pending
 * wake-up at or before the watermark. At each step {@code T}, stages run in rank order; each sees
 * first the events at {@code T} in line order, then the facts emitted to it at {@code T} sorted by
 * {@link Stamp}, then its wake-ups at {@code T}. A fact is stamped with the time of the call that
 * emitted it, so it always arrives in the step it was emitted in, at a stage of higher rank. This
 * is the order the Flink adapter gives each key, so per key both runtimes make the same calls.
 *
 * <p><b>Wake-ups</b> (see {@link Stage.Context#wakeAt}): a time not after the current one is moved
 * just past it; one already pending for the stage, key and time is not added again; one whose key
 * has no state left fires nothing.
 *
 * <p><b>Threads.</b> With a {@link Split}, the stages from a cut on run on a stage thread, a chunk
 * of steps behind the feeding thread; each stage makes exactly the calls it would make on one
 * thread, and outputs and failures are passed back to the feeding thread, which hands them to the
 * listeners in the one-thread order (see {@link Split} and docs/architecture.md).
 *
 * <p><b>Isolation.</b> A stage that throws is counted and reported; the input goes on to the other
 * stages and the key's state stays as it was left.
 *
 * <p><b>Space.</b> The events of one out-of-order bound; per stage, its keys' states and their
 * pending wake-up times (about 24 bytes each in the heap); the facts of one step; with a stage
 * thread, at most nine chunks of {@value Chunk#FULL} steps or events in flight.
 */
final class Dataflow {
  /** Receives a stage failure; the run goes on. */
  interface ErrorListener {
    void failed(String stage, String key, Event event, RuntimeException error);
  }

  private static final Comparator<Pending> BY_STAMP = Comparator.comparing(Pending::stamp);

  private final Topology topology;
  private final Slot<?>[] slots;
  private final ReorderBuffer buffer = new ReorderBuffer();
  private final Consumer<Fact> outputs;
  private final ErrorListener errors;
  private final boolean[] buffered;
  private final Split split;

  /** The stages the feeding thread runs: all of them until the {@link Split} cut is made. */
  private final Segment head;

  /** The stage thread, once the cut is made. */
  private StageThread stageThread;

  /**
   * No buffered event or pending wake-up of the head's stages is earlier than this: {@link
   * #advanceTo} has nothing to do below it. Wake-ups are only added while a step runs, and the step
   * loop recomputes it; an event added lowers it.
   */
  private long nextDue = Long.MAX_VALUE;

  private long admitted;

  /**
   * Stage times while {@link #timing}: each stage's, written by the thread that runs it and read by
   * the feeding thread once the stage thread has stopped; null for a fixed cut.
   */
  private final long[] stageNanos;

  /** Whether stage times are being measured now (read by the stage thread per step). */
  private volatile boolean timing;

  private long timingSince;
  private long nextWindow;
  private boolean cutMade;
  private boolean finishing;
  private int cuts;

  Dataflow(Topology topology, Consumer<Fact> outputs, ErrorListener errors) {
    this(topology, outputs, errors, Split.NONE);
  }

  Dataflow(Topology topology, Consumer<Fact> outputs, ErrorListener errors, Split split) {
    this.topology = topology;
    this.outputs = outputs;
    this.errors = errors;
    this.split = split;
    this.slots = new Slot<?>[topology.size()];
    this.head = new Segment(0, slots.length);
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot<>(topology.stage(i), i, head);
    }
    head.adopt(0, slots.length);
    buffered = new boolean[io.brushguard.event.EventType.values().length];
    if (buffered.length > Long.SIZE) {
      throw new IllegalStateException("event types are kept as bits of a long");
    }
    for (var t : topology.eventTypes()) {
      buffered[t.ordinal()] = true;
    }
    stageNanos = split.enabled() && split.at() < 0 ? new long[slots.length] : null;
  }

  /** Buffers an admitted event until time passes it; events no stage reads are dropped here. */
  void add(Event e, long line) {
    if (buffered[e.type().ordinal()]) {
      admitted++;
      buffer.push(e, line);
      nextDue = Math.min(nextDue, e.ts());
    }
  }

  /** Processes every buffered event and wake-up at or before {@code watermark}, in time order. */
  void advanceTo(long watermark) {
    if (watermark >= nextDue) { // most events: the watermark has not reached anything pending
      steps(watermark);
    }
    if (stageThread != null) {
      stageThread.progress(watermark);
      deliver();
    }
    if (finishing) {
      return;
    }
    if (stageNanos != null) {
      measure();
    } else if (!cutMade && admitted >= split.afterEvents()) {
      cutMade = true;
      cut(split.at()); // between steps: no fact is in flight
    }
  }

  /**
   * Times the stages over a window of {@link Split#afterEvents} events every {@link Split#every}
   * events, and at the end of each window cuts again where the times say: a stream's mix of events
   * changes (a market's first hours are mostly sign-ups), so a cut chosen once would not stay
   * balanced.
   */
  private void measure() {
    if (!timing) {
      if (admitted >= nextWindow) {
        Arrays.fill(stageNanos, 0);
        if (stageThread != null) {
          stageThread.from.blockedNanos = 0;
        }
        timingSince = System.nanoTime();
        timing = true;
      }
      return;
    }
    if (admitted >= nextWindow + split.afterEvents()) {
      long blocked = stageThread == null ? 0 : stageThread.from.blockedNanos;
      long elapsed = System.nanoTime() - timingSince - blocked;
      timing = false;
      nextWindow += split.every();
      rejoin(); // the stage thread stops; its times are now visible here
      cut(balanced(elapsed));
    }
  }

  /** Stops the stage thread, once it has done every step handed to it; its stages come back. */
  private void rejoin() {
    if (stageThread == null) {
      return;
    }
    stageThread.end();
    deliver();
    stageThread = null;
    head.adopt(head.to, slots.length);
    head.to = slots.length;
    head.handoff = null;
    nextDue = Math.min(nextDue, head.nextWake());
  }

  private void steps(long watermark) {
    while (true) {
      long t = Math.min(buffer.nextTs(), head.nextWake());
      nextDue = t;
      if (t > watermark || t == Long.MAX_VALUE) {
        return;
      }
      ArrayList<Event> eventsAt = head.eventsAt;
      eventsAt.clear();
      long types = 0; // the event types at t, one bit per ordinal
      while (buffer.nextTs() == t) {
        Event e = buffer.poll();
        eventsAt.add(e);
        types |= 1L << e.type().ordinal();
      }
      head.step(t, types);
    }
  }

  /**
   * End of input: everything buffered and every pending wake-up is processed, except the wake-ups
   * of stages that only forget on them and can receive nothing more (see {@link
   * Stage#wakesOnlyForget}): once the last event has run, those are dropped unfired.
   */
  void finish() {
    finishing = true; // the cut stays where it is
    while (buffer.size() > 0) {
      advanceTo(buffer.nextTs());
    }
    boolean[] quiet = quietStages();
    head.forgetWakes(quiet);
    if (stageThread != null) {
      stageThread.eventsEnded(quiet);
    }
    advanceTo(Long.MAX_VALUE);
    if (stageThread != null) {
      stageThread.end();
      deliver();
    }
  }

  /** The stages whose pending wake-ups can be dropped once the events have ended. */
  private boolean[] quietStages() {
    boolean[] quiet = new boolean[slots.length];
    for (int i = 0; i < slots.length; i++) {
      Stage<?> stage = slots[i].stage;
      quiet[i] = stage.wakesOnlyForget();
      for (int j = 0; j < i && quiet[i]; j++) {
        for (Class<?> f : slots[j].stage.wiring().produces()) {
          if (!quiet[j] && stage.wiring().consumes().contains(f)) {
            quiet[i] = false; // a fact from a stage that still runs may reach it
          }
        }
      }
    }
    return quiet;
  }

  long errors() {
    long n = 0;
    for (Slot<?> s : slots) {
      n += s.errors;
    }
    return n;
  }

  /** How many times a stage thread was started (once per cut, a measured cut once per window). */
  int cuts() {
    return cuts;
  }

  /** The index of the first stage on the stage thread, or -1 while there is one thread. */
  int cutAt() {
    return stageThread == null ? -1 : head.to;
  }

  /**
   * Hands the stages from {@code at} on to a stage thread; stages that make the runtime's outputs
   * stay together after the cut, so that outputs keep their order.
   */
  private void cut(int at) {
    at = Math.min(at, outputLimit());
    if (Boolean.getBoolean("brushguard.split.report")) {
      report(at);
    }
    if (at >= slots.length) {
      return;
    }
    cuts++;
    Segment rest = new Segment(at, slots.length);
    rest.adopt(at, slots.length);
    head.to = at;
    head.handoff = new Handoff();
    stageThread = new StageThread(rest, head.handoff);
    stageThread.start();
  }

  /** The index of the first stage whose facts the runtime collects. */
  private int outputLimit() {
    int limit = slots.length;
    for (int i = 0; i < slots.length; i++) {
      for (Class<?> f : slots[i].stage.wiring().produces()) {
        if (topology.isOutput(f)) {
          limit = Math.min(limit, i);
        }
      }
    }
    return limit;
  }

  /** {@code -Dbrushguard.split.report=true}: says on stderr where the cut went and why. */
  private void report(int at) {
    StringBuilder b = new StringBuilder("brushguard: stages from ").append(at).append(" of ");
    b.append(slots.length).append(" on a stage thread");
    if (stageNanos != null) {
      b.append(String.format(" (ms per stage over %,d events:", admitted));
      for (int i = 0; i < slots.length; i++) {
        b.append(i == at ? " |" : "").append(' ').append(slots[i].stage.name());
        b.append('=').append(stageNanos[i] / 1_000_000);
      }
      b.append(String.format("; elapsed %,d ms)", (System.nanoTime() - timingSince) / 1_000_000));
    }
    System.err.println(b);
  }

  /**
   * The cut that makes the busier thread least busy, by the stage times of the window: the feeding
   * thread also does what is not a stage (the gate, the buffer, the hand-off, a scan's reading),
   * which is the window's elapsed time (less any wait for the stage thread) less its stages' time.
   */
  private int balanced(long elapsed) {
    long stagesTotal = 0;
    long onFeeding = 0;
    for (int i = 0; i < slots.length; i++) {
      stagesTotal += stageNanos[i];
      if (slots[i].segment == head) {
        onFeeding += stageNanos[i];
      }
    }
    long feeding = Math.max(0, elapsed - onFeeding);
    int limit = outputLimit();
    int best = slots.length;
    long bestBusier = feeding + stagesTotal;
    long below = 0;
    for (int at = 0; at <= limit; at++) {
      long busier = Math.max(feeding + below, stagesTotal - below);
      if (busier < bestBusier) {
        best = at;
        bestBusier = busier;
      }
      if (at < slots.length) {
        below += stageNanos[at];
      }
    }
    return best;
  }

  /** Passes the stage thread's outputs and failures to their listeners, on this thread. */
  private void deliver() {
    List<Object> out;
    while ((out = stageThread.results.poll()) != null) {
      for (Object o : out) {
        if (o instanceof Failure f) {
          errors.failed(f.stage, f.key, f.event, f.error);
        } else {
          outputs.accept((Fact) o);
        }
      }
    }
  }

  /** A stage failure on the stage thread, reported on the feeding thread. */
  private record Failure(String stage, String key, Event event, RuntimeException error) {}

  /**
   * Stages {@code [from, to)} run by one thread, step by step; the steps also go on to the next
   * segment's thread when there is one.
   */
  private final class Segment {
    final int from;
    int to;
    final ArrayList<Event> eventsAt = new ArrayList<>();

    /** Where this segment's steps go on to the stages after it, or null when it is the last. */
    Handoff handoff;

    /** Outputs and failures made on a stage thread, passed to the feeding thread in order. */
    ArrayList<Object> results;

    // facts of the current step for stages of later segments
    private int[] crossTo = new int[16];
    private Pending[] crossFacts = new Pending[16];
    private int crossSize;

    /*
     * Per stage of the segment (by stage index), what the step loop asks of every stage at every
     * step, kept in arrays of the segment's own rather than read through each stage's objects: the
     * time of its next wake-up, the event types it reads, whether facts wait for it.
     */
    final long[] wakeTimes;
    final long[] readMasks;
    final boolean[] factsWaiting;

    Segment(int from, int to) {
      this.from = from;
      this.to = to;
      this.wakeTimes = new long[topology.size()];
      this.readMasks = new long[topology.size()];
      this.factsWaiting = new boolean[topology.size()];
      Arrays.fill(wakeTimes, Long.MAX_VALUE);
    }

    /** Takes on stages {@code [from, to)} as they stand between steps (no fact waiting). */
    void adopt(int from, int to) {
      for (int i = from; i < to; i++) {
        slots[i].segment = this;
        wakeTimes[i] = slots[i].nextWake();
        readMasks[i] = slots[i].readMask;
        factsWaiting[i] = false;
      }
    }

    long nextWake() {
      long t = Long.MAX_VALUE;
      long[] w = wakeTimes;
      for (int i = from; i < to; i++) {
        t = Math.min(t, w[i]);
      }
      return t;
    }

    /** A fact for stage {@code to} of this segment, within the current step. */
    void deliver(int to, Pending p) {
      slots[to].facts.add(p);
      factsWaiting[to] = true;
    }

    /** One step at {@code t}, with {@link #eventsAt} of {@code types} and the facts delivered. */
    void step(long t, long types) {
      long[] nanos = timing ? stageNanos : null;
      for (int i = from; i < to; i++) {
        if ((types & readMasks[i]) != 0 || factsWaiting[i] || wakeTimes[i] == t) {
          Slot<?> s = slots[i];
          if (nanos == null) {
            s.step(t, eventsAt);
          } else {
            long t0 = System.nanoTime();
            s.step(t, eventsAt);
            nanos[i] += System.nanoTime() - t0;
          }
          factsWaiting[i] = false;
          wakeTimes[i] = s.nextWake();
        }
      }
      if (handoff != null) {
        handoff.step(t, eventsAt, crossTo, crossFacts, crossSize);
        Arrays.fill(crossFacts, 0, crossSize, null);
        crossSize = 0;
      }
    }

    /** Steps for this segment's own wake-ups up to {@code limit}, when no earlier stage has one. */
    void wakesUpTo(long limit) {
      while (true) {
        long t = nextWake();
        if (t > limit || t == Long.MAX_VALUE) {
          return;
        }
        eventsAt.clear();
        step(t, 0);
      }
    }

    /** A fact of this step for a stage of a later segment. */
    void cross(int consumer, Pending p) {
      if (crossSize == crossTo.length) {
        crossTo = Arrays.copyOf(crossTo, crossSize * 2);
        crossFacts = Arrays.copyOf(crossFacts, crossSize * 2);
      }
      crossTo[crossSize] = consumer;
      crossFacts[crossSize++] = p;
    }

    /** A fact the runtime collects. */
    void output(Fact fact) {
      if (results == null) {
        outputs.accept(fact);
      } else {
        results.add(fact);
      }
    }

    void failed(String stage, String key, Event event, RuntimeException error) {
      if (results == null) {
        errors.failed(stage, key, event, error);
      } else {
        results.add(new Failure(stage, key, event, error));
      }
    }

    void forgetWakes(boolean[] quiet) {
      for (int i = from; i < to; i++) {
        if (quiet[i]) {
          slots[i].wakes.clear();
          wakeTimes[i] = Long.MAX_VALUE;
        }
      }
    }
  }

  /**
   * Steps on their way from one segment to the next, a chunk at a time: per step its time, its
   * events and the facts for the later stages; between steps, how far event time has got (so the
   * later stages fire their own wake-ups) and the end of events and of input.
   */
  private static final class Chunk {
    static final byte STEP = 0;
    static final byte PROGRESS = 1;
    static final byte EVENTS_ENDED = 2;
    static final byte END = 3;

    /** A chunk is handed on once it holds this many steps or events. */
    static final int FULL = 4096;

    int size;
    byte[] kinds = new byte[FULL + 8];
    long[] times = new long[FULL + 8];
    int[] eventEnds = new int[FULL + 8];
    int[] crossEnds = new int[FULL + 8];
    Event[] events = new Event[FULL];
    int eventCount;
    int[] crossTo = new int[256];
    Pending[] crossFacts = new Pending[256];
    int crossCount;
    boolean[] quiet;

    boolean full() {
      return size >= FULL || eventCount >= FULL;
    }

    void add(byte kind, long time) {
      if (size == kinds.length) {
        int n = size * 2;
        kinds = Arrays.copyOf(kinds, n);
        times = Arrays.copyOf(times, n);
        eventEnds = Arrays.copyOf(eventEnds, n);
        crossEnds = Arrays.copyOf(crossEnds, n);
      }
      kinds[size] = kind;
      times[size] = time;
      eventEnds[size] = eventCount;
      crossEnds[size] = crossCount;
      size++;
    }

    void step(long t, List<Event> at, int[] to, Pending[] facts, int n) {
      if (eventCount + at.size() > events.length) {
        events = Arrays.copyOf(events, Math.max(events.length * 2, eventCount + at.size()));
      }
      for (int i = 0; i < at.size(); i++) {
        events[eventCount++] = at.get(i);
      }
      if (crossCount + n > crossTo.length) {
        int m = Math.max(crossTo.length * 2, crossCount + n);
        crossTo = Arrays.copyOf(crossTo, m);
        crossFacts = Arrays.copyOf(crossFacts, m);
      }
      System.arraycopy(to, 0, crossTo, crossCount, n);
      System.arraycopy(facts, 0, crossFacts, crossCount, n);
      crossCount += n;
      add(STEP, t);
    }

    /** Event time has reached {@code t}: replaces a progress just before it. */
    void progress(long t) {
      if (size > 0 && kinds[size - 1] == PROGRESS) {
        times[size - 1] = t;
      } else {
        add(PROGRESS, t);
      }
    }
  }

  /** The chunks from one thread to the next, a few in flight at most. */
  private static final class Handoff {
    final ArrayBlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);
    private Chunk chunk = new Chunk();
    private long progressed = Long.MIN_VALUE;
    private StageThread receiver;

    /** Time the feeding thread waited for room in the queue (the stage thread was behind). */
    long blockedNanos;

    void step(long t, List<Event> at, int[] to, Pending[] facts, int n) {
      chunk.step(t, at, to, facts, n);
      if (chunk.full()) {
        send();
      }
    }

    void progress(long t) {
      if (t > progressed) {
        progressed = t;
        chunk.progress(t);
      }
    }

    void mark(byte kind, boolean[] quiet) {
      chunk.add(kind, 0);
      if (quiet != null) {
        chunk.quiet = quiet;
      }
      send();
    }

    /** Hands the chunk on, waiting while the receiver is a few chunks behind. */
    void send() {
      Chunk full = chunk;
      chunk = new Chunk();
      try {
        if (!queue.offer(full)) {
          long t0 = System.nanoTime();
          while (!queue.offer(full, 100, TimeUnit.MILLISECONDS)) {
            receiver.rethrowIfFailed();
          }
          blockedNanos += System.nanoTime() - t0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing steps to the stage thread", e);
      }
    }
  }

  /** Runs the stages after the cut, a step behind the feeding thread. */
  private final class StageThread extends Thread {
    final Segment segment;
    final Handoff from;
    final ConcurrentLinkedQueue<List<Object>> results = new ConcurrentLinkedQueue<>();
    private volatile Throwable failure;

    StageThread(Segment segment, Handoff from) {
      super("brushguard-stages-" + segment.from);
      setDaemon(true);
      this.segment = segment;
      this.from = from;
      from.receiver = this;
      segment.results = new ArrayList<>();
    }

    void progress(long watermark) {
      from.progress(watermark);
    }

    void eventsEnded(boolean[] quiet) {
      from.mark(Chunk.EVENTS_ENDED, quiet);
    }

    /** Sends the end of input and waits for the stage thread to finish it. */
    void end() {
      from.mark(Chunk.END, null);
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the stage thread", e);
      }
      rethrowIfFailed();
    }

    void rethrowIfFailed() {
      Throwable t = failure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }

    @Override
    public void run() {
      try {
        while (true) {
          Chunk c = from.queue.take();
          boolean ended = process(c);
          if (!segment.results.isEmpty()) {
            results.add(segment.results);
            segment.results = new ArrayList<>();
          }
          if (ended) {
            return;
          }
        }
      } catch (Throwable t) {
        failure = t;
      }
    }

    /** Runs one chunk of steps; true at the end of input. */
    private boolean process(Chunk c) {
      int events = 0;
      int cross = 0;
      for (int k = 0; k < c.size; k++) {
        long t = c.times[k];
        switch (c.kinds[k]) {
          case Chunk.STEP -> {
            segment.wakesUpTo(t - 1);
            ArrayList<Event> at = segment.eventsAt;
            at.clear();
            long types = 0;
            for (int end = c.eventEnds[k]; events < end; events++) {
              Event e = c.events[events];
              at.add(e);
              types |= 1L << e.type().ordinal();
            }
            for (int end = c.crossEnds[k]; cross < end; cross++) {
              int to = c.crossTo[cross];
              Slot<?> s = slots[to];
              if (s.segment == segment) {
                segment.deliver(to, c.crossFacts[cross]);
              } else {
                segment.cross(to, c.crossFacts[cross]);
              }
            }
            segment.step(t, types);
          }
          case Chunk.PROGRESS -> segment.wakesUpTo(t);
          case Chunk.EVENTS_ENDED -> segment.forgetWakes(c.quiet);
          default -> {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** A fact waiting for its stage within the current step. */
  private record Pending(Stamp stamp, Fact fact) {}

  /** One key of one stage: its state (null once dropped) and pending wake-up times. */
  private static final class Keyed<S> extends KeyTable.Entry {
    S state;
    long callTime = Long.MIN_VALUE;
    int calls;
    private int wakeCount;

    /** The first pending wake-up time; most keys have at most one, so no array for them. */
    private long wake0;

    /** Pending wake-up times after the first (null until a key has two). */
    private long[] wakeTimes;

    Keyed(String key) {
      super(key);
    }

    /** The index of a new call at {@code time} among the key's calls at that time. */
    int call(long time) {
      if (time != callTime) {
        callTime = time;
        calls = 0;
      }
      return calls++;
    }

    boolean addWake(long time) {
      if (wakeCount == 0) {
        wake0 = time;
        wakeCount = 1;
        return true;
      }
      if (wake0 == time) {
        return false;
      }
      for (int i = 0; i < wakeCount - 1; i++) {
        if (wakeTimes[i] == time) {
          return false;
        }
      }
      if (wakeTimes == null) {
        wakeTimes = new long[2];
      } else if (wakeCount - 1 == wakeTimes.length) {
        wakeTimes = Arrays.copyOf(wakeTimes, wakeTimes.length * 2);
      }
      wakeTimes[wakeCount++ - 1] = time;
      return true;
    }

    void removeWake(long time) {
      if (wakeCount == 0) {
        return;
      }
      int lastExtra = wakeCount - 2; // index in wakeTimes of the last time, if not wake0
      if (wake0 == time) {
        if (lastExtra >= 0) {
          wake0 = wakeTimes[lastExtra];
        }
        wakeCount--;
        return;
      }
      for (int i = 0; i <= lastExtra; i++) {
        if (wakeTimes[i] == time) {
          wakeTimes[i] = wakeTimes[lastExtra];
          wakeCount--;
          return;
        }
      }
    }

    boolean unused() {
      return state == null && wakeCount == 0;
    }
  }

  /** One stage with its keys, its pending facts and wake-ups; also the stage's context. */
  private final class Slot<S> implements Stage.Context {
    final Stage<S> stage;
    final int index;
    final int rank;
    final boolean[] readsEvent;
    final long readMask;
    final KeyTable<Keyed<S>> keyed = new KeyTable<>();
    final WakeHeap<Keyed<S>> wakes = new WakeHeap<>();
    final ArrayList<Pending> facts = new ArrayList<>();

    /**
     * Keys left without state or wake-ups in this step, removed at its end (see {@link #leave}).
     */
    final ArrayList<Keyed<S>> emptied = new ArrayList<>();

    /** The segment (and so the thread) that runs this stage. */
    Segment segment;

    long errors;
    private Keyed<S> current;
    private String key;
    private long now = Long.MIN_VALUE;
    private int call;
    private int emission;
    private Class<?> routedType;
    private int[] routedTo;
    private boolean routedOut;

    Slot(Stage<S> stage, int index, Segment segment) {
      this.stage = stage;
      this.index = index;
      this.segment = segment;
      this.rank = Topology.rankOf(index);
      this.readsEvent = new boolean[io.brushguard.event.EventType.values().length];
      long mask = 0;
      for (var t : stage.wiring().events()) {
        readsEvent[t.ordinal()] = true;
        mask |= 1L << t.ordinal();
      }
      this.readMask = mask;
    }

    long nextWake() {
      return wakes.isEmpty() ? Long.MAX_VALUE : wakes.topTime();
    }

    /**
     * Everything this stage has at time {@code t}: events, then facts, then wake-ups. The step loop
     * skips a stage with none of them: a fact for it can only come from a lower rank, which has
     * run.
     */
    void step(long t, List<Event> eventsAt) {
      now = t;
      for (int i = 0; i < eventsAt.size(); i++) {
        Event e = eventsAt.get(i);
        if (readsEvent[e.type().ordinal()]) {
          onEvent(e);
        }
      }
      if (!facts.isEmpty()) {
        if (facts.size() > 1) {
          facts.sort(BY_STAMP);
        }
        // facts emitted now go to later stages only, so this list does not grow while read
        for (int i = 0; i < facts.size(); i++) {
          onFact(facts.get(i).fact());
        }
        facts.clear();
      }
      while (!wakes.isEmpty() && wakes.topTime() == t) {
        onWake(wakes.pollEntry(), t);
      }
      if (!emptied.isEmpty()) {
        for (int i = 0; i < emptied.size(); i++) {
          Keyed<S> k = emptied.get(i);
          if (k.unused()) {
            keyed.remove(k);
          }
        }
        emptied.clear();
      }
    }

    private void onEvent(Event e) {
      current = null;
      key = null;
      try {
        key = stage.keyOf(e);
        if (key != null) {
          S s = enter(key, stage.startsState(e));
          if (s != null) {
            stage.onEvent(s, e, this);
            leave();
          }
        }
      } catch (RuntimeException ex) {
        failed(e, ex);
      }
    }

    private void onFact(Fact f) {
      current = null;
      key = null;
      try {
        key = stage.keyOf(f);
        if (key != null) {
          S s = enter(key, stage.startsState(f));
          if (s != null) {
            stage.onFact(s, f, this);
            leave();
          }
        }
      } catch (RuntimeException ex) {
        failed(null, ex);
      }
    }

    private void onWake(Keyed<S> k, long time) {
      k.removeWake(time);
      if (k.state == null) {
        if (k.unused()) {
          emptied.add(k);
        }
        return; // the state was dropped as empty: nothing left to wake
      }
      key = k.key;
      current = k;
      call = k.call(time);
      emission = 0;
      try {
        stage.onWake(k.state, time, this);
        leave();
      } catch (RuntimeException ex) {
        failed(null, ex);
      }
    }

    /**
     * The key's state, made if it has none and {@code starts} (see {@link Stage#startsState}); null
     * when it has none and the input cannot start one. A skipped input is not counted as a call: it
     * emits nothing, so the call indices of the key's facts keep their order.
     */
    private S enter(String key, boolean starts) {
      Keyed<S> k = keyed.get(key);
      if (k == null) {
        if (!starts) {
          return null;
        }
        k = new Keyed<>(key);
        keyed.add(k);
      }
      current = k;
      if (k.state == null) {
        if (!starts) {
          return null;
        }
        k.state = stage.newState();
      }
      call = k.call(now);
      emission = 0;
      return k.state;
    }

    /**
     * Drops the state when the stage calls it empty. The entry itself stays until the end of the
     * step, so that its count of calls at this time survives (the call index in fact stamps).
     */
    private void leave() {
      if (stage.isEmpty(current.state)) {
        current.state = null;
        if (current.unused()) {
          emptied.add(current);
        }
      }
    }

    private void failed(Event e, RuntimeException ex) {
      errors++;
      segment.failed(stage.name(), key, e, ex);
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public void emit(Fact fact) {
      Class<?> type = fact.getClass();
      if (type != routedType) {
        route(type);
      }
      if (routedTo.length > 0) {
        Pending p =
            new Pending(new Stamp(now, rank, key, call, emission), fact); // shared: immutable
        for (int consumer : routedTo) {
          Slot<?> to = slots[consumer];
          if (to.segment == segment) {
            segment.deliver(consumer, p);
          } else {
            segment.cross(consumer, p); // a stage on the next thread
          }
        }
      }
      emission++;
      if (routedOut) {
        segment.output(fact);
      }
    }

    /** Looks up (once per change of fact class) where facts of {@code type} go. */
    private void route(Class<?> type) {
      if (!topology.produces(index, type)) {
        throw new IllegalStateException(
            "stage \""
                + stage.name()
                + "\" emitted "
                + type.getSimpleName()
                + ", not in its wiring");
      }
      routedType = type;
      routedTo = topology.consumersOf(type);
      routedOut = topology.isOutput(type);
    }

    @Override
    public void wakeAt(long time) {
      long t = Math.max(time, now + 1);
      if (current.addWake(t)) {
        wakes.add(t, current);
      }
    }
  }
}
