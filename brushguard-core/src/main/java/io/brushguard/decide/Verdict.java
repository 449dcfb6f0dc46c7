package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything said so far about one entity: the latest signal per (code, origin).
 *
 * <p>The score is a noisy-OR over reason codes, {@code 1 - Π(1 - s_code)}, where {@code s_code} is
 * the strongest live signal of that code: independent kinds of evidence add up, while many signals
 * of the same kind (ten shops calling one buyer concentrated) count once, at their strongest. The
 * result depends only on the set of live signals, not on their arrival order, so runtimes that
 * deliver signals from different keys in different orders agree.
 *
 * <p>Space: one entry per live (code, origin) pair of this entity.
 */
public final class Verdict {
  private final EntityKind entity;
  private final String id;
  private final TreeMap<String, Signal> live = new TreeMap<>();

  public Verdict(EntityKind entity, String id) {
    this.entity = entity;
    this.id = id;
  }

  /** Records a signal (replacing or withdrawing the one from the same origin and code). */
  public void apply(Signal s) {
    String slot = s.code() + '\u0000' + s.origin();
    if (s.withdraws()) {
      live.remove(slot);
    } else {
      live.put(slot, s);
    }
  }

  public boolean isEmpty() {
    return live.isEmpty();
  }

  /** The finding this evidence supports under the policy, decided at event time {@code ts}. */
  public Finding finding(DecisionPolicy policy, long ts) {
    Map<String, Signal> strongest = new TreeMap<>();
    for (Signal s : live.values()) {
      strongest.merge(s.code(), s, (a, b) -> b.strength() > a.strength() ? b : a);
    }
    double keep = 1;
    List<Signal> top = new ArrayList<>(strongest.values());
    for (Signal s : top) {
      keep *= 1 - s.strength();
    }
    double score = round(1 - keep);
    top.sort(Comparator.comparingDouble(Signal::strength).reversed().thenComparing(Signal::code));
    List<Reason> reasons = new ArrayList<>(top.size());
    for (Signal s : top) {
      reasons.add(new Reason(s.code(), s.detail(), s.ring()));
    }
    return new Finding(entity, id, score, policy.actionFor(entity, score), reasons, ts);
  }

  /** Scores carry 4 decimals: enough to rank, and stable across runtimes and platforms. */
  static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
