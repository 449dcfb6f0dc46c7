package io.brushguard.findings;

/**
 * The last line of a batch run.
 *
 * @param events events accepted
 * @param rejected lines rejected as invalid
 * @param late events that arrived later than the out-of-order bound allows
 * @param seconds wall time of the run
 * @param findings finding lines written
 * @param rings ring lines written
 * @param detectorErrors events a detector failed on (the others went on)
 */
public record Summary(
    long events,
    long rejected,
    long late,
    double seconds,
    long findings,
    long rings,
    long detectorErrors) {}
