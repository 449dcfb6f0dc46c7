package io.brushguard.detect.logistics;

import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small runtime for the detector's stages in tests: events in the order given (tests give them in
 * time order), facts handed on to their consumers as emitted, wake-ups fired before the first later
 * input, and states dropped when empty. Keeps the signals that reach the end.
 */
final class MiniFlow {
  private final Topology topology;
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final TreeMap<Long, List<String[]>> wakes = new TreeMap<>();
  private final TreeSet<String> pendingWakes = new TreeSet<>();
  private final ArrayDeque<Fact> queue = new ArrayDeque<>();
  final List<Signal> signals = new ArrayList<>();
  final List<Fact> facts = new ArrayList<>();

  MiniFlow(List<Stage<?>> stages) {
    topology = Topology.of(stages, java.util.Set.of(Signal.class));
    for (int i = 0; i < topology.size(); i++) {
      states.add(new HashMap<>());
    }
  }

  /** Live keys of the stage called {@code name}. */
  int keys(String name) {
    for (int i = 0; i < topology.size(); i++) {
      if (topology.stage(i).name().equals(name)) {
        return states.get(i).size();
      }
    }
    throw new IllegalArgumentException(name);
  }

  void add(Event e) {
    fireUpTo(e.ts() - 1);
    for (int i : topology.consumersOf(e.type())) {
      run(i, e, null, e.ts(), 0);
    }
    drain(e.ts());
  }

  /** Fires every wake-up (the end of a bounded input). */
  void finish() {
    fireUpTo(Long.MAX_VALUE);
  }

  private void fireUpTo(long time) {
    while (!wakes.isEmpty() && wakes.firstKey() <= time) {
      Map.Entry<Long, List<String[]>> w = wakes.pollFirstEntry();
      for (String[] sk : w.getValue()) {
        pendingWakes.remove(sk[0] + "/" + sk[1] + "@" + w.getKey());
        run(Integer.parseInt(sk[0]), null, sk[1], w.getKey(), 2);
      }
      drain(w.getKey());
    }
  }

  private void drain(long now) {
    while (!queue.isEmpty()) {
      Fact f = queue.poll();
      facts.add(f);
      if (f instanceof Signal s) {
        signals.add(s);
      }
      for (int i : topology.consumersOf(f.getClass())) {
        run(i, f, null, now, 1);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void run(int i, Object input, String wakeKey, long now, int what) {
    Stage stage = topology.stage(i);
    String key =
        what == 0 ? stage.keyOf((Event) input) : what == 1 ? stage.keyOf((Fact) input) : wakeKey;
    if (key == null) {
      return;
    }
    Map<String, Object> m = states.get(i);
    Object s = m.get(key);
    if (s == null) {
      s = stage.newState();
    }
    Stage.Context ctx = context(i, key, now);
    if (what == 0) {
      stage.onEvent(s, (Event) input, ctx);
    } else if (what == 1) {
      stage.onFact(s, (Fact) input, ctx);
    } else {
      stage.onWake(s, now, ctx);
    }
    if (stage.isEmpty(s)) {
      m.remove(key);
    } else {
      m.put(key, s);
    }
  }

  private Stage.Context context(int stage, String key, long now) {
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
        queue.add(fact);
      }

      @Override
      public void wakeAt(long time) {
        long t = Math.max(time, now + 1);
        if (pendingWakes.add(stage + "/" + key + "@" + t)) {
          wakes.computeIfAbsent(t, x -> new ArrayList<>()).add(new String[] {"" + stage, key});
        }
      }
    };
  }

  /** The latest signal about an entity id, or null. */
  Signal latest(String id) {
    Signal last = null;
    for (Signal s : signals) {
      if (s.id().equals(id)) {
        last = s;
      }
    }
    return last;
  }

  /** The latest strength about an entity id (0 when none). */
  double strength(String id) {
    Signal s = latest(id);
    return s == null ? 0 : s.strength();
  }
}
