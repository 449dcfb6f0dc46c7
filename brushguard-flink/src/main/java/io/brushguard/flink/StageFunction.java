package io.brushguard.flink;

import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Stamp;
import io.brushguard.flow.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any {@link Stage} on Flink keyed state: the one adapter every stage shares, with no logic of
 * its own. It gives each key what the embedded {@code Dataflow} gives it: per time, the key's
 * inputs in {@link Stamp} order, then its wake-up.
 *
 * <p><b>How.</b> An input is not handed over on arrival (inputs arrive out of order, from several
 * upstream operators): it is buffered in {@code pending} under its stamp's time, and the time goes
 * into {@code times}, the key's pending times in order. The key has one event-time timer, at its
 * earliest pending time. When it fires, the watermark guarantees that every input at or before the
 * watermark has arrived (an upstream stage emits its facts at {@code T} while draining, before it
 * forwards a watermark past {@code T}). {@link #onTimer} then takes every pending time up to the
 * watermark in order, and for each hands over the inputs at that time sorted by stamp, numbering
 * the calls, then, if it is a requested wake-up and the key still has state, calls {@link
 * Stage#onWake}; a wake-up asked for on the way that the watermark already passed is drained in the
 * same pass. Facts emitted are stamped with the call's time, this stage's rank, the key, the call's
 * number and the emission's; downstream buffers them by that stamp time (the element's timestamp is
 * the timer's, which may be earlier). Then the timer moves to the next pending time.
 *
 * <p><b>State per key.</b> {@code state}: the stage's own state object, cleared when {@link
 * Stage#isEmpty} says so. {@code pending}: inputs waiting for their time (those of one lateness
 * bound). {@code wakes}: wake-up times not yet reached. {@code times}: the union of both, sorted.
 * One timer.
 *
 * <p><b>Isolation.</b> A stage that throws is counted and logged; the key's state stays as the
 * stage left it and the job goes on.
 *
 * @param <S> the stage's per-key state
 */
final class StageFunction<S> extends KeyedProcessFunction<String, Routed, Emitted> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StageFunction.class);
  private static final int LOGGED_ERRORS = 10;
  private static final Comparator<Routed> BY_STAMP = Comparator.comparing(Routed::stamp);

  private final JobSettings settings;
  private final int index;
  private final String name;

  private transient Stage<S> stage;
  private transient Topology topology;
  private transient ValueState<S> state;
  private transient MapState<Long, List<Routed>> pending;
  private transient MapState<Long, Boolean> wakes;
  private transient ValueState<long[]> times;
  private transient boolean draining;
  private transient Counters errors;
  private transient long errorsSeen;
  private transient HostContext context;

  StageFunction(JobSettings settings, int index, String name) {
    this.settings = settings;
    this.index = index;
    this.name = name;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    topology = settings.topology();
    stage = (Stage<S>) settings.stage(index, name);
    Class<S> stateClass = (Class<S>) stage.newState().getClass();
    // Stage states are arbitrary detector objects: Kryo, created here on purpose, so that no
    // other type can fall back to it unnoticed (the tests disable generic types).
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "state", new KryoSerializer<>(stateClass, new SerializerConfigImpl())));
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(Serializers.ROUTED)));
    wakes =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("wakes", Types.LONG, Types.BOOLEAN));
    times =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "times", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    errors = Counters.register(getRuntimeContext(), Counters.DETECTOR_ERRORS);
    context = new HostContext();
  }

  @Override
  public void processElement(Routed in, Context ctx, Collector<Emitted> out) throws Exception {
    // the stamp's time, not the element's timestamp: a fact emitted while an upstream key drained
    // several times leaves with the timer's timestamp but carries its own call's time
    long t = in.stamp().time();
    List<Routed> at = pending.get(t);
    if (at == null) {
      at = new ArrayList<>(1);
      schedule(t, ctx.timerService());
    }
    at.add(in);
    pending.put(t, at);
  }

  /** Adds {@code t} to the key's pending times; moves the key's one timer if {@code t} is first. */
  private void schedule(long t, TimerService timers) throws Exception {
    long[] before = times.value();
    if (before == null) {
      before = PendingTimes.NONE;
    }
    long[] after = PendingTimes.with(before, t);
    if (after == before) {
      return;
    }
    times.update(after);
    if (!draining && after[0] == t) {
      if (before.length > 0) {
        timers.deleteEventTimeTimer(before[0]);
      }
      timers.registerEventTimeTimer(t);
    }
  }

  /**
   * The key's one timer: every pending time the watermark passed, in order, each as the embedded
   * runtime's time step (its inputs by stamp, then its wake-up); times a call adds on the way (a
   * wake-up before the watermark) are drained too. Then the timer moves to the next pending time.
   */
  @Override
  public void onTimer(long timer, OnTimerContext ctx, Collector<Emitted> out) throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    draining = true;
    try {
      long[] due = times.value();
      while (due != null && due.length > 0 && due[0] <= watermark) {
        long time = due[0];
        times.update(PendingTimes.dropFirst(due, 1));
        step(time, ctx, out);
        due = times.value();
      }
      if (due != null && due.length > 0) {
        ctx.timerService().registerEventTimeTimer(due[0]);
      } else {
        times.clear();
      }
    } finally {
      draining = false;
    }
  }

  /** One time step of the key: its inputs at {@code time} by stamp, then its wake-up. */
  private void step(long time, OnTimerContext ctx, Collector<Emitted> out) throws Exception {
    context.bind(ctx.getCurrentKey(), time, ctx.timerService(), out);
    List<Routed> due = pending.get(time);
    if (due != null) {
      pending.remove(time);
      due.sort(BY_STAMP);
      for (Routed r : due) {
        handle(r.input());
      }
    }
    if (wakes.contains(time)) {
      wakes.remove(time);
      S s = state.value();
      if (s != null) { // a state dropped as empty has nothing left to wake (as embedded)
        context.nextCall();
        try {
          stage.onWake(s, time, context);
          keep(s);
        } catch (RuntimeException ex) {
          failed(null, ex);
          state.update(s);
        }
      }
    }
  }

  private void handle(Object input) throws Exception {
    S s = state.value();
    if (s == null) {
      boolean starts =
          input instanceof Event e ? stage.startsState(e) : stage.startsState((Fact) input);
      if (!starts) {
        return; // the stage says this input leaves a fresh state empty and emits nothing
      }
      s = stage.newState();
    }
    context.nextCall();
    try {
      if (input instanceof Event e) {
        stage.onEvent(s, e, context);
      } else {
        stage.onFact(s, (Fact) input, context);
      }
      keep(s);
    } catch (RuntimeException ex) {
      failed(input instanceof Event e ? e : null, ex);
      state.update(s);
    }
  }

  private void keep(S s) throws Exception {
    if (stage.isEmpty(s)) {
      state.clear();
    } else {
      state.update(s);
    }
  }

  private void failed(Event e, RuntimeException ex) {
    errors.inc();
    if (errorsSeen++ < LOGGED_ERRORS) {
      LOG.warn(
          "stage {} failed on key {} ({}): {}",
          name,
          context.key,
          e == null ? "fact or wake-up" : e.type().wire() + " at " + e.ts(),
          ex.toString());
    }
  }

  /** The {@link Stage.Context} of the key and time being processed. */
  private final class HostContext implements Stage.Context {
    private String key;
    private long now;
    private TimerService timers;
    private Collector<Emitted> out;
    private int call = -1;
    private int emission;

    void bind(String key, long now, TimerService timers, Collector<Emitted> out) {
      this.key = key;
      this.now = now;
      this.timers = timers;
      this.out = out;
      this.call = -1;
    }

    void nextCall() {
      call++;
      emission = 0;
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
      if (!topology.produces(index, fact.getClass())) {
        throw new IllegalStateException(
            "stage \""
                + name
                + "\" emitted "
                + fact.getClass().getSimpleName()
                + ", not in its wiring");
      }
      out.collect(new Emitted(new Stamp(now, Topology.rankOf(index), key, call, emission++), fact));
    }

    @Override
    public void wakeAt(long time) {
      long at = Math.max(time, now + 1);
      try {
        if (!wakes.contains(at)) {
          wakes.put(at, Boolean.TRUE);
          schedule(at, timers);
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot record a wake-up for key " + key, e);
      }
    }
  }
}
