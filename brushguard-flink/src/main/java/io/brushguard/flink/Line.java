package io.brushguard.flink;

/**
 * One non-blank line of the input file, as bytes without its line terminator: a copy of a {@link
 * io.brushguard.ingest.LineFramer.Frame}, which Flink may keep and serialize.
 *
 * @param seq 0-based index among the lines the source emitted (contiguous, unlike {@code number}):
 *     what restores input order after lines were parsed in parallel ({@link RestoreOrder})
 * @param number 1-based line number in the file (blank lines count)
 * @param bytes the line, or for a line over the length limit its first bytes only
 * @param tooLong the line was longer than {@link io.brushguard.ingest.LineFramer#MAX_LINE_BYTES}
 *     and is rejected whole
 */
public record Line(long seq, long number, byte[] bytes, boolean tooLong) {}
