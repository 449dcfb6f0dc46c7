package io.brushguard.detect.cashback;

import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cashback stages driven as a runtime would, in one thread: events in time order, each stage's
 * facts handed at once to the stages that consume them, wake-ups before the first input after them.
 */
final class CashbackFlow {
  private final List<Stage<Object>> stages = new ArrayList<>();
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final TreeMap<Long, List<long[]>> wakes = new TreeMap<>();
  private final List<String> wakeKeys = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();
  final List<Rebate> rebates = new ArrayList<>();
  final CashbackDetector detector;
  final BuyerVoice voice;

  @SuppressWarnings("unchecked")
  CashbackFlow(CashbackDetector.Config config) {
    detector = new CashbackDetector(config);
    voice = new BuyerVoice(30 * 86_400_000L);
    for (Stage<?> s :
        List.of(
            new ShopPayers(30 * 86_400_000L),
            new Payouts(30 * 86_400_000L),
            voice,
            detector,
            new Brokers(config))) {
      stages.add((Stage<Object>) s);
      states.add(new HashMap<>());
    }
  }

  void feed(Event e) {
    while (!wakes.isEmpty() && wakes.firstKey() < e.ts()) {
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
    ArrayDeque<Fact> out = new ArrayDeque<>();
    for (int i = 0; i < stages.size(); i++) {
      Stage<Object> s = stages.get(i);
      if (!s.wiring().events().contains(e.type())) {
        continue;
      }
      String key = s.keyOf(e);
      if (key != null) {
        s.onEvent(states.get(i).computeIfAbsent(key, k -> s.newState()), e, context(i, key, e.ts(), out));
        drop(i, key);
      }
    }
    route(out, e.ts());
  }

  private void route(ArrayDeque<Fact> out, long now) {
    while (!out.isEmpty()) {
      Fact f = out.poll();
      if (f instanceof Signal sig) {
        signals.add(sig);
      }
      if (f instanceof Rebate r) {
        rebates.add(r);
      }
      for (int i = 0; i < stages.size(); i++) {
        Stage<Object> s = stages.get(i);
        if (!s.wiring().consumes().contains(f.getClass())) {
          continue;
        }
        String key = s.keyOf(f);
        if (key != null) {
          s.onFact(states.get(i).computeIfAbsent(key, k -> s.newState()), f, context(i, key, now, out));
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

  int keys(int stage) {
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
  Map<String, Double> strongest(io.brushguard.detect.EntityKind kind) {
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
