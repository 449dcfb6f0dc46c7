package io.brushguard.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** Near-identical reviews at one shop, and a phrase everyone writes. */
class TemplateTextTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;
  private final StageFlow flow = new StageFlow(TemplateText.stages(30 * DAY));
  private int n;
  private long last;

  @Test
  void shingles_noiseAndWidthFolded() {
    assertThat(Shingles.of("超超赞！！物美价廉👍，五星好评")).containsExactly(Shingles.of("超赞,物美价廉 五星好评"));
    assertThat(Shingles.of("ＧＲＥＡＴ product")).containsExactly(Shingles.of("great product"));
    assertThat(Shingles.of("😀😀")).isEmpty();
    assertThat(Shingles.of(null)).isEmpty();
    assertThat(Shingles.of("好".repeat(1_000_000))).hasSize(1);
  }

  @Test
  void campaign_atOneShop_flagsReviewsAndAccounts() {
    warmUp();
    for (int k = 0; k < 8; k++) {
      feed(
          "s1", "a" + k, k % 3 == 0 ? "超赞，物美价廉，五星好评👍" : "超赞,物美价廉，五星好评！！", T0 + 2 * DAY + k * HOUR);
    }
    assertThat(strongest(EntityKind.REVIEW)).hasSizeGreaterThanOrEqualTo(7);
    assertThat(strongest(EntityKind.ACCOUNT)).containsKey("a1");
    assertThat(strongest(EntityKind.SHOP)).isEmpty();
  }

  @Test
  void campaign_thatIsMostOfItsShopsReviews_isAsStrongAsOneByNewAccounts() {
    warmUp();
    campaign("s1", "a", 8, T0 + 2 * DAY, k -> 5);

    assertThat(strongest(EntityKind.REVIEW))
        .hasSize(8)
        .allSatisfy(
            (id, strength) -> assertThat(strength).isEqualTo(TemplateText.DOMINANT_STRENGTH));
  }

  @Test
  void smallCampaign_thatIsMostOfItsShopsReviews_isCaught_fromFiveAccounts() {
    warmUp();
    campaign("s1", "a", TemplateText.MIN_ACCOUNTS_DOMINANT - 1, T0 + 2 * DAY, k -> 5);
    assertThat(strongest(EntityKind.REVIEW)).isEmpty();

    campaign("s2", "b", TemplateText.MIN_ACCOUNTS_DOMINANT, T0 + 3 * DAY, k -> 5);
    assertThat(strongest(EntityKind.REVIEW))
        .hasSize(TemplateText.MIN_ACCOUNTS_DOMINANT)
        .allSatisfy(
            (id, strength) -> assertThat(strength).isEqualTo(TemplateText.DOMINANT_STRENGTH));
    assertThat(TemplateText.MIN_ACCOUNTS_DOMINANT).isLessThan(TemplateText.MIN_ACCOUNTS_AGED);
  }

  @Test
  void campaign_whoseWorkersSwapWords_dominatesByItsLinkedReviews() {
    warmUp();
    // three wordings of one template, three accounts each: none pasted by five accounts, and the
    // first and the last alike only through the middle one (estimated similarities 0.42 and 0.58)
    String[] wordings = {"超赞，性价比超高，五星好评", "超赞，物美价廉，必须五星好评", "太赞了，物美价廉，必须五星"};
    for (int k = 0; k < 9; k++) {
      feed("s1", "a" + k, wordings[k % 3], T0 + 2 * DAY + k * HOUR);
    }

    assertThat(strongest(EntityKind.REVIEW))
        .hasSize(9)
        .allSatisfy(
            (id, strength) -> assertThat(strength).isEqualTo(TemplateText.DOMINANT_STRENGTH));
  }

  @Test
  void campaign_amidManyOtherReviewsOfItsShop_staysAsStrongAsAgedAccountsMake() {
    warmUp();
    Random random = new Random(7);
    for (int k = 0; k < 20; k++) {
      feed("s1", "g" + k, distinctText(random), T0 + 2 * DAY + k * HOUR / 3);
    }
    campaign("s1", "a", 8, T0 + 2 * DAY, k -> 5);

    assertThat(strongest(EntityKind.REVIEW))
        .hasSize(8)
        .allSatisfy((id, strength) -> assertThat(strength).isEqualTo(TemplateText.strength(8, 0)));
    assertThat(TemplateText.strength(8, 0)).isLessThan(TemplateText.DOMINANT_STRENGTH);
  }

  @Test
  void campaign_withMixedRatings_isNotRaised() {
    warmUp();
    campaign("s1", "a", 8, T0 + 2 * DAY, k -> k % 2 == 0 ? 5 : 4);

    assertThat(strongest(EntityKind.REVIEW))
        .hasSize(8)
        .allSatisfy((id, strength) -> assertThat(strength).isEqualTo(TemplateText.strength(8, 0)));
  }

  @Test
  void campaign_sameTemplateAtOtherShopsAtOnce_doesNotHideThisOne() {
    warmUp();
    // a review service runs one template at six shops at once: each shop's lump is a campaign
    List<String> atS1 = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      for (int shop = 1; shop <= 6; shop++) {
        feed(
            "s" + shop,
            "b" + shop + "-" + k,
            5,
            k % 3 == 0 ? "超赞，物美价廉，五星好评👍" : "超赞,物美价廉，五星好评！！",
            T0 + 2 * DAY + k * HOUR + shop * 60_000L);
        if (shop == 1) {
          atS1.add("r" + n);
        }
      }
    }

    assertThat(strongest(EntityKind.REVIEW)).containsKeys(atS1.toArray(String[]::new));
  }

  @Test
  void campaign_whileItsTemplateFloodsTheIndexAtOtherShops_isFoundAtItsOwnShop() {
    warmUp();
    // other gangs paste the same template at five shops, ten reviews between two of this
    // campaign's,
    // and two more reviews of it fall at shops of their own: the global index's buckets hold only
    // theirs, so the shop finds its pairs among its own reviews, and the lumps elsewhere are other
    // campaigns, not the population writing it
    List<String> atS1 = new ArrayList<>();
    int accounts = TemplateText.MIN_ACCOUNTS_DOMINANT;
    for (int k = 0; k < accounts; k++) {
      long t = T0 + 2 * DAY + k * HOUR;
      for (int j = 0; j < 12; j++) {
        String shop = j < 10 ? "s" + (2 + j % 5) : "s" + (100 + 2 * k + j);
        feed(shop, "f" + k + "-" + j, template(k + j), t + (j + 1) * 60_000L);
      }
      feed("s1", "a" + k, template(k), t + 20 * 60_000L);
      atS1.add("r" + n);
    }

    assertThat(strongest(EntityKind.REVIEW))
        .containsKeys(atS1.toArray(String[]::new))
        .allSatisfy(
            (id, strength) -> assertThat(strength).isEqualTo(TemplateText.DOMINANT_STRENGTH));
  }

  @Test
  void cluster_atABusyShop_whoseTextOtherShopsHaveInLumps_passes() {
    warmUp();
    // as the crowd of a popular item writes alike at several shops: lumps elsewhere, and here the
    // cluster is a minority of what the shop hears
    Random random = new Random(11);
    List<String> atS1 = new ArrayList<>();
    for (int k = 0; k < TemplateText.MIN_ACCOUNTS_AGED; k++) {
      long t = T0 + 2 * DAY + k * HOUR;
      for (int j = 0; j < 12; j++) {
        String shop = j < 10 ? "s" + (2 + j % 5) : "s" + (100 + 2 * k + j);
        feed(shop, "f" + k + "-" + j, template(k + j), t + (j + 1) * 60_000L);
      }
      for (int j = 0; j < 3; j++) {
        feed("s1", "g" + k + "-" + j, distinctText(random), t + (30 + j) * 60_000L);
      }
      feed("s1", "a" + k, template(k), t + 40 * 60_000L);
      atS1.add("r" + n);
    }

    assertThat(strongest(EntityKind.REVIEW)).doesNotContainKeys(atS1.toArray(String[]::new));
  }

  @Test
  void dominantCluster_ofAPhraseTheWholePopulationWrites_passes() {
    warmUp();
    // the population writes the phrase all the time, a review per shop, between this shop's eight
    for (int k = 0; k < 8; k++) {
      long t = T0 + 2 * DAY + k * HOUR;
      for (int j = 0; j < 6; j++) {
        feed("s" + (10 + 6 * k + j), "p" + k + "-" + j, template(k + j), t + (j + 1) * 60_000L);
      }
      feed("s1", "a" + k, template(k), t + 20 * 60_000L);
    }

    assertThat(strongest(EntityKind.REVIEW)).isEmpty();
  }

  @Test
  void commonPhrase_acrossShops_passes() {
    warmUp();
    for (int k = 0; k < 60; k++) {
      feed("s" + (k % 30), "b" + k, "此用户未填写评价，系统默认好评", T0 + 2 * DAY + k * HOUR);
    }
    assertThat(signals()).isEmpty();
  }

  @Test
  void shortText_notIndexed() {
    warmUp();
    for (int k = 0; k < 10; k++) {
      feed("s1", "c" + k, "好评", T0 + 2 * DAY + k * HOUR);
    }
    assertThat(signals()).isEmpty();
  }

  /** Accounts {@code prefix0..} paste one template at the shop, an hour apart. */
  private void campaign(
      String shop, String prefix, int accounts, long from, IntUnaryOperator stars) {
    for (int k = 0; k < accounts; k++) {
      feed(shop, prefix + k, stars.applyAsInt(k), template(k), from + k * HOUR);
    }
  }

  /** One campaign template, pasted with a little noise. */
  private static String template(int k) {
    return k % 3 == 0 ? "超赞，物美价廉，五星好评👍" : "超赞,物美价廉，五星好评！！";
  }

  private static String distinctText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      text.append((char) (0x4e00 + random.nextInt(8000)));
    }
    return text.toString();
  }

  private void warmUp() {
    feed("s0", "w", "第一次在这家买，颜色比图片好看，会回购的", T0);
  }

  private void feed(String shop, String account, String text, long t) {
    feed(shop, account, 5, text, t);
  }

  /** The strongest signals per entity once the last review is judged (a millisecond after it). */
  private Map<String, Double> strongest(EntityKind kind) {
    return flow.advanceTo(last + 2).strongest(kind);
  }

  private List<Signal> signals() {
    return flow.advanceTo(last + 2).signals;
  }

  private void feed(String shop, String account, int stars, String text, long t) {
    n++;
    last = Math.max(last, t);
    flow.feed(
        new Review("r" + n, account, shop, stars, t, null, "i1", text, List.of(), null, null));
  }
}
