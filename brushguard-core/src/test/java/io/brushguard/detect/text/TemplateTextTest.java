package io.brushguard.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near-identical reviews at one shop, and a phrase everyone writes. */
class TemplateTextTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;
  private final StageFlow flow = new StageFlow(TemplateText.stages(30 * DAY));
  private int n;

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
    assertThat(flow.strongest(EntityKind.REVIEW)).hasSizeGreaterThanOrEqualTo(7);
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsKey("a1");
    assertThat(flow.strongest(EntityKind.SHOP)).isEmpty();
  }

  @Test
  void commonPhrase_acrossShops_passes() {
    warmUp();
    for (int k = 0; k < 60; k++) {
      feed("s" + (k % 30), "b" + k, "此用户未填写评价，系统默认好评", T0 + 2 * DAY + k * HOUR);
    }
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void shortText_notIndexed() {
    warmUp();
    for (int k = 0; k < 10; k++) {
      feed("s1", "c" + k, "好评", T0 + 2 * DAY + k * HOUR);
    }
    assertThat(flow.signals).isEmpty();
  }

  private void warmUp() {
    feed("s0", "w", "第一次在这家买，颜色比图片好看，会回购的", T0);
  }

  private void feed(String shop, String account, String text, long t) {
    n++;
    flow.feed(new Review("r" + n, account, shop, 5, t, null, "i1", text, List.of(), null, null));
  }
}
