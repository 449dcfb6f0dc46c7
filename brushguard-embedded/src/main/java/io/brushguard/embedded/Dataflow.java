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
 * <p><b>Isolation.</b> A stage that throws is counted and reported; the input goes on to the other
 * stages and the key's state stays as it was left.
 *
 * <p><b>Space.</b> The events of one out-of-order bound; per stage, its keys' states and their
 * pending wake-up times (about 24 bytes each in the heap); the facts of one step.
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
  private final List<Event> eventsAt = new ArrayList<>();
  private final boolean[] buffered;

  /**
   * No buffered event or pending wake-up is earlier than this: {@link #advanceTo} has nothing to do
   * below it. Wake-ups are only added while a step runs, and the step loop recomputes it; an event
   * added lowers it.
   */
  private long nextDue = Long.MAX_VALUE;

  Dataflow(Topology topology, Consumer<Fact> outputs, ErrorListener errors) {
    this.topology = topology;
    this.outputs = outputs;
    this.errors = errors;
    this.slots = new Slot<?>[topology.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot<>(topology.stage(i), i);
    }
    buffered = new boolean[io.brushguard.event.EventType.values().length];
    if (buffered.length > Long.SIZE) {
      throw new IllegalStateException("event types are kept as bits of a long");
    }
    for (var t : topology.eventTypes()) {
      buffered[t.ordinal()] = true;
    }
  }

  /** Buffers an admitted event until time passes it; events no stage reads are dropped here. */
  void add(Event e, long line) {
    if (buffered[e.type().ordinal()]) {
      buffer.push(e, line);
      nextDue = Math.min(nextDue, e.ts());
    }
  }

  /** Processes every buffered event and wake-up at or before {@code watermark}, in time order. */
  void advanceTo(long watermark) {
    if (watermark < nextDue) {
      return; // most events: the watermark has not reached anything pending
    }
    while (true) {
      long t = buffer.nextTs();
      for (Slot<?> s : slots) {
        t = Math.min(t, s.nextWake());
      }
      nextDue = t;
      if (t > watermark || t == Long.MAX_VALUE) {
        return;
      }
      eventsAt.clear();
      long types = 0; // the event types at t, one bit per ordinal
      while (buffer.nextTs() == t) {
        Event e = buffer.poll();
        eventsAt.add(e);
        types |= 1L << e.type().ordinal();
      }
      for (Slot<?> s : slots) {
        if ((types & s.readMask) != 0 || !s.facts.isEmpty() || s.wakesAt(t)) {
          s.step(t);
        }
      }
    }
  }

  /**
   * End of input: everything buffered and every pending wake-up is processed, except the wake-ups
   * of stages that only forget on them and can receive nothing more (see {@link
   * Stage#wakesOnlyForget}): once the last event has run, those are dropped unfired.
   */
  void finish() {
    while (buffer.size() > 0) {
      advanceTo(buffer.nextTs());
    }
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
    for (int i = 0; i < slots.length; i++) {
      if (quiet[i]) {
        slots[i].wakes.clear();
      }
    }
    advanceTo(Long.MAX_VALUE);
  }

  long errors() {
    long n = 0;
    for (Slot<?> s : slots) {
      n += s.errors;
    }
    return n;
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

    long errors;
    private Keyed<S> current;
    private String key;
    private long now = Long.MIN_VALUE;
    private int call;
    private int emission;
    private Class<?> routedType;
    private int[] routedTo;
    private boolean routedOut;

    Slot(Stage<S> stage, int index) {
      this.stage = stage;
      this.index = index;
      this.rank = Topology.rankOf(index);
      this.readsEvent = new boolean[io.brushguard.event.EventType.values().length];
      long mask = 0;
      for (var t : stage.wiring().events()) {
        readsEvent[t.ordinal()] = true;
        mask |= 1L << t.ordinal();
      }
      this.readMask = mask;
    }

    /** Whether a wake-up of this stage is due at {@code t}. */
    boolean wakesAt(long t) {
      return !wakes.isEmpty() && wakes.topTime() == t;
    }

    long nextWake() {
      return wakes.isEmpty() ? Long.MAX_VALUE : wakes.topTime();
    }

    /**
     * Everything this stage has at time {@code t}: events, then facts, then wake-ups. The step loop
     * skips a stage with none of them: a fact for it can only come from a lower rank, which has
     * run.
     */
    void step(long t) {
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
      Dataflow.this.errors.failed(stage.name(), key, e, ex);
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
          slots[consumer].facts.add(p);
        }
      }
      emission++;
      if (routedOut) {
        outputs.accept(fact);
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
