package io.brushguard.config;

import io.brushguard.credit.Ledger;
import io.brushguard.credit.ShopLedger;
import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.CarryEvidence;
import io.brushguard.decide.Decide;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.decide.RingLines;
import io.brushguard.detect.cashback.Brokers;
import io.brushguard.detect.cashback.BuyerVoice;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.cashback.Payouts;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.detect.concentration.Cancellations;
import io.brushguard.detect.concentration.ConcentrationDetector;
import io.brushguard.detect.farm.AccountFarms;
import io.brushguard.detect.likes.Likes;
import io.brushguard.detect.logistics.FakeLogistics;
import io.brushguard.detect.photos.Photos;
import io.brushguard.detect.ratings.Ratings;
import io.brushguard.detect.reverse.ReverseBrushing;
import io.brushguard.detect.ring.RingFound;
import io.brushguard.detect.ring.Rings;
import io.brushguard.detect.scripted.ScriptedSessions;
import io.brushguard.detect.spam.ContactSpam;
import io.brushguard.detect.subsidy.StaffDevices;
import io.brushguard.detect.subsidy.StaffPayers;
import io.brushguard.detect.subsidy.SubsidyDetector;
import io.brushguard.detect.subsidy.SubsidyPayments;
import io.brushguard.detect.surge.SalesSurgeDetector;
import io.brushguard.detect.text.TemplateText;
import io.brushguard.detect.velocity.Velocity;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.resolve.Merchants;
import io.brushguard.resolve.OrderThreads;
import io.brushguard.resolve.ReviewLikes;
import io.brushguard.resolve.TokenKind;
import io.brushguard.resolve.TokenLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that says which stages run, in which order, with which settings. Both runtimes take
 * their topology from here, so a stage added here runs in both.
 *
 * <pre>
 * events ─► resolution stages ──Linked, MerchantPayer, OrderLinked, LikeLinked──► (subscribers)
 * events ─► detection stages ──Signal──────────────────────────► decide ──Finding──┬──────────────► findings
 *           (concentration, …)  └► order-to-review ──Carried──►  (per entity)      ├► order-ledger ─┐
 *                                  review-to-order                                 └► review-ledger ┴Standing► shop-ledger ─► shop lines
 * </pre>
 */
public final class DetectorRegistry {
  private DetectorRegistry() {}

  /**
   * The standard detection stages for a configuration, what emits signals: those of the families
   * the configuration runs ({@link BrushguardConfig#detectors}), in this order.
   */
  public static List<Stage<?>> standard(BrushguardConfig config) {
    Set<DetectorFamily> on = config.detectors();
    List<Stage<?>> stages = new ArrayList<>();
    if (on.contains(DetectorFamily.CONCENTRATION)) {
      stages.add(new Cancellations());
      stages.add(new ConcentrationDetector(config.concentration()));
    }
    if (on.contains(DetectorFamily.SURGE)) {
      stages.add(
          new SalesSurgeDetector(config.surge().withRetentionMillis(config.retentionMillis())));
    }
    if (on.contains(DetectorFamily.SCRIPTED)) {
      stages.addAll(ScriptedSessions.stages(config.scripted()));
    }
    if (on.contains(DetectorFamily.VELOCITY)) {
      stages.addAll(Velocity.stages(config.velocity()));
    }
    if (on.contains(DetectorFamily.LOGISTICS)) {
      stages.addAll(FakeLogistics.stages(config.retentionMillis()));
    }
    if (on.contains(DetectorFamily.CASHBACK)) {
      stages.add(new ShopPayers());
      stages.add(new Payouts());
      stages.add(new BuyerVoice(config.retentionMillis()));
      stages.add(new CashbackDetector(config.cashback()));
      stages.add(new Brokers(config.cashback()));
    }
    if (on.contains(DetectorFamily.REVERSE)) {
      stages.add(ReverseBrushing.of(config.cashback()));
    }
    if (on.contains(DetectorFamily.FARMS)) {
      stages.add(AccountFarms.standard());
    }
    if (on.contains(DetectorFamily.RINGS)) {
      stages.add(Rings.standard());
    }
    if (on.contains(DetectorFamily.SUBSIDY)) {
      stages.add(new StaffPayers());
      stages.add(new StaffDevices());
      stages.add(new SubsidyPayments());
      stages.add(new SubsidyDetector());
    }
    if (on.contains(DetectorFamily.TEXT)) {
      stages.addAll(TemplateText.stages(config.retentionMillis()));
    }
    if (on.contains(DetectorFamily.SPAM)) {
      stages.add(new ContactSpam(config.retentionMillis()));
    }
    if (on.contains(DetectorFamily.LIKES)) {
      stages.addAll(Likes.stages());
    }
    if (on.contains(DetectorFamily.RATINGS)) {
      stages.addAll(Ratings.stages());
    }
    if (on.contains(DetectorFamily.PHOTOS)) {
      stages.addAll(Photos.stages());
    }
    return List.copyOf(stages);
  }

  /**
   * Entity resolution: the relations between accounts, tokens, payment accounts, shops, orders,
   * parcels, reviews and likes that detectors subscribe to. A relation nobody subscribes to is left
   * out of the topology.
   */
  public static List<Stage<?>> resolution(BrushguardConfig config) {
    long retention = config.retentionMillis();
    List<Stage<?>> stages = new ArrayList<>();
    for (TokenKind kind : TokenKind.values()) {
      stages.add(new TokenLinks(kind, retention, TokenLinks.MAX_FANOUT));
    }
    stages.add(new Merchants(retention));
    stages.add(new OrderThreads(retention));
    stages.add(new ReviewLikes(retention));
    return stages;
  }

  /**
   * The whole dataflow: entity resolution, the detection stages, then the decision and the stages
   * that judge shops.
   *
   * @throws IllegalArgumentException when the stages do not form a valid topology
   */
  public static Topology topology(BrushguardConfig config, List<Stage<?>> detection) {
    List<Stage<?>> all = new ArrayList<>(resolution(config));
    all.addAll(detection);
    all.add(CarryEvidence.orderToReview(config.retentionMillis()));
    all.add(CarryEvidence.reviewToOrder(config.retentionMillis()));
    all.add(new Decide(config.decision(), config.retentionMillis()));
    all.add(Ledger.orders(config.retentionMillis()));
    all.add(Ledger.reviews(config.retentionMillis()));
    all.add(new ShopLedger());
    if (detection.stream().anyMatch(s -> s.wiring().produces().contains(RingFound.class))) {
      all.add(RingLines.standard()); // the ring lines, with the tactics of the rings' accounts
    }
    return Topology.of(all, Set.of(Finding.class, ShopStanding.class, RingLine.class));
  }
}
