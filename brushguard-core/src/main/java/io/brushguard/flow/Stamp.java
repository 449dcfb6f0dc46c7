package io.brushguard.flow;

/**
 * Where an input of a stage stands in the one order both runtimes process inputs in: by event time,
 * then by an explicit tie-break rule, never by arrival.
 *
 * <ul>
 *   <li>An event: {@code (ts, 0, "", line, 0)}, its line in the input breaking ties.
 *   <li>A fact: {@code (time of the call that emitted it, the emitting stage's rank in the topology
 *       (1 for the first stage), the emitting key, the index of that call among the key's calls at
 *       that time, the index of the emission within the call)}.
 * </ul>
 *
 * So at one time a stage sees events first, in input order, then facts by the rank of the stage
 * that emitted them. Each part of a fact's stamp is itself determined by the stamps of the emitting
 * stage's inputs, so by induction every stage key sees the same inputs in the same order in every
 * runtime, whatever the parallelism.
 *
 * @param time event time (milliseconds)
 * @param rank 0 for events, the emitting stage's rank for facts
 * @param key the emitting stage key ({@code ""} for events)
 * @param call the input line for events; the call's index at {@code time} for facts
 * @param emission the emission's index within the call (0 for events)
 */
public record Stamp(long time, int rank, String key, long call, int emission)
    implements Comparable<Stamp> {

  /** The stamp of the event at {@code line} of the input. */
  public static Stamp ofEvent(long time, long line) {
    return new Stamp(time, 0, "", line, 0);
  }

  /** By time, rank, key, call, emission; written out because it sorts every fact of a step. */
  @Override
  public int compareTo(Stamp o) {
    if (time != o.time) {
      return Long.compare(time, o.time);
    }
    if (rank != o.rank) {
      return Integer.compare(rank, o.rank);
    }
    int c = key.compareTo(o.key);
    if (c != 0) {
      return c;
    }
    if (call != o.call) {
      return Long.compare(call, o.call);
    }
    return Integer.compare(emission, o.emission);
  }
}
