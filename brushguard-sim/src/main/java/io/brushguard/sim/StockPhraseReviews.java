package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Trap: genuine reviews that use stock phrases. Real buyers write 物美价廉, 性价比很高 or "great value" too,
 * inside an otherwise personal review. A tenth of genuine reviews of four or five stars do ({@link
 * Shopping#organicAfterDelivery}); the phrase alone proves nothing, the sameness across accounts
 * does.
 *
 * <p>Labelled {@code stock_phrase_review} (genuine): those reviews. Genuine reviews without a stock
 * phrase never contain one, so the label marks every genuine use.
 */
final class StockPhraseReviews implements Planting {
  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    sim.plan.instance(Trap.STOCK_PHRASE_REVIEW).param("share_of_positive_reviews", 0.1);
    return 0;
  }
}
