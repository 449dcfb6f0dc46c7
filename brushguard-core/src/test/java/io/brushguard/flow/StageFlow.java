package io.brushguard.flow;

import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stages driven as a runtime would, in one thread: events in time order, each stage's facts handed
 * at once to the stages that consume them, wake-ups before the first input after them.
 */
public final class StageFlow {
  private final List<Stage<Object>> stages = new ArrayList<>();
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final TreeMap<Long, List<long[]>> wakes = new TreeMap<>();
  private final List<String> wakeKeys = new ArrayList<>();
  public final List<Signal> signals = new ArrayList<>();
  public final List<Fact> facts = new ArrayList<>();

  @SuppressWarnings("unchecked")
  public StageFlow(List<? extends Stage<?>> list) {
    for (Stage<?> s : list) {
      stages.add((Stage<Object>) s);
      states.add(new HashMap<>());
    }
  }

  /** Feeds every event, in the given (time) order. */
  public StageFlow feedAll(List<? extends Event> events) {
    events.forEach(this::feed);
    return this;
  }

  /** The end of a bounded input: every pending wake-up fires, in time order. */
  public StageFlow finish() {
    wakeUpTo(Long.MAX_VALUE);
    return this;
  }

  /** Fires the wake-ups before {@code t}, as an input at {@code t} would. */
  public StageFlow advanceTo(long t) {
    wakeUpTo(t);
    return this;
  }

  public void feed(Event e) {
    wakeUpTo(e.ts());
    ArrayDeque<Fact> out = new ArrayDeque<>();
    for (int i = 0; i < stages.size(); i++) {
      Stage<Object> s = stages.get(i);
      if (!s.wiring().events().contains(e.type())) {
        continue;
      }
      String key = s.keyOf(e);
      if (key != null) {
        s.onEvent(
            states.get(i).computeIfAbsent(key, k -> s.newState()), e, context(i, key, e.ts(), out));
        drop(i, key);
      }
    }
    route(out, e.ts());
  }

  /** Fires the wake-ups before {@code t}, in time order. */
  private void wakeUpTo(long t) {
    while (!wakes.isEmpty() && wakes.firstKey() < t) {
      Map.Entry<Long, List<long[]>> w = wakes.pollFirstEntry();
      for (long[] sk : w.getValue()) {
        int si = (int) sk[0];
        String key = wakeKeys.get((int) sk[1]);
        Object st = states.get(si).get(key);
        if (st != null) {
          ArrayDeque<Fact> out = new ArrayDeque<>();
          stages.get(si).onWake(st, w.getKey(), context(si, key, w.getKey(), out));
          drop(si, key);
          route(out, w.getKey());
        }
      }
    }
  }

  private void route(ArrayDeque<Fact> out, long now) {
    while (!out.isEmpty()) {
      Fact f = out.poll();
      if (f instanceof Signal sig) {
        signals.add(sig);
      }
      facts.add(f);
      for (int i = 0; i < stages.size(); i++) {
        Stage<Object> s = stages.get(i);
        if (!s.wiring().consumes().contains(f.getClass())) {
          continue;
        }
        String key = s.keyOf(f);
        if (key != null) {
          s.onFact(
              states.get(i).computeIfAbsent(key, k -> s.newState()), f, context(i, key, now, out));
          drop(i, key);
        }
      }
    }
  }

  private void drop(int stage, String key) {
    Object st = states.get(stage).get(key);
    if (st != null && stages.get(stage).isEmpty(st)) {
      states.get(stage).remove(key);
    }
  }

  public int keys(int stage) {
    return states.get(stage).size();
  }

  private Stage.Context context(int stage, String key, long now, ArrayDeque<Fact> out) {
    return new Stage.Context() {
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
        out.add(fact);
      }

      @Override
      public void wakeAt(long time) {
        wakeKeys.add(key);
        wakes
            .computeIfAbsent(Math.max(time, now + 1), t -> new ArrayList<>())
            .add(new long[] {stage, wakeKeys.size() - 1});
      }
    };
  }

  /** The strongest live signal per entity id of a kind (latest per origin). */
  public Map<String, Double> strongest(io.brushguard.detect.EntityKind kind) {
    Map<String, Double> latest = new HashMap<>();
    for (Signal s : signals) {
      if (s.entity() == kind) {
        latest.put(s.id() + " " + s.origin(), s.strength());
      }
    }
    Map<String, Double> out = new HashMap<>();
    latest.forEach((k, v) -> out.merge(k.substring(0, k.indexOf(' ')), v, Math::max));
    out.values().removeIf(v -> v == 0);
    return out;
  }
}
