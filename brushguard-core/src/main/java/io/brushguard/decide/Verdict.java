package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything said so far about one entity: the latest signal per (code, origin).
 *
 * <p>The score is the policy's {@link Fusion} of the evidence per reason code ({@link
 * CodeEvidence}: the strongest live signal of the code, how many origins say it, what the others
 * add); by default {@link RecurrenceNoisyOr}: independent kinds of evidence add up by noisy-OR,
 * recurrence of one kind at independent places (ten shops calling one buyer concentrated) adds with
 * diminishing weight up to a cap. The result depends only on the set of live signals, not on their
 * arrival order, so runtimes that deliver signals from different keys in different orders agree.
 *
 * <p>Space: one entry per live (code, origin) pair of this entity. A finding walks them once, in
 * key order, where the signals of one code are adjacent: no map per call.
 */
public final class Verdict {
  private static final Comparator<CodeEvidence> STRONGEST_FIRST =
      Comparator.comparingDouble(RecurrenceNoisyOr::codeEvidence)
          .reversed()
          .thenComparing(CodeEvidence::code);

  private final EntityKind entity;
  private final String id;
  private final TreeMap<String, Signal> live = new TreeMap<>();

  public Verdict(EntityKind entity, String id) {
    this.entity = entity;
    this.id = id;
  }

  /** Records a signal (replacing or withdrawing the one from the same origin and code). */
  public void apply(Signal s) {
    // '\0' sorts below every character of a code, so one code's slots are adjacent in key order
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

  /** The evidence per code, in code order (empty when nothing is live). */
  public List<CodeEvidence> evidence() {
    List<CodeEvidence> codes = new ArrayList<>(2);
    Signal best = null;
    int origins = 0;
    double sum = 0; // evidence of every origin of the current code
    for (Signal s : live.values()) {
      if (best != null && !best.code().equals(s.code())) {
        codes.add(code(best, origins, sum));
        best = null;
      }
      if (best == null) {
        best = s;
        origins = 0;
        sum = 0;
      } else if (s.strength() > best.strength()) {
        best = s;
      }
      origins++;
      sum += CodeEvidence.evidence(s.strength());
    }
    if (best != null) {
      codes.add(code(best, origins, sum));
    }
    return codes;
  }

  private static CodeEvidence code(Signal best, int origins, double sum) {
    double others = origins == 1 ? 0 : Math.max(0, sum - CodeEvidence.evidence(best.strength()));
    return new CodeEvidence(best, origins, Double.isNaN(others) ? 0 : others);
  }

  /** The finding this evidence supports under the policy, decided at event time {@code ts}. */
  public Finding finding(DecisionPolicy policy, long ts) {
    List<CodeEvidence> codes = evidence();
    double score = codes.isEmpty() ? 0 : round(policy.fusion().score(entity, codes));
    double acted = codes.isEmpty() ? 0 : round(policy.fusion().actionScore(entity, codes));
    codes.sort(STRONGEST_FIRST);
    List<Reason> reasons = new ArrayList<>(codes.size());
    for (CodeEvidence c : codes) {
      Signal s = c.strongest();
      reasons.add(new Reason(s.code(), s.detail(), s.ring(), s.strength(), c.origins()));
    }
    return new Finding(entity, id, score, policy.actionFor(entity, acted), reasons, ts);
  }

  /** Scores carry 4 decimals: enough to rank, and stable across runtimes and platforms. */
  static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
