package io.brushguard.detect.velocity;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Verdict;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs every velocity stage ({@link Velocity#everyStage}) over a small event list the way the
 * dataflow does (per stage, a state per key; at each time events, then facts, then wake-ups; {@link
 * Wave} facts to {@link Followup}), and folds the signals into verdicts with the default policy.
 */
final class VelocityHarness {
  private final List<Stage<Object>> stages = new ArrayList<>();
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final List<TreeMap<Long, TreeSet<String>>> wakes = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();
  private final Map<String, Verdict> verdicts = new TreeMap<>();

  @SuppressWarnings("unchecked")
  VelocityHarness(Velocity.Config config) {
    for (Stage<?> s : Velocity.everyStage(config)) {
      stages.add((Stage<Object>) s);
      states.add(new HashMap<>());
      wakes.add(new TreeMap<>());
    }
  }

  VelocityHarness() {
    this(Velocity.Config.DEFAULT);
  }

  VelocityHarness run(List<? extends Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::ts));
    for (Event e : sorted) {
      wakeBefore(e.ts());
      for (int i = 0; i < stages.size(); i++) {
        Stage<Object> stage = stages.get(i);
        if (!stage.wiring().events().contains(e.type())) {
          continue;
        }
        String key = stage.keyOf(e);
        if (key != null) {
          call(i, key, e.ts(), (st, ctx) -> stage.onEvent(st, e, ctx));
        }
      }
    }
    wakeBefore(Long.MAX_VALUE);
    return this;
  }

  /** The findings' actions by entity key ({@code order/o1}), flagged ones only. */
  Map<String, String> flagged() {
    Map<String, String> out = new TreeMap<>();
    verdicts.forEach(
        (k, v) -> {
          Finding f = v.finding(DecisionPolicy.DEFAULT, 0);
          if (f.action() != io.brushguard.decide.Action.ALLOW) {
            out.put(k, f.action().name());
          }
        });
    return out;
  }

  /** How many keys the stages still hold. */
  int keysHeld() {
    int n = 0;
    for (Map<String, Object> m : states) {
      n += m.size();
    }
    return n;
  }

  private void wakeBefore(long time) {
    while (true) {
      long first = Long.MAX_VALUE;
      int which = -1;
      for (int i = 0; i < wakes.size(); i++) {
        if (!wakes.get(i).isEmpty() && wakes.get(i).firstKey() < first) {
          first = wakes.get(i).firstKey();
          which = i;
        }
      }
      if (which < 0 || first >= time) {
        return;
      }
      long t = first;
      TreeSet<String> keys = wakes.get(which).remove(t);
      Stage<Object> stage = stages.get(which);
      for (String key : keys) {
        if (states.get(which).containsKey(key)) {
          call(which, key, t, (st, ctx) -> stage.onWake(st, t, ctx));
        }
      }
    }
  }

  private interface Call {
    void run(Object state, Stage.Context ctx);
  }

  private void call(int i, String key, long now, Call call) {
    Stage<Object> stage = stages.get(i);
    Object state = states.get(i).computeIfAbsent(key, k -> stage.newState());
    List<Fact> out = new ArrayList<>();
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
          public void emit(Fact fact) {
            out.add(fact);
          }

          @Override
          public void wakeAt(long time) {
            wakes.get(i).computeIfAbsent(Math.max(time, now + 1), t -> new TreeSet<>()).add(key);
          }
        };
    call.run(state, ctx);
    if (stage.isEmpty(state)) {
      states.get(i).remove(key);
    }
    for (Fact f : out) {
      if (f instanceof Signal s) {
        signals.add(s);
        verdicts
            .computeIfAbsent(
                Finding.entityKey(s.entity(), s.id()), k -> new Verdict(s.entity(), s.id()))
            .apply(s);
      } else {
        for (int j = 0; j < stages.size(); j++) {
          Stage<Object> consumer = stages.get(j);
          if (consumer.wiring().consumes().contains(f.getClass())) {
            String k = consumer.keyOf(f);
            call(j, k, now, (st, c) -> consumer.onFact(st, f, c));
          }
        }
      }
    }
  }
}
