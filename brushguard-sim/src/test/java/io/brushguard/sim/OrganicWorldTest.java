package io.brushguard.sim;

import static io.brushguard.detect.EntityKind.ORDER;
import static io.brushguard.detect.EntityKind.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.event.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The honest marketplace looks like one. */
class OrganicWorldTest {
  private final SmallMarket m = SmallMarket.get();

  private List<Order> genuineOrders() {
    return m.orders(o -> m.truth(ORDER, o.order()) == null);
  }

  @Test
  void ordersPerBuyer_areHeavyTailed() {
    Map<String, Long> perBuyer =
        genuineOrders().stream()
            .collect(Collectors.groupingBy(Order::account, Collectors.counting()));
    long[] counts = perBuyer.values().stream().mapToLong(Long::longValue).sorted().toArray();
    assertThat(topTenthShare(counts)).as("share of the top tenth of buyers").isGreaterThan(0.3);
    assertThat(counts[counts.length - 1]).isGreaterThanOrEqualTo(10 * counts[counts.length / 2]);
  }

  @Test
  void shopPopularity_isSkewed() {
    Map<String, Long> perShop =
        genuineOrders().stream().collect(Collectors.groupingBy(Order::shop, Collectors.counting()));
    long[] counts = perShop.values().stream().mapToLong(Long::longValue).sorted().toArray();
    assertThat(topTenthShare(counts)).as("share of the top tenth of shops").isGreaterThan(0.2);
    assertThat(counts[counts.length - 1]).isGreaterThan(4 * counts[counts.length / 2]);
  }

  @Test
  void reviewTexts_areMostlyDistinct_inChineseAndEnglish_withEveryRating() {
    List<Review> genuine =
        m.reviews(r -> m.genuine(REVIEW, r.review()) && m.truth(REVIEW, r.review()) == null);
    Set<String> distinct = genuine.stream().map(Review::text).collect(Collectors.toSet());
    assertThat((double) distinct.size() / genuine.size()).isGreaterThan(0.85);
    long english = genuine.stream().filter(r -> r.text().chars().allMatch(c -> c < 0x80)).count();
    assertThat((double) english / genuine.size()).isBetween(0.05, 0.3);
    assertThat(genuine.stream().map(Review::rating).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    assertThat(genuine.stream().filter(r -> r.rating() == 5).count())
        .isGreaterThan(genuine.size() / 2);
  }

  @Test
  void aShareOfOrders_isReviewed() {
    long reviewed =
        m.reviews(
                r ->
                    r.order() != null
                        && m.genuine(ORDER, r.order())
                        && m.truth(ORDER, r.order()) == null)
            .size();
    double share = (double) reviewed / genuineOrders().size();
    assertThat(share).isBetween(0.15, 0.4);
  }

  @Test
  void shopping_followsTheDayNightCycle() {
    long[] byHour = new long[24];
    for (Order o : genuineOrders()) {
      byHour[SmallMarket.hourOf(o.ts())]++;
    }
    assertThat(byHour[21]).isGreaterThan(5 * byHour[4]);
    assertThat(byHour[12]).isGreaterThan(3 * byHour[4]);
  }

  @Test
  void purchases_followSearchesAndViews_inTheSameSession() {
    int viewed = 0;
    List<Order> orders = genuineOrders();
    for (Order o : orders) {
      List<View> views = m.viewsBySession.getOrDefault(o.session(), List.of());
      if (views.stream().anyMatch(v -> v.shop().equals(o.shop()) && v.ts() < o.ts())) {
        viewed++;
      }
    }
    assertThat((double) viewed / orders.size()).isGreaterThan(0.95);
  }

  @Test
  void parcels_weighWhatTheItemWeighs_andTakeLongerToTravelFarther() {
    Map<Boolean, List<Long>> transit = new HashMap<>();
    Map<String, Integer> cityIndex = new HashMap<>();
    for (int c = 0; c < Cities.COUNT; c++) {
      cityIndex.put(Cities.name(c), c);
    }
    Set<Object> envelopes =
        m.plan.instances().stream()
            .filter(i -> i.trap() == Trap.LIGHT_PARCELS)
            .map(i -> i.params().get("item"))
            .collect(Collectors.toSet());
    for (Order o : genuineOrders()) {
      List<Logistics> scans = m.scans.get(o.order());
      if (scans == null || envelopes.contains(o.item())) {
        continue; // an envelope item's organic parcels are light too
      }
      Logistics picked = first(scans, Logistics.Status.PICKED_UP);
      Logistics delivered = first(scans, Logistics.Status.DELIVERED);
      if (picked == null || delivered == null) {
        continue;
      }
      assertThat(picked.weightG()).isGreaterThan(30);
      double km = Cities.km(cityIndex.get(picked.location()), cityIndex.get(delivered.location()));
      if (km < 300 || km > 1500) {
        transit
            .computeIfAbsent(km > 1500, k -> new ArrayList<>())
            .add(delivered.ts() - picked.ts());
      }
    }
    double near = transit.get(false).stream().mapToLong(Long::longValue).average().orElseThrow();
    double far = transit.get(true).stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(far).isGreaterThan(1.5 * near);
  }

  @Test
  void everyGenuineDeliveredOrder_hasTheFullScanSequence_inTimeOrder() {
    int checked = 0;
    for (Order o : genuineOrders()) {
      List<Logistics> scans = m.scans.get(o.order());
      if (scans == null || first(scans, Logistics.Status.DELIVERED) == null) {
        continue;
      }
      List<Logistics.Status> statuses =
          scans.stream()
              .sorted(Comparator.comparingLong(Logistics::ts))
              .map(Logistics::status)
              .toList();
      assertThat(statuses.subList(0, 2))
          .containsExactly(Logistics.Status.CREATED, Logistics.Status.PICKED_UP);
      assertThat(statuses).contains(Logistics.Status.IN_TRANSIT);
      assertThat(scans.stream().map(Logistics::waybill).distinct().count()).isLessThanOrEqualTo(2);
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void payments_includeOrdersRefundsAndSubsidies() {
    Map<Payment.Kind, Long> kinds =
        m.payments.values().stream()
            .collect(Collectors.groupingBy(Payment::kind, Collectors.counting()));
    // every order is paid, seconds after it is placed (unless the window ends in between)
    assertThat(kinds.get(Payment.Kind.ORDER))
        .isBetween(m.orders.size() - 5L, (long) m.orders.size());
    assertThat(kinds.get(Payment.Kind.REFUND)).isGreaterThan(m.orders.size() / 100L);
    assertThat(kinds.get(Payment.Kind.SUBSIDY)).isPositive();
  }

  @Test
  void genuineReportsSpotChecksAndListings_occur() {
    assertThat(m.plan.events(io.brushguard.event.EventType.REPORT)).isGreaterThan(10);
    assertThat(m.plan.events(io.brushguard.event.EventType.SPOT_CHECK)).isPositive();
    assertThat(
            m.listings.values().stream()
                .filter(l -> m.truth(io.brushguard.detect.EntityKind.LISTING, l.listing()) == null)
                .count())
        .isGreaterThan(20);
  }

  @Test
  void likes_areMostlyFew_withARareLongTail() {
    Map<String, Long> perReview = new HashMap<>();
    Set<String> genuineReviews = new HashSet<>();
    for (Review r : m.reviews(r -> m.truth(REVIEW, r.review()) == null)) {
      genuineReviews.add(r.review());
    }
    for (String like : m.likes) {
      String review = like.substring(like.indexOf(':') + 1);
      if (genuineReviews.contains(review)
          && m.truth(io.brushguard.detect.EntityKind.LIKE, like) == null) {
        perReview.merge(review, 1L, Long::sum);
      }
    }
    assertThat((double) perReview.size() / genuineReviews.size()).isBetween(0.15, 0.45);
    assertThat(perReview.values().stream().mapToLong(Long::longValue).max().orElse(0))
        .isGreaterThanOrEqualTo(8);
  }

  /** The share of the total held by the top tenth of the (ascending) counts. */
  private static double topTenthShare(long[] sortedCounts) {
    long total = 0;
    long top = 0;
    for (int i = 0; i < sortedCounts.length; i++) {
      total += sortedCounts[i];
      if (i >= sortedCounts.length - sortedCounts.length / 10) {
        top += sortedCounts[i];
      }
    }
    return (double) top / total;
  }

  private static Logistics first(List<Logistics> scans, Logistics.Status status) {
    return scans.stream().filter(s -> s.status() == status).findFirst().orElse(null);
  }
}
