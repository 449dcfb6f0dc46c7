package io.brushguard.decide;

import io.brushguard.detect.ring.RingFound;
import io.brushguard.flow.Fact;
import java.util.List;

/**
 * The {@code ring} line of the output contract: a group acting together, updated by ring id (the
 * last line per ring is the current one).
 *
 * @param found the ring as the graph saw it
 * @param tactics the reason codes other detectors gave its accounts, sorted
 * @param score 0..1: the ring signal's strength, raised by the share of its accounts other
 *     detectors flagged
 * @param ts the event time it was decided
 */
public record RingLine(RingFound found, List<String> tactics, double score, long ts)
    implements Fact {
  public RingLine {
    tactics = List.copyOf(tactics);
  }

  public String ring() {
    return found.ring();
  }
}
