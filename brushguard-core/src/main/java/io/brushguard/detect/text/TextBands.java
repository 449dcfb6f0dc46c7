package io.brushguard.detect.text;

import io.brushguard.flow.Fact;

/**
 * A review's LSH band values for one group of bands, sent to the {@link TextIndex} key that holds
 * that group.
 *
 * @param group the group's key ({@code g0} …)
 * @param indexed the review and its signature
 * @param bands the values of the group's bands, in band order ({@link TemplateText#bandOf})
 */
public record TextBands(String group, Indexed indexed, int[] bands) implements Fact {}
