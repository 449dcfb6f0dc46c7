package io.brushguard.detect.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The velocity stages on small hand-made markets: rings, farms and crews caught; a carrier NAT
 * address, a dorm, a family tablet and a loyal reorderer pass.
 */
class VelocityTest {
  private static final long T0 = 1_740_830_400_000L; // 2025-03-01T12:00Z
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long DAY = 24 * HOUR;

  private final List<Event> events = new ArrayList<>();
  private int orders;

  private String order(
      String account,
      String shop,
      String item,
      long ts,
      String device,
      String ip,
      String address,
      String payer) {
    String id = "o" + ++orders;
    events.add(
        new Order(
            id, account, shop, item, 1000, ts, 1, null, device, ip, address, payer, 0, null, null));
    return id;
  }

  /** An ordinary buyer's own order: own device, home IP, address and payment account. */
  private String own(String account, String shop, String item, long ts) {
    return order(
        account, shop, item, ts, "d-" + account, "ip-" + account, "a-" + account, "p-" + account);
  }

  private static String key(String entity, String id) {
    return entity + "/" + id;
  }

  /** A background of strangers shopping at random, so that no test runs on an empty market. */
  private void background(SplittableRandom rnd, int buyers, int ordersEach, long span) {
    for (int b = 0; b < buyers; b++) {
      for (int k = 0; k < ordersEach; k++) {
        own("bg" + b, "s" + rnd.nextInt(50), "i" + rnd.nextInt(400), T0 + rnd.nextLong(span));
      }
    }
  }

  @Test
  void ringWave_onePhoneRackOrdersOneItem_ordersAndAccountsFlagged() {
    SplittableRandom rnd = new SplittableRandom(1);
    background(rnd, 200, 3, 3 * DAY);
    List<String> wave = new ArrayList<>();
    for (int a = 0; a < 24; a++) {
      long t = T0 + DAY + 2 * HOUR + rnd.nextLong(4 * MIN);
      wave.add(
          order(
              "ring" + a,
              "s7",
              "i-target",
              t,
              "d-rack" + a % 4,
              "proxy" + a % 3,
              "a-ring" + a,
              "p-ring" + a % 3));
    }
    Map<String, String> flagged = new VelocityHarness().run(events).flagged();
    for (int a = 0; a < 24; a++) {
      assertThat(flagged).containsKey(key("order", wave.get(a)));
      assertThat(flagged).containsKey(key("account", "ring" + a));
    }
    assertThat(flagged.keySet()).noneMatch(k -> k.contains("bg"));
  }

  @Test
  void thinRing_twoAccountsAPhone_isOneLinkedCrowdOnItsTarget() {
    // ten phones, two accounts each, and every pair also shares a payment account with the next
    for (int a = 0; a < 20; a++) {
      order(
          "ring" + a,
          "s7",
          "i-target",
          T0 + a * 15_000L,
          "d-rack" + a / 2,
          "ip-ring" + a,
          "a-ring" + a,
          "p-ring" + (a + 1) / 2);
    }
    Map<String, String> flagged = new VelocityHarness().run(events).flagged();
    for (int a = 0; a < 20; a++) {
      assertThat(flagged).containsKey(key("account", "ring" + a));
    }
  }

  @Test
  void ringReviews_followTheWave() {
    List<String> reviews = new ArrayList<>();
    // four accounts a phone is too few for lockstep alone; the two payment accounts the ring
    // shares make it one linked crowd on its item
    for (int a = 0; a < 12; a++) {
      order(
          "ring" + a,
          "s7",
          "i-target",
          T0 + a * 20_000L,
          "d-rack" + a % 3,
          "proxy",
          "a" + a,
          "p-ring" + a % 2);
    }
    for (int a = 0; a < 12; a++) {
      String r = "r" + a;
      reviews.add(r);
      events.add(
          new Review(
              r,
              "ring" + a,
              "s7",
              5,
              T0 + 4 * DAY + a * 3 * MIN,
              "o" + (a + 1),
              "i-target",
              "好评",
              null,
              "d-rack" + a % 3,
              "proxy"));
      events.add(
          new Like(
              "ring" + (a + 1) % 12,
              r,
              T0 + 4 * DAY + a * 3 * MIN + 5 * MIN,
              "d-rack" + (a + 1) % 3,
              "proxy"));
    }
    Map<String, String> flagged = new VelocityHarness().run(events).flagged();
    for (int a = 0; a < 12; a++) {
      assertThat(flagged).containsKey(key("review", "r" + a));
    }
  }

  @Test
  void carrierNat_manyStrangersBehindOneIp_pass() {
    SplittableRandom rnd = new SplittableRandom(2);
    // 250 subscribers behind one address over a week, at a busy hour a flash sale draws
    // eight of the sixty active ones to one item within ten minutes
    for (int a = 0; a < 250; a++) {
      for (int k = 0; k < 4; k++) {
        order(
            "nat" + a,
            "s" + rnd.nextInt(80),
            "i" + rnd.nextInt(800),
            T0 + rnd.nextLong(7 * DAY),
            "d-nat" + a,
            "10.0.0.1",
            "a-nat" + a,
            "p-nat" + a);
      }
    }
    long sale = T0 + 3 * DAY;
    for (int a = 0; a < 60; a++) {
      String item = a < 8 ? "i-flash" : "i" + rnd.nextInt(800);
      order(
          "nat" + a,
          "s" + (a < 8 ? 1 : rnd.nextInt(80)),
          item,
          sale + rnd.nextLong(10 * MIN),
          "d-nat" + a,
          "10.0.0.1",
          "a-nat" + a,
          "p-nat" + a);
    }
    assertThat(new VelocityHarness().run(events).flagged()).isEmpty();
  }

  @Test
  void dorm_manyStudentsAtOneAddress_pass() {
    SplittableRandom rnd = new SplittableRandom(3);
    // 40 students, one building, one campus IP; they order the same cheap things at the same
    // times: five of them the same snack within ten minutes, every evening
    for (int day = 0; day < 7; day++) {
      long evening = T0 + day * DAY + 9 * HOUR;
      for (int a = 0; a < 40; a++) {
        boolean snack = (a + day) % 8 == 0;
        String item = snack ? "i-snack" : "i" + rnd.nextInt(300);
        long t = snack ? evening + rnd.nextLong(10 * MIN) : T0 + day * DAY + rnd.nextLong(DAY);
        if (snack || rnd.nextInt(3) == 0) {
          order(
              "st" + a,
              snack ? "s-snack" : "s" + rnd.nextInt(40),
              item,
              t,
              "d-st" + a,
              "campus",
              "dorm-3",
              "p-st" + a);
        }
      }
      for (int a = 0; a < 5; a++) {
        order(
            "st" + (a * 7 + day) % 40,
            "s-snack",
            "i-snack",
            evening + rnd.nextLong(10 * MIN),
            "d-st" + (a * 7 + day) % 40,
            "campus",
            "dorm-3",
            "p-st" + (a * 7 + day) % 40);
      }
    }
    assertThat(new VelocityHarness().run(events).flagged()).isEmpty();
  }

  @Test
  void familyTablet_fourAccountsOnOneDevice_pass() {
    SplittableRandom rnd = new SplittableRandom(4);
    // four accounts on one tablet, one address, two to three orders a day between them; on
    // two evenings two of them buy the same thing within minutes
    for (int day = 0; day < 14; day++) {
      for (int k = 0; k < 2 + rnd.nextInt(2); k++) {
        int member = rnd.nextInt(4);
        order(
            "fam" + member,
            "s" + rnd.nextInt(30),
            "i" + rnd.nextInt(200),
            T0 + day * DAY + rnd.nextLong(DAY),
            "d-tablet",
            "ip-home",
            "a-home",
            "p-fam" + member);
      }
    }
    for (int day : new int[] {3, 9}) {
      order("fam0", "s1", "i-same", T0 + day * DAY, "d-tablet", "ip-home", "a-home", "p-fam0");
      order(
          "fam1",
          "s1",
          "i-same",
          T0 + day * DAY + 4 * MIN,
          "d-tablet",
          "ip-home",
          "a-home",
          "p-fam1");
    }
    assertThat(new VelocityHarness().run(events).flagged()).isEmpty();
  }

  @Test
  void loyalReorderer_sameItemEveryFewDays_sometimesTwiceInAnHour_passes() {
    for (int k = 0; k < 8; k++) {
      long t = T0 + k * 3 * DAY;
      own("loyal", "s-milk", "i-formula", t);
      if (k % 3 == 0) {
        own("loyal", "s-milk", "i-bottle", t + 30 * MIN);
      }
    }
    assertThat(new VelocityHarness().run(events).flagged()).isEmpty();
  }

  @Test
  void likeFarm_crowdOnThreePhonesLikesOneReview_likesReviewOrderAndAuthorFlagged() {
    String o = own("hired", "s9", "i9", T0);
    events.add(
        new Review("r1", "hired", "s9", 5, T0 + 2 * DAY, o, "i9", "很好", null, "d-hired", "ip-h"));
    for (int a = 0; a < 20; a++) {
      events.add(
          new Like(
              "farm" + a, "r1", T0 + 2 * DAY + HOUR + a * MIN, "d-farm" + a % 3, "proxy" + a % 2));
    }
    Map<String, String> flagged = new VelocityHarness().run(events).flagged();
    assertThat(flagged).containsKeys(key("review", "r1"), key("order", o), key("account", "hired"));
    for (int a = 0; a < 20; a++) {
      assertThat(flagged).containsKey(key("like", "farm" + a + Like.SEPARATOR + "r1"));
    }
  }

  @Test
  void insiderCrew_burstsOnOnePhone_flagged_butNotTheCrewsOrderElsewhere() {
    SplittableRandom rnd = new SplittableRandom(5);
    List<String> burst = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      for (int k = 0; k < 8; k++) {
        burst.add(
            order(
                "crew" + b,
                "s-insider",
                "i" + rnd.nextInt(20),
                T0 + k * 15 * MIN + b * MIN,
                "d-crew",
                "ip-crew" + b,
                "a-crew" + b,
                "p-crew" + b));
      }
    }
    String elsewhere =
        order("crew0", "s-other", "i-other", T0 + HOUR, "d-crew", "ip-crew0", "a-crew0", "p-crew0");
    Map<String, String> flagged = new VelocityHarness().run(events).flagged();
    assertThat(flagged)
        .containsKeys(key("account", "crew0"), key("account", "crew1"), key("account", "crew2"));
    assertThat(burst.stream().filter(id -> flagged.containsKey(key("order", id))))
        .hasSizeGreaterThan(18);
    assertThat(flagged).doesNotContainKey(key("order", elsewhere));
  }

  @Test
  void quietTokens_holdNoStateOnceTheirWindowsPass() {
    SplittableRandom rnd = new SplittableRandom(6);
    background(rnd, 100, 2, DAY);
    VelocityHarness h = new VelocityHarness().run(events);
    assertThat(h.keysHeld()).isZero();
  }
}
