package io.brushguard.detect.likes;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Like;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Likes on one review from accounts that share phones, and likes from strangers. */
class LikeFarmTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;

  private final StageFlow flow = new StageFlow(Likes.stages());

  private void review(String id, String author, String shop, String device, long at) {
    flow.feed(new Review(id, author, shop, 5, at, "o-" + id, "i1", "good", null, device, null));
  }

  private void like(String account, String review, String device, long at) {
    flow.feed(new Like(account, review, at, device, "10.0.0.1"));
  }

  private static String key(String account, String review) {
    return new Like(account, review, 0, null, null).key();
  }

  @Test
  void farmOnThreePhones_flagsItsLikesAccountsAndReview() {
    review("r1", "author", "s1", "d-author", T0);
    for (int k = 0; k < 12; k++) {
      like("f" + k, "r1", "farm" + k % 3, T0 + 3 * HOUR + k * 2 * MINUTE);
    }
    flow.finish();
    assertThat(flow.strongest(EntityKind.LIKE)).hasSize(12);
    assertThat(flow.strongest(EntityKind.LIKE).get(key("f0", "r1")))
        .isEqualTo(
            LikeBursts.BASE + 7 * LikeBursts.STEP, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsKeys("f0", "f11", "author");
    assertThat(flow.strongest(EntityKind.REVIEW)).containsKey("r1");
    assertThat(flow.strongest(EntityKind.ORDER)).containsKey("o-r1");
    assertThat(flow.strongest(EntityKind.ACCOUNT).get("author")).isLessThanOrEqualTo(0.7);
  }

  @Test
  void strangersOnTheirOwnPhones_inABurst_areNotAFarm() {
    review("r1", "author", "s1", "d-author", T0);
    for (int k = 0; k < 40; k++) {
      like("u" + k, "r1", "own" + k, T0 + HOUR + k * MINUTE);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void twoFamilyTablets_belowTheThreshold() {
    review("r1", "author", "s1", "d-author", T0);
    like("a1", "r1", "tablet1", T0 + HOUR);
    like("a2", "r1", "tablet1", T0 + HOUR + MINUTE);
    like("b1", "r1", "tablet2", T0 + HOUR + 2 * MINUTE);
    like("b2", "r1", "tablet2", T0 + HOUR + 3 * MINUTE);
    for (int k = 0; k < 10; k++) {
      like("u" + k, "r1", "own" + k, T0 + HOUR + k * MINUTE);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void sharedPhonesSpreadOverDays_areNotABurst() {
    review("r1", "author", "s1", "d-author", T0);
    for (int k = 0; k < 12; k++) {
      like("f" + k, "r1", "farm" + k % 2, T0 + k * 2 * HOUR);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void likerOnTheAuthorsPhone_isLinked() {
    review("r1", "author", "s1", "d-author", T0);
    for (int k = 0; k < 5; k++) {
      like("p" + k, "r1", "d-author", T0 + 10 * MINUTE + k * MINUTE);
    }
    assertThat(flow.strongest(EntityKind.LIKE)).hasSize(5);
  }

  @Test
  void repeatedLike_countsOnce_andTheAuthorsOwnLikeNotAtAll() {
    review("r1", "author", "s1", "d1", T0);
    like("author", "r1", "d1", T0 + MINUTE);
    for (int k = 0; k < 8; k++) {
      like("f1", "r1", "d1", T0 + 2 * MINUTE + k);
      like("f2", "r1", "d1", T0 + 3 * MINUTE + k);
    }
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void likesBeforeTheirReview_stillCount() {
    for (int k = 0; k < 6; k++) {
      like("f" + k, "r9", "farm", T0 + k * MINUTE);
    }
    assertThat(flow.strongest(EntityKind.LIKE)).hasSize(6);
    assertThat(flow.strongest(EntityKind.REVIEW)).containsKey("r9");
  }

  @Test
  void likerOnAFarmsIp_joinsTheFarm_butAnIpAloneLinksNoOne() {
    review("r1", "author", "s1", "d-author", T0);
    for (int k = 0; k < 5; k++) {
      flow.feed(new Like("f" + k, "r1", T0 + k * MINUTE, "farm" + k % 2, "1.2.3." + k % 2));
    }
    flow.feed(new Like("lone", "r1", T0 + 6 * MINUTE, "own-lone", "1.2.3.1"));
    assertThat(flow.strongest(EntityKind.LIKE)).containsKey(key("lone", "r1")).hasSize(6);

    review("r2", "author", "s1", "d-author", T0);
    for (int k = 0; k < 12; k++) {
      flow.feed(new Like("n" + k, "r2", T0 + k * MINUTE, "own" + k, "100.64.0.1"));
    }
    assertThat(flow.strongest(EntityKind.LIKE)).doesNotContainKey(key("n0", "r2"));
  }

  @Test
  void likesWithoutDevice_neverLink() {
    review("r1", "author", "s1", null, T0);
    for (int k = 0; k < 20; k++) {
      like("u" + k, "r1", null, T0 + k * MINUTE);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void reviewAndLikesAreForgotten() {
    review("r1", "author", "s1", "d1", T0);
    like("u1", "r1", "d2", T0 + MINUTE);
    flow.finish();
    assertThat(flow.keys(0)).isZero();
    assertThat(flow.keys(1)).isZero();
  }

  @Test
  void ringReviewingOneShopAndLikingEachOther_isFlaggedByTheRingStage() {
    List<String> ring = List.of("g1", "g2", "g3", "g4");
    for (int i = 0; i < ring.size(); i++) {
      review("rg" + i, ring.get(i), "s3", "own-" + i, T0 + i * 5 * MINUTE);
    }
    for (int i = 0; i < ring.size(); i++) {
      String liker = ring.get((i + 1) % ring.size());
      like(liker, "rg" + i, "own-" + ((i + 1) % ring.size()), T0 + HOUR + i * MINUTE);
    }
    flow.finish();
    assertThat(flow.strongest(EntityKind.LIKE)).hasSize(4);
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsOnlyKeys(ring);
    assertThat(flow.strongest(EntityKind.REVIEW)).hasSize(4);
  }

  @Test
  void readersLikingFreshReviews_areNotARing() {
    for (int i = 0; i < 6; i++) {
      review("r" + i, "author" + i, "s3", "own-a" + i, T0 + i * MINUTE);
      like("reader" + i, "r" + i, "own-r" + i, T0 + 10 * MINUTE + i);
      like("reader" + (i + 1), "r" + i, "own-r" + (i + 1), T0 + 11 * MINUTE + i);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void ringLikesLongAfterTheReviews_areNotQuick() {
    List<String> ring = List.of("g1", "g2", "g3", "g4");
    for (int i = 0; i < ring.size(); i++) {
      review("rg" + i, ring.get(i), "s3", "own-" + i, T0);
    }
    for (int i = 0; i < ring.size(); i++) {
      like(ring.get((i + 1) % ring.size()), "rg" + i, "own-x" + i, T0 + 5 * HOUR);
    }
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void ringWhoseFirstLikesExpired_firesOnlyWhenThreeAreMutualWithinOneWeek() {
    long day = 24 * HOUR;
    review("rg1a", "g1", "s3", "own-1", T0);
    review("rg2a", "g2", "s3", "own-2", T0);
    like("g1", "rg2a", "own-1", T0 + HOUR);
    like("g2", "rg1a", "own-2", T0 + HOUR); // two mutual accounts: not yet a ring
    long later = T0 + 8 * day; // the first likes have left the window
    review("rg3", "g3", "s3", "own-3", later);
    review("rg2b", "g2", "s3", "own-2", later);
    review("rg1b", "g1", "s3", "own-1", later);
    like("g2", "rg3", "own-2", later + HOUR);
    like("g3", "rg2b", "own-3", later + HOUR);
    like("g1", "rg3", "own-1", later + HOUR + MINUTE);
    like("g3", "rg1b", "own-3", later + HOUR + 2 * MINUTE); // g1 is mutual again: three
    flow.finish();
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsOnlyKeys("g1", "g2", "g3");
    assertThat(flow.strongest(EntityKind.LIKE))
        .containsOnlyKeys(key("g2", "rg3"), key("g3", "rg2b"), key("g1", "rg3"), key("g3", "rg1b"));
  }
}
