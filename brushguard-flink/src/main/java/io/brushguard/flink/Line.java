package io.brushguard.flink;

/**
 * One non-blank line of the input file, as bytes without its line terminator.
 *
 * @param number 1-based line number in the file (blank lines count)
 * @param bytes the line, or for a line over the length limit its first bytes only
 * @param tooLong the line was longer than {@link io.brushguard.ingest.EventReader#MAX_LINE_BYTES}
 *     and is rejected whole
 */
public record Line(long number, byte[] bytes, boolean tooLong) {}
