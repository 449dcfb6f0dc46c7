package io.brushguard.eval;

import io.brushguard.credit.ShopStanding;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How right the shop lines are, against the truth of a labelled market: whether the shops that
 * bought brushing had penalties proposed (and their victims none), and how close the corrected
 * sales and rating came to what the genuine orders and reviews alone say.
 *
 * <p>Feed it the market's events ({@link #event}), then {@link #score} the shop lines of a scan.
 */
public final class ShopEvaluation {
  private final Labels labels;
  private final Map<String, Truth> shops = new HashMap<>();

  /** What a shop's genuine orders and reviews add up to, and whether it has fakes. */
  private static final class Truth {
    long genuineUnits;
    long genuineReviews;
    long genuineRatingSum;
    long fakeOrders;
  }

  /**
   * The outcome over the shops of one market.
   *
   * @param brushers shops labelled fraud (they bought brushing)
   * @param penalised shops with a penalty proposed
   * @param brushersPenalised labelled shops with a penalty proposed
   * @param victims shops labelled victims
   * @param victimsPenalised victims with a penalty proposed
   * @param shopsWithFakes shops with at least one fraud-labelled order
   * @param salesError mean over those of |corrected sales − units of genuine orders|
   * @param ratingError mean over those with genuine reviews of |corrected rating − their mean|
   */
  public record Outcome(
      long brushers,
      long penalised,
      long brushersPenalised,
      long victims,
      long victimsPenalised,
      long shopsWithFakes,
      double salesError,
      double ratingError) {

    public double precision() {
      return EvaluationReport.ratio(brushersPenalised, penalised);
    }

    public double recall() {
      return EvaluationReport.ratio(brushersPenalised, brushers);
    }

    /** Harmonic mean of precision and recall, NaN when either is undefined. */
    public double f1() {
      double p = precision();
      double r = recall();
      return Double.isNaN(p) || Double.isNaN(r) ? Double.NaN : p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public ShopEvaluation(Labels labels) {
    this.labels = labels;
  }

  /** One event of the market; only orders and reviews count. */
  public void event(Event e) {
    if (e instanceof Order o) {
      Truth t = shops.computeIfAbsent(o.shop(), s -> new Truth());
      if (fraud(EntityKind.ORDER, o.order())) {
        t.fakeOrders++;
      } else {
        t.genuineUnits += o.quantity();
      }
    } else if (e instanceof Review r && !fraud(EntityKind.REVIEW, r.review())) {
      Truth t = shops.computeIfAbsent(r.shop(), s -> new Truth());
      t.genuineReviews++;
      t.genuineRatingSum += r.rating();
    }
  }

  private boolean fraud(EntityKind kind, String id) {
    Label l = labels.get(kind, id);
    return l != null && l.fraud();
  }

  /** Scores the shop lines (the last one per shop) of a scan of the market. */
  public Outcome score(List<ShopStanding> lines) {
    long penalised = 0;
    long brushersPenalised = 0;
    long victimsPenalised = 0;
    long withFakes = 0;
    double salesError = 0;
    long rated = 0;
    double ratingError = 0;
    Map<String, ShopStanding> byShop = new HashMap<>();
    for (ShopStanding s : lines) {
      byShop.put(s.shop(), s);
      Label l = labels.get(EntityKind.SHOP, s.shop());
      if (!s.penalties().isEmpty()) {
        penalised++;
        brushersPenalised += l != null && l.fraud() ? 1 : 0;
        victimsPenalised += l != null && l.victim() ? 1 : 0;
      }
    }
    for (Map.Entry<String, Truth> e : shops.entrySet()) {
      Truth t = e.getValue();
      ShopStanding s = byShop.get(e.getKey());
      if (t.fakeOrders == 0 || s == null) {
        continue;
      }
      withFakes++;
      salesError += Math.abs(s.correctedSales() - t.genuineUnits);
      double rating = s.correctedRating();
      if (t.genuineReviews > 0 && !Double.isNaN(rating)) {
        rated++;
        ratingError += Math.abs(rating - (double) t.genuineRatingSum / t.genuineReviews);
      }
    }
    long brushers = labels.of(EntityKind.SHOP).stream().filter(Label::fraud).count();
    long victims = labels.of(EntityKind.SHOP).stream().filter(Label::victim).count();
    return new Outcome(
        brushers,
        penalised,
        brushersPenalised,
        victims,
        victimsPenalised,
        withFakes,
        withFakes == 0 ? Double.NaN : salesError / withFakes,
        rated == 0 ? Double.NaN : ratingError / rated);
  }
}
