package io.brushguard.detect.text;

/**
 * An earlier review near-identical to a new one.
 *
 * @param member the earlier review
 * @param similarity estimated Jaccard similarity of the two texts' shingles
 */
public record Neighbour(Member member, double similarity) {}
