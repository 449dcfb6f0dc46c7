package io.brushguard.sim;

import static io.brushguard.detect.EntityKind.ACCOUNT;
import static io.brushguard.detect.EntityKind.LIKE;
import static io.brushguard.detect.EntityKind.LISTING;
import static io.brushguard.detect.EntityKind.ORDER;
import static io.brushguard.detect.EntityKind.PAYMENT;
import static io.brushguard.detect.EntityKind.REVIEW;
import static io.brushguard.detect.EntityKind.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.concentration.ShopeeBrushing;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.View;
import io.brushguard.ingest.ShopeeCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every tactic of DESIGN.md is planted, labelled, and has the shape the fraud really has. */
class TacticsTest {
  private final SmallMarket m = SmallMarket.get();

  private static final Map<Tactic, List<EntityKind>> FLAGGABLE = new EnumMap<>(Tactic.class);

  static {
    FLAGGABLE.put(Tactic.TEMPLATED_PRAISE, List.of(ORDER, REVIEW, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.GROUP_CONTROL, List.of(ORDER, REVIEW, LIKE, ACCOUNT, SHOP, PAYMENT));
    FLAGGABLE.put(Tactic.CONCENTRATION, List.of(ORDER, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.CASHBACK, List.of(ORDER, REVIEW, PAYMENT, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.SCRIPTED_TASKS, List.of(ORDER, PAYMENT, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.FAKE_LOGISTICS, List.of(ORDER, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.INSIDER_SUBSIDY, List.of(ORDER, PAYMENT, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.REVERSE_BRUSHING, List.of(ORDER, REVIEW, PAYMENT, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.BAD_REVIEWERS, List.of(ORDER, REVIEW, ACCOUNT));
    FLAGGABLE.put(Tactic.LIKE_FARM, List.of(LIKE, REVIEW, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.DIVERSION_SPAM, List.of(LISTING, REVIEW, ACCOUNT, SHOP));
    FLAGGABLE.put(Tactic.SALES_SURGE, List.of(ORDER, ACCOUNT, SHOP));
  }

  @Test
  void everyTactic_isPlanted_withTheEntitiesADetectorWouldFlagLabelled() {
    assertThat(FLAGGABLE.keySet()).containsExactlyInAnyOrder(Tactic.values());
    for (Map.Entry<Tactic, List<EntityKind>> e : FLAGGABLE.entrySet()) {
      assertThat(m.plan.instances(e.getKey())).as(e.getKey().wire()).isPositive();
      for (EntityKind kind : e.getValue()) {
        assertThat(m.plan.labelled(e.getKey(), kind))
            .as(e.getKey().wire() + " " + kind.wire())
            .isPositive();
      }
    }
  }

  @Test
  void plannedInstances_carryTheirShopsAndRandomisedParameters() {
    for (Plan.Instance i : m.plan.instances()) {
      assertThat(i.params()).as(i.tactic() + " / " + i.trap()).isNotEmpty();
      for (String shop : i.shops()) {
        assertThat(m.shops).contains(shop);
      }
    }
    // Parameters are drawn per instance: two instances of a tactic rarely coincide in all of them.
    List<Map<String, Object>> params =
        m.plan.instances().stream()
            .filter(i -> i.tactic() != null)
            .map(Plan.Instance::params)
            .toList();
    assertThat(params.size()).isGreaterThanOrEqualTo(Tactic.values().length);
    assertThat(new HashSet<>(params).size()).isGreaterThanOrEqualTo(params.size() * 9 / 10);
  }

  @Test
  void templatedPraise_reviewsOfOneShop_areNearDuplicatesButNotCopies() {
    Map<String, List<String>> byShop = new HashMap<>();
    for (Review r : m.reviews(r -> m.is(REVIEW, r.review(), Tactic.TEMPLATED_PRAISE))) {
      byShop.computeIfAbsent(r.shop(), k -> new ArrayList<>()).add(r.text());
      assertThat(r.rating()).isEqualTo(5);
    }
    assertThat(byShop).isNotEmpty();
    List<String> genuine =
        m.reviews(r -> m.truth(REVIEW, r.review()) == null && r.rating() == 5).stream()
            .map(Review::text)
            .limit(300)
            .toList();
    double baseline = meanSimilarity(genuine);
    assertThat(baseline).isLessThan(0.1);
    for (List<String> texts : byShop.values()) {
      assertThat(meanSimilarity(texts)).isGreaterThan(3 * baseline);
      assertThat(new HashSet<>(texts).size()).isGreaterThan(texts.size() / 2);
    }
  }

  @Test
  void groupControl_registersInABurst_onSequentialPhones_fewDevices_andOrdersInLockstep() {
    Set<String> ring = m.labelled(ACCOUNT, Tactic.GROUP_CONTROL);
    List<Account> regs = ring.stream().map(m.accounts::get).toList();
    long[] phones = regs.stream().mapToLong(a -> Long.parseLong(a.phone())).sorted().toArray();
    int longestRun = 1;
    for (int i = 1, run = 1; i < phones.length; i++) {
      run = phones[i] == phones[i - 1] + 1 ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
    }
    assertThat(longestRun).isGreaterThanOrEqualTo(20);
    assertThat(regs.stream().map(Account::device).distinct().count()).isLessThanOrEqualTo(16);
    assertThat(regs.stream().map(Account::identity).distinct().count()).isLessThanOrEqualTo(6);
    long[] times = regs.stream().mapToLong(Account::ts).sorted().toArray();
    assertThat(times[times.length - 1] - times[0]).isLessThan(3 * Sim.HOUR);
    // a wave: most of the ring orders at one shop within ten minutes
    List<Order> orders = m.orders(o -> m.is(ORDER, o.order(), Tactic.GROUP_CONTROL));
    assertThat(
            maxInWindow(orders.stream().mapToLong(Order::ts).sorted().toArray(), 10 * Sim.MINUTE))
        .isGreaterThanOrEqualTo(10);
    assertThat(orders.stream().map(Order::payer).distinct().count()).isLessThanOrEqualTo(6);
  }

  @Test
  void groupControl_labelsOnlyTheClientShopsAWaveReached() {
    // seed 5's small market has a ring with three client shops and two waves
    Map<String, String> orderShop = new HashMap<>();
    Set<String> ringOrders = new HashSet<>();
    Set<String> labelledShops = new HashSet<>();
    MarketSimulator.run(
        SimulationSpec.of(5, SimulationSpec.SMALL),
        new SimulationOutput() {
          @Override
          public void event(Event event) {
            if (event instanceof Order o) {
              orderShop.put(o.order(), o.shop());
            }
          }

          @Override
          public void label(Truth t) {
            if (t.fraud() && t.tactic() == Tactic.GROUP_CONTROL) {
              (t.entity() == SHOP ? labelledShops : ringOrders).add(t.id());
            }
          }
        });
    Set<String> reached = new HashSet<>();
    ringOrders.stream()
        .map(orderShop::get)
        .filter(java.util.Objects::nonNull)
        .forEach(reached::add);

    assertThat(labelledShops).isNotEmpty().isSubsetOf(reached);
  }

  @Test
  void concentration_shops_areCaughtByTheShopeeDefinition() {
    List<ShopeeCsv.Row> rows = new ArrayList<>();
    for (Order o : m.orders.values()) {
      rows.add(new ShopeeCsv.Row(o.order(), o.shop(), o.account(), o.ts() / 1000));
    }
    Map<String, List<String>> flagged = ShopeeBrushing.contest().solve(rows);
    Set<String> shops = m.labelled(SHOP, Tactic.CONCENTRATION);
    assertThat(shops).isNotEmpty();
    for (String shop : shops) {
      assertThat(flagged.get(shop)).as(shop).isNotEmpty();
      for (String buyer : flagged.get(shop)) {
        assertThat(m.is(ACCOUNT, buyer, Tactic.CONCENTRATION)).as(buyer).isTrue();
      }
    }
  }

  @Test
  void cashback_paysTheBuyerBack_fromTheShopOrALinkedAccomplice_afterAFiveStarReview() {
    Set<String> cashbackPayers = new HashSet<>();
    Set<String> shops = m.labelled(SHOP, Tactic.CASHBACK);
    for (String shop : shops) {
      cashbackPayers.add(m.shopPayer.get(shop));
    }
    Map<String, Set<String>> accountsOfPayer = new HashMap<>();
    for (Link l : m.links) {
      accountsOfPayer.computeIfAbsent(l.payer(), k -> new HashSet<>()).add(l.account());
    }
    Set<String> buyerPayers =
        m.orders(o -> m.is(ORDER, o.order(), Tactic.CASHBACK)).stream()
            .map(Order::payer)
            .collect(Collectors.toSet());
    List<Payment> refunds =
        m.payments.values().stream()
            .filter(p -> m.is(PAYMENT, p.payment(), Tactic.CASHBACK))
            .toList();
    assertThat(refunds).isNotEmpty();
    for (Payment p : refunds) {
      assertThat(p.kind()).isIn(Payment.Kind.RED_PACKET, Payment.Kind.TRANSFER);
      assertThat(buyerPayers).contains(p.to());
      boolean fromShop = cashbackPayers.contains(p.from());
      boolean fromAccomplice =
          accountsOfPayer.getOrDefault(p.from(), Set.of()).stream()
              .anyMatch(a -> m.is(ACCOUNT, a, Tactic.CASHBACK));
      assertThat(fromShop || fromAccomplice).as(p.toString()).isTrue();
    }
    for (Review r : m.reviews(r -> m.is(REVIEW, r.review(), Tactic.CASHBACK))) {
      assertThat(r.rating()).isEqualTo(5);
    }
  }

  @Test
  void scriptedTasks_searchALongTailKeyword_browseTheScriptedTime_thenBuy() {
    List<Order> orders = m.orders(o -> m.is(ORDER, o.order(), Tactic.SCRIPTED_TASKS));
    assertThat(orders).hasSizeGreaterThanOrEqualTo(10);
    Map<String, Search> searches = new HashMap<>();
    for (var e : m.events) {
      if (e instanceof Search s && s.session() != null) {
        searches.put(s.session(), s);
      }
    }
    Map<String, long[]> dwellRange = new HashMap<>();
    for (Order o : orders) {
      long dwell =
          m.viewsBySession.get(o.session()).stream()
              .filter(v -> v.shop().equals(o.shop()))
              .mapToLong(View::dwellMs)
              .sum();
      // an instance's centre is 60-600 s, its jitter at most 20%
      assertThat(dwell).isBetween(47_000L, 730_000L);
      dwellRange.merge(
          o.account(),
          new long[] {dwell, dwell},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      assertThat(searches.get(o.session()).query().split(" ")).hasSizeGreaterThanOrEqualTo(4);
    }
    // the script's regularity: one brusher's browsing times stay within the instance's jitter
    for (long[] range : dwellRange.values()) {
      assertThat((double) range[1] / range[0]).isLessThanOrEqualTo(1.2 / 0.8 + 0.01);
    }
    Set<String> brushers = orders.stream().map(Order::account).collect(Collectors.toSet());
    Map<String, Long> perBrusherDay =
        orders.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.account() + "@" + SmallMarket.dayOf(o.ts()), Collectors.counting()));
    assertThat(perBrusherDay.values().stream().mapToLong(Long::longValue).max().orElse(0))
        .isGreaterThanOrEqualTo(8);
    for (String b : brushers) {
      long categories =
          orders.stream().filter(o -> o.account().equals(b)).map(Order::shop).distinct().count();
      assertThat(categories).isGreaterThan(1);
    }
  }

  @Test
  void fakeLogistics_parcelsWeighGrams_areNeverPickedUp_reuseWaybills_andArriveWithinHours() {
    List<Order> orders = m.orders(o -> m.is(ORDER, o.order(), Tactic.FAKE_LOGISTICS));
    Set<String> brokerPickups =
        m.plan.instances().stream()
            .filter(i -> i.tactic() == Tactic.FAKE_LOGISTICS)
            .filter(i -> Boolean.TRUE.equals(i.params().get("pickup_scan")))
            .flatMap(i -> i.shops().stream())
            .collect(Collectors.toSet());
    Map<String, Set<String>> ordersOfWaybill = new HashMap<>();
    int delivered = 0;
    for (Order o : orders) {
      List<Logistics> scans = m.scans.getOrDefault(o.order(), List.of());
      Logistics created =
          scans.stream()
              .filter(s -> s.status() == Logistics.Status.CREATED)
              .findFirst()
              .orElseThrow();
      assertThat(created.weightG()).isBetween(5L, 20L);
      if (brokerPickups.contains(o.shop())) { // the broker's scan, at the empty weight
        assertThat(scans)
            .filteredOn(s -> s.status() == Logistics.Status.PICKED_UP)
            .allMatch(s -> s.weightG() == created.weightG());
      } else {
        assertThat(scans).noneMatch(s -> s.status() == Logistics.Status.PICKED_UP);
      }
      ordersOfWaybill.computeIfAbsent(created.waybill(), k -> new HashSet<>()).add(o.order());
      for (Logistics d : scans) {
        if (d.status() == Logistics.Status.DELIVERED) {
          assertThat(d.ts() - created.ts()).isLessThan(9 * Sim.HOUR);
          delivered++;
        }
      }
    }
    assertThat(delivered).isPositive();
    assertThat(ordersOfWaybill.values().stream().mapToInt(Set::size).max().orElse(0))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void insiderSubsidy_staffAccountBindsAMerchantsPayer_andSubsidiesDwarfCoupons() {
    Set<String> staff =
        m.accounts.values().stream()
            .filter(a -> a.role() == Account.Role.STAFF)
            .map(Account::account)
            .filter(s -> !m.is(ACCOUNT, s, Trap.HONEST_STAFF))
            .collect(Collectors.toSet());
    assertThat(staff).isNotEmpty().allMatch(s -> m.is(ACCOUNT, s, Tactic.INSIDER_SUBSIDY));
    Set<String> merchantPayers = new HashSet<>();
    for (String shop : m.labelled(SHOP, Tactic.INSIDER_SUBSIDY)) {
      merchantPayers.add(m.shopPayer.get(shop));
    }
    assertThat(m.links)
        .anyMatch(
            l ->
                staff.contains(l.account())
                    && merchantPayers.contains(l.payer())
                    && l.ts() >= SmallMarket.SPEC.start());
    for (Order o : m.orders(o -> m.is(ORDER, o.order(), Tactic.INSIDER_SUBSIDY))) {
      assertThat(o.subsidy()).isGreaterThan(o.amount() / 2);
      assertThat(o.campaign()).isNotNull();
    }
    // genuine coupons are small, except the platform's generous subsidy for everyone (a trap)
    for (Order o :
        m.orders(
            o ->
                m.genuine(ORDER, o.order())
                    && o.subsidy() > 0
                    && !m.is(ORDER, o.order(), Trap.SUBSIDY_FOR_ALL))) {
      assertThat(o.subsidy()).isLessThanOrEqualTo(Math.max(300, o.amount() * 15 / 100));
    }
    assertThat(m.payments.values())
        .anyMatch(
            p ->
                p.kind() == Payment.Kind.SUBSIDY
                    && m.is(PAYMENT, p.payment(), Tactic.INSIDER_SUBSIDY));
  }

  @Test
  void reverseBrushing_ordersLandAtTheVictim_whileTheCompetitorPays() {
    Set<String> victims = new HashSet<>();
    for (Truth t : m.labels) {
      if (t.victim()) {
        assertThat(t.entity()).isEqualTo(SHOP);
        assertThat(t.tactic()).isEqualTo(Tactic.REVERSE_BRUSHING);
        victims.add(t.id());
      }
    }
    assertThat(victims).isNotEmpty();
    for (Order o : m.orders(o -> m.is(ORDER, o.order(), Tactic.REVERSE_BRUSHING))) {
      assertThat(victims).contains(o.shop());
    }
    Set<String> competitorPayers = new HashSet<>();
    for (String shop : m.labelled(SHOP, Tactic.REVERSE_BRUSHING)) {
      competitorPayers.add(m.shopPayer.get(shop));
      assertThat(victims).doesNotContain(shop);
    }
    for (Payment p : m.payments.values()) {
      if (m.is(PAYMENT, p.payment(), Tactic.REVERSE_BRUSHING)) {
        assertThat(competitorPayers).contains(p.from());
      }
    }
    assertThat(m.events)
        .anyMatch(
            e ->
                e instanceof io.brushguard.event.Report r
                    && victims.contains(r.target())
                    && r.category() == io.brushguard.event.Report.Category.BRUSHING);
  }

  @Test
  void badReviewers_areNewAccounts_postingNearDuplicateOneStarComplaints() {
    List<Review> complaints = m.reviews(r -> m.is(REVIEW, r.review(), Tactic.BAD_REVIEWERS));
    assertThat(complaints).allMatch(r -> r.rating() == 1);
    assertThat(complaints.stream().map(Review::shop).distinct().count()).isGreaterThan(5);
    for (String a : m.labelled(ACCOUNT, Tactic.BAD_REVIEWERS)) {
      assertThat(m.accounts.get(a).ts()).isGreaterThanOrEqualTo(SmallMarket.SPEC.start());
    }
    Map<String, List<String>> byAccount = new HashMap<>();
    for (Review r : complaints) {
      byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r.text());
    }
    List<String> firstOfEach = byAccount.values().stream().map(l -> l.get(0)).toList();
    List<String> genuineComplaints =
        m.reviews(r -> m.truth(REVIEW, r.review()) == null && r.rating() == 1).stream()
            .map(Review::text)
            .limit(200)
            .toList();
    // a handful of accounts (3-6 an instance in a small market): their pairs give a noisy mean,
    // 2.9 to 3.5 times the genuine complaints' across simulator revisions
    assertThat(meanSimilarity(firstOfEach)).isGreaterThan(2.5 * meanSimilarity(genuineComplaints));
  }

  @Test
  void likeFarm_likesArriveInBursts_fromAccountsOnAFewDevices() {
    Map<String, List<Like>> byReview = new HashMap<>();
    Set<String> devices = new HashSet<>();
    for (var e : m.events) {
      if (e instanceof Like l && m.is(LIKE, l.id(), Tactic.LIKE_FARM)) {
        byReview.computeIfAbsent(l.review(), k -> new ArrayList<>()).add(l);
        devices.add(l.device());
      }
    }
    assertThat(byReview).isNotEmpty();
    for (List<Like> likes : byReview.values()) {
      assertThat(likes).hasSizeGreaterThanOrEqualTo(10);
      long first = likes.stream().mapToLong(Like::ts).min().orElseThrow();
      long last = likes.stream().mapToLong(Like::ts).max().orElseThrow();
      assertThat(last - first).isLessThan(Sim.HOUR);
      assertThat(m.is(REVIEW, likes.get(0).review(), Tactic.LIKE_FARM)).isTrue();
    }
    assertThat(devices.size()).isLessThanOrEqualTo(5 * (int) m.plan.instances(Tactic.LIKE_FARM));
  }

  @Test
  void diversionSpam_listingsAndReviewsCarryAContactOffThePlatform() {
    String contact =
        ".*(4[0O]{2}|４００|四零零|4 0 0|加V|加v|VX|vx|V信|薇信|加微信|扣扣|QQ|www\\.|t\\.cn|dwz\\.|url\\.cn).*";
    assertThat(
            m.listings.values().stream()
                .filter(l -> m.is(LISTING, l.listing(), Tactic.DIVERSION_SPAM)))
        .isNotEmpty()
        .allMatch(l -> l.text().replace('\n', ' ').matches(contact) && l.text().contains("、"));
    assertThat(m.reviews(r -> m.is(REVIEW, r.review(), Tactic.DIVERSION_SPAM)))
        .isNotEmpty()
        .allMatch(r -> r.text().matches(contact));
    assertThat(m.listings.values().stream().filter(l -> m.truth(LISTING, l.listing()) == null))
        .noneMatch(l -> l.text().matches(contact));
    assertThat(m.reviews(r -> m.truth(REVIEW, r.review()) == null && r.text() != null))
        .noneMatch(r -> r.text().matches(contact));
  }

  @Test
  void salesSurge_ordersJumpFarAboveTheShopsBaseline_straightToTheItem() {
    for (String shop : m.labelled(SHOP, Tactic.SALES_SURGE)) {
      List<Order> surge =
          m.orders(o -> o.shop().equals(shop) && m.is(ORDER, o.order(), Tactic.SALES_SURGE));
      List<Order> genuine = m.orders(o -> o.shop().equals(shop) && m.genuine(ORDER, o.order()));
      long from = surge.stream().mapToLong(Order::ts).min().orElseThrow();
      long to = surge.stream().mapToLong(Order::ts).max().orElseThrow();
      double spanDays = (to - from) / (double) Sim.DAY;
      double genuinePerDay = genuine.size() / (double) SmallMarket.SPEC.days();
      assertThat(surge.size()).as(shop).isGreaterThanOrEqualTo(20);
      assertThat(surge.size())
          .as(shop + ": far above its own orders over the surge's span")
          .isGreaterThan((int) (2 * genuinePerDay * spanDays));
      // the buyers' views of the shop in the six hours before each order
      Map<String, List<View>> viewsOf = new HashMap<>();
      for (var e : m.events) {
        if (e instanceof View v && v.shop().equals(shop)) {
          viewsOf.computeIfAbsent(v.account(), k -> new ArrayList<>()).add(v);
        }
      }
      int unviewed = 0;
      for (Order o : surge) {
        List<View> before =
            viewsOf.getOrDefault(o.account(), List.of()).stream()
                .filter(v -> v.ts() <= o.ts() && v.ts() > o.ts() - 6 * Sim.HOUR)
                .toList();
        if (before.isEmpty()) {
          unviewed++;
        }
        assertThat(before.stream().mapToLong(View::dwellMs).sum())
            .as(o.order() + ": at most a glance")
            .isLessThan(15_000);
        assertThat(before).as(o.order()).allMatch(v -> v.query() == null);
      }
      assertThat(unviewed).as(shop + ": most with no view at all").isGreaterThan(surge.size() / 3);
    }
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static int maxInWindow(long[] sortedTimes, long window) {
    int best = 0;
    for (int i = 0, j = 0; i < sortedTimes.length; i++) {
      while (sortedTimes[i] - sortedTimes[j] > window) {
        j++;
      }
      best = Math.max(best, i - j + 1);
    }
    return best;
  }

  /** Mean pairwise Jaccard similarity of character bigrams. */
  static double meanSimilarity(List<String> texts) {
    List<Set<String>> grams = texts.stream().map(TacticsTest::bigrams).toList();
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < grams.size(); i++) {
      for (int j = i + 1; j < grams.size(); j++) {
        Set<String> union = new HashSet<>(grams.get(i));
        union.addAll(grams.get(j));
        Set<String> inter = new HashSet<>(grams.get(i));
        inter.retainAll(grams.get(j));
        sum += union.isEmpty() ? 0 : (double) inter.size() / union.size();
        pairs++;
      }
    }
    return pairs == 0 ? 0 : sum / pairs;
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 <= s.length(); i++) {
      out.add(s.substring(i, i + 2));
    }
    return out;
  }
}
