package io.brushguard.embedded;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Verdict;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The decide step in one JVM: a {@link Verdict} per entity something was said about. */
final class Decisions {
  private final DecisionPolicy policy;
  private final Map<EntityKind, HashMap<String, Verdict>> verdicts =
      new EnumMap<>(EntityKind.class);

  Decisions(DecisionPolicy policy) {
    this.policy = policy;
    for (EntityKind k : EntityKind.values()) {
      verdicts.put(k, new HashMap<>());
    }
  }

  void apply(Signal s) {
    verdicts.get(s.entity()).computeIfAbsent(s.id(), id -> new Verdict(s.entity(), id)).apply(s);
  }

  /** Findings for every entity with evidence, by kind then id. */
  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (EntityKind k : EntityKind.values()) {
      for (Verdict v : new TreeMap<>(verdicts.get(k)).values()) {
        out.add(v.finding(policy));
      }
    }
    return out;
  }

  /** The finding for one entity, or a clean one when nothing was said about it. */
  Finding findingFor(EntityKind kind, String id) {
    Verdict v = verdicts.get(kind).get(id);
    return v == null ? Finding.clean(kind, id) : v.finding(policy);
  }
}
