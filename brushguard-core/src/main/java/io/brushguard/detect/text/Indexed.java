package io.brushguard.detect.text;

/**
 * A review in the text index: who and where, and its MinHash signature ({@value
 * TemplateText#HASHES} ints).
 *
 * @param member the review
 * @param signature its MinHash signature; never modified
 */
public record Indexed(Member member, int[] signature) {}
