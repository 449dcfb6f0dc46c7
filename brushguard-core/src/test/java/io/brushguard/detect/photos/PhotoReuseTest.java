package io.brushguard.detect.photos;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Near-identical review photos across accounts, and the reuse that is not evidence. */
class PhotoReuseTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final String PHOTO = "9f3a5c7e1b2d4f60";

  private final StageFlow flow = new StageFlow(Photos.stages());
  private int n;

  private String review(String account, long at, String... images) {
    String id = "r" + ++n;
    flow.feed(
        new Review(id, account, "s1", 5, at, "o" + id, "i1", "好", List.of(images), null, null));
    return id;
  }

  private static String flip(String hex, int... bits) {
    long h = Long.parseUnsignedLong(hex, 16);
    for (int b : bits) {
      h ^= 1L << b;
    }
    String s = Long.toHexString(h);
    return "0".repeat(16 - s.length()) + s;
  }

  @Test
  void campaignPhotoOnThreeAccountsWithinDays_isSignalledOnAllThree() {
    String a = review("u1", T0, PHOTO);
    String b = review("u2", T0 + DAY, flip(PHOTO, 3, 17, 40));
    String c = review("u3", T0 + 2 * DAY, flip(PHOTO, 0, 1, 2, 9));
    flow.finish();
    assertThat(flow.strongest(EntityKind.REVIEW)).containsOnlyKeys(a, b, c);
    assertThat(flow.strongest(EntityKind.REVIEW).get(c)).isEqualTo(PhotoReuse.CAMPAIGN);
    assertThat(flow.strongest(EntityKind.REVIEW).values()).allMatch(v -> v < 0.5);
  }

  @Test
  void eightBitsApart_isAnotherPhoto() {
    review("u1", T0, PHOTO);
    review("u2", T0 + HOUR, flip(PHOTO, 0, 8, 16, 24, 32, 40, 48, 56));
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void ownPhotoOnTwoOwnReviews_isNotReuse() {
    review("u1", T0, PHOTO);
    review("u1", T0 + DAY, flip(PHOTO, 5));
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void twoAccountsWithinAWeek_isOnlyAPair() {
    String a = review("u1", T0, PHOTO);
    String b = review("u2", T0 + 3 * DAY, flip(PHOTO, 7, 8, 9, 10, 11, 12, 13));
    flow.finish();
    assertThat(flow.strongest(EntityKind.REVIEW)).containsOnlyKeys(a, b);
    assertThat(flow.strongest(EntityKind.REVIEW).get(a)).isEqualTo(PhotoReuse.PAIR);
  }

  @Test
  void photoWithAHistory_isAStockPhoto() {
    review("u1", T0, PHOTO);
    review("u2", T0 + 20 * DAY, PHOTO);
    review("u3", T0 + 20 * DAY + HOUR, PHOTO);
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void photoOlderThanTheIndexKeeps_isForgotten() {
    review("u1", T0, PHOTO);
    review("u2", T0 + 61 * DAY, PHOTO);
    flow.finish();
    assertThat(flow.signals).isEmpty();
    assertThat(flow.keys(1)).isZero();
  }

  @Test
  void badHashes_areSkippedAndCounted() {
    PhotoBands bands = (PhotoBands) Photos.stages().get(0);
    StageFlow one = new StageFlow(List.of(bands, new PhotoIndex(), new PhotoReuse()));
    List<String> images =
        new ArrayList<>(List.of("", "xyz", "0000000000000000", "12345678901234567"));
    for (int i = 0; i < 20; i++) {
      images.add(PHOTO);
    }
    one.feed(new Review("r1", "u1", "s1", 5, T0, null, null, null, images, null, null));
    assertThat(bands.invalid()).isEqualTo(4);
    assertThat(bands.capped()).isEqualTo(images.size() - PhotoBands.MAX_IMAGES);
    assertThat(one.facts).hasSize(PhotoHashes.BANDS);
  }

  /** Every pair within the distance is found, by a brute-force oracle over random near copies. */
  @Test
  void index_findsEveryNearPair_asBruteForceDoes() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<Long> hashes = new ArrayList<>();
    StageFlow f = new StageFlow(List.of(new PhotoBands(), new PhotoIndex()));
    for (int i = 0; i < 300; i++) {
      long h =
          i < 20 || rnd.nextInt(3) == 0
              ? rnd.nextLong()
              : hashes.get(rnd.nextInt(hashes.size())) ^ randomBits(rnd, rnd.nextInt(10));
      hashes.add(h);
      String hex = Long.toHexString(h);
      f.feed(
          new Review(
              "r" + i,
              "u" + i,
              "s1",
              5,
              T0 + i * HOUR,
              null,
              null,
              null,
              List.of("0".repeat(16 - hex.length()) + hex),
              null,
              null));
    }
    long expected = 0;
    for (int i = 0; i < hashes.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (Long.bitCount(hashes.get(i) ^ hashes.get(j)) <= PhotoHashes.MAX_DISTANCE
            && hashes.get(i) != 0) {
          expected++;
        }
      }
    }
    long found = f.facts.stream().filter(x -> x instanceof PhotoMatch).count();
    assertThat(expected).isGreaterThan(50);
    assertThat(found).isEqualTo(expected);
  }

  private static long randomBits(SplittableRandom rnd, int k) {
    long m = 0;
    for (int i = 0; i < k; i++) {
      m |= 1L << rnd.nextInt(64);
    }
    return m;
  }
}
