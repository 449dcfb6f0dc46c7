package io.brushguard.detect.scripted;

import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a list of stages, in order, over a time-ordered stream by hand: each event goes to every
 * stage that takes it, each emitted fact to the later stages that take it, wake-ups fire before the
 * first input past their time. A test's small dataflow without the embedded runtime.
 */
final class Chain {
  private final List<Stage<?>> stages;
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final TreeMap<Long, List<String[]>> wakes = new TreeMap<>();
  final List<Fact> out = new ArrayList<>();

  Chain(List<Stage<?>> stages) {
    this.stages = stages;
    for (int i = 0; i < stages.size(); i++) {
      states.add(new HashMap<>());
    }
  }

  Chain feed(List<? extends Event> events) {
    for (Event e : events) {
      wakeUpTo(e.ts());
      for (int i = 0; i < stages.size(); i++) {
        if (stages.get(i).wiring().events().contains(e.type())) {
          String key = stages.get(i).keyOf(e);
          if (key != null) {
            run(i, key, e.ts(), e, null);
          }
        }
      }
    }
    return this;
  }

  Chain finish() {
    wakeUpTo(Long.MAX_VALUE);
    return this;
  }

  private void wakeUpTo(long t) {
    while (!wakes.isEmpty() && wakes.firstKey() < t) {
      Map.Entry<Long, List<String[]>> first = wakes.pollFirstEntry();
      for (String[] w : first.getValue()) {
        run(Integer.parseInt(w[0]), w[1], first.getKey(), null, null);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void run(int index, String key, long now, Event event, Fact fact) {
    Stage stage = stages.get(index);
    Map<String, Object> map = states.get(index);
    Object state = map.computeIfAbsent(key, k -> stage.newState());
    List<Fact> emitted = new ArrayList<>();
    Stage.Context ctx =
        new Stage.Context() {
          @Override
          public String key() {
            return key;
          }

          @Override
          public long now() {
            return now;
          }

          @Override
          public void emit(Fact f) {
            emitted.add(f);
          }

          @Override
          public void wakeAt(long time) {
            wakes
                .computeIfAbsent(Math.max(time, now + 1), x -> new ArrayList<>())
                .add(new String[] {String.valueOf(index), key});
          }
        };
    if (event != null) {
      stage.onEvent(state, event, ctx);
    } else if (fact != null) {
      stage.onFact(state, fact, ctx);
    } else {
      stage.onWake(state, now, ctx);
    }
    if (stage.isEmpty(state)) {
      map.remove(key);
    }
    for (Fact f : emitted) {
      out.add(f);
      for (int j = index + 1; j < stages.size(); j++) {
        if (stages.get(j).wiring().consumes().contains(f.getClass())) {
          String k = stages.get(j).keyOf(f);
          if (k != null) {
            run(j, k, now, null, f);
          }
        }
      }
    }
  }

  int keys(int stage) {
    return states.get(stage).size();
  }
}
