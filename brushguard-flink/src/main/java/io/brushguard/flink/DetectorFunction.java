package io.brushguard.flink;

import io.brushguard.detect.Detector;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any {@link Detector} on Flink keyed state: the one adapter every detector shares, with no
 * detection logic of its own. It gives the detector the guarantees of the embedded {@code
 * DetectorHost}: per key, events in event-time order (ties in arrival order), and each wake-up
 * after every event at or before its time and before any event after it.
 *
 * <p><b>How.</b> An event is not handed over on arrival (events arrive out of order): it is
 * buffered in {@code pending} under its timestamp, with an event-time timer at that timestamp.
 * Watermarks ({@link LatenessWatermarks}) guarantee that when the timer for {@code T} fires every
 * event at {@code T} has arrived, so {@link #onTimer} first hands over the events buffered at
 * {@code T} in arrival order, then, if {@code T} is a requested wake-up and the key still has
 * state, calls {@link Detector#onWake}. {@link Detector.Context#wakeAt} moves a time not after
 * {@code T} to {@code T + 1}, as the embedded host does, records it in {@code wakes} and registers
 * a timer.
 *
 * <p><b>State per key.</b> {@code state}: the detector's own state object, created on the key's
 * first event and cleared when {@link Detector#isEmpty} says so. {@code pending}: events waiting
 * for their time (at most those of one lateness bound). {@code wakes}: wake-up times not yet
 * reached. Timers: one per distinct pending or wake-up time. State and events are serialized by
 * Flink's Kryo serializer (see docs/flink.md).
 *
 * <p><b>Isolation.</b> A detector that throws on an event or a wake-up is counted and logged; the
 * key's state stays as the detector left it and the job goes on.
 *
 * @param <S> the detector's per-key state
 */
final class DetectorFunction<S> extends KeyedProcessFunction<String, KeyedEvent, Signal> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DetectorFunction.class);
  private static final int LOGGED_ERRORS = 10;

  private final JobSettings settings;
  private final int index;
  private final String name;

  private transient Detector<S> detector;
  private transient ValueState<S> state;
  private transient MapState<Long, List<Event>> pending;
  private transient MapState<Long, Boolean> wakes;
  private transient Counters errors;
  private transient long errorsSeen;
  private transient HostContext context;

  DetectorFunction(JobSettings settings, int index, String name) {
    this.settings = settings;
    this.index = index;
    this.name = name;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    detector = (Detector<S>) settings.detector(index, name);
    Class<S> stateClass = (Class<S>) detector.newState().getClass();
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("state", new GenericTypeInfo<>(stateClass)));
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending", Types.LONG, Types.LIST(new GenericTypeInfo<>(Event.class))));
    wakes =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("wakes", Types.LONG, Types.BOOLEAN));
    errors = Counters.register(getRuntimeContext(), Counters.DETECTOR_ERRORS);
    context = new HostContext();
  }

  @Override
  public void processElement(KeyedEvent in, Context ctx, Collector<Signal> out) throws Exception {
    long ts = in.event().ts();
    List<Event> at = pending.get(ts);
    if (at == null) {
      at = new ArrayList<>(1);
    }
    at.add(in.event());
    pending.put(ts, at);
    ctx.timerService().registerEventTimeTimer(ts);
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<Signal> out) throws Exception {
    context.bind(ctx.getCurrentKey(), time, ctx.timerService(), out);
    List<Event> due = pending.get(time);
    if (due != null) {
      pending.remove(time);
      for (Event e : due) {
        handle(e);
      }
    }
    if (wakes.contains(time)) {
      wakes.remove(time);
      S s = state.value();
      if (s != null) { // a state dropped as empty has nothing left to wake (as embedded)
        wake(s, time);
      }
    }
  }

  private void handle(Event e) throws Exception {
    S s = state.value();
    if (s == null) {
      s = detector.newState();
    }
    try {
      detector.onEvent(s, e, context);
      if (detector.isEmpty(s)) {
        state.clear();
        return;
      }
    } catch (RuntimeException ex) {
      failed(e, ex);
    }
    state.update(s);
  }

  private void wake(S s, long time) throws Exception {
    try {
      detector.onWake(s, time, context);
      if (detector.isEmpty(s)) {
        state.clear();
        return;
      }
    } catch (RuntimeException ex) {
      failed(null, ex);
    }
    state.update(s);
  }

  private void failed(Event e, RuntimeException ex) {
    errors.inc();
    if (errorsSeen++ < LOGGED_ERRORS) {
      LOG.warn(
          "detector {} failed on key {} ({}): {}",
          name,
          context.key,
          e == null ? "wake-up" : e.type().wire() + " at " + e.ts(),
          ex.toString());
    }
  }

  /** The {@link Detector.Context} of the key and time being processed. */
  private final class HostContext implements Detector.Context {
    private String key;
    private long now;
    private TimerService timers;
    private Collector<Signal> out;

    void bind(String key, long now, TimerService timers, Collector<Signal> out) {
      this.key = key;
      this.now = now;
      this.timers = timers;
      this.out = out;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void emit(Signal signal) {
      out.collect(signal);
    }

    @Override
    public void wakeAt(long time) {
      long at = Math.max(time, now + 1);
      try {
        if (!wakes.contains(at)) {
          wakes.put(at, Boolean.TRUE);
          timers.registerEventTimeTimer(at);
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot record a wake-up for key " + key, e);
      }
    }
  }
}
