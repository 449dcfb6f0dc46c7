package io.brushguard.detect.spam;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Listing;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contacts in their disguises, the specimen page, and the shop's own official number. */
class ContactSpamTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long DAY = 86_400_000L;
  private final StageFlow flow = new StageFlow(List.of(new ContactSpam(30 * DAY)));
  private int n;

  private static List<Contacts.Contact> contacts(String text) {
    return Contacts.in(text).contacts();
  }

  @Test
  void contacts_disguisedNumbers_readAsOneNumber() {
    for (String text :
        List.of(
            "售后电话4OO-8O8-1234点击咨询",
            "打 4 0 0 8 0 8 1 2 3 4 就行",
            "热线４００-８０８-１２３４",
            "四零零·八零八·一二三四",
            "400.808.1234",
            "400☎808☎1234",
            "400*808*1234")) {
      assertThat(contacts(text))
          .as(text)
          .extracting(Contacts.Contact::value)
          .containsExactly("4008081234");
    }
    assertThat(contacts("4008081234").get(0).disguised()).isFalse();
    assertThat(contacts("4OO8O81234").get(0).disguised()).isTrue();
    assertThat(contacts("手机 138 1234 5678").get(0).kind()).isEqualTo(Contacts.Kind.MOBILE);
  }

  @Test
  void contacts_idsAndLinks_found() {
    assertThat(contacts("加V：kf175003，比这里便宜"))
        .extracting(Contacts.Contact::kind)
        .containsExactly(Contacts.Kind.WECHAT);
    assertThat(contacts("薇信 sh88123 领券"))
        .extracting(Contacts.Contact::value)
        .containsExactly("sh88123");
    assertThat(contacts("加扣扣786447468"))
        .extracting(Contacts.Contact::kind)
        .containsExactly(Contacts.Kind.QQ);
    assertThat(contacts("看这里 www.kefu298.cn 包邮"))
        .extracting(Contacts.Contact::kind)
        .containsExactly(Contacts.Kind.URL);
    assertThat(contacts("戳 t.cn/A6x9kQ 领取"))
        .extracting(Contacts.Contact::kind)
        .containsExactly(Contacts.Kind.URL);
  }

  @Test
  void contacts_numbersThatAreNoContact_ignored() {
    for (String text :
        List.of(
            "iPhone 15 Pro 256G，用了12天",
            "160/84A 穿着刚好，才39.9元",
            "2025-03-01 下单，2025-03-04 收到",
            "订单号 2025030112345678 已确认收货",
            "(1)第一次买，一共三个",
            "")) {
      assertThat(contacts(text)).as(text).isEmpty();
    }
    assertThat(Contacts.in(null).isEmpty()).isTrue();
    assertThat(Contacts.in("😀😀😀").isEmpty()).isTrue();
    assertThat(Contacts.in("4".repeat(100_000)).contacts()).isEmpty();
  }

  @Test
  void specimen_asListing_isFlaggedWithItsShop() throws IOException {
    String specimen;
    try (InputStream in = getClass().getResourceAsStream("/spam/specimen.txt")) {
      specimen = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Contacts.Found f = Contacts.in(specimen);
    assertThat(f.contacts()).extracting(Contacts.Contact::value).contains("4001865909");
    assertThat(f.places()).isGreaterThan(ContactSpam.PLACES);
    flow.feed(new Listing("l1", "s9", specimen, T0, null, "润虎保险柜售后"));
    assertThat(flow.strongest(EntityKind.LISTING)).containsKey("l1");
    assertThat(flow.strongest(EntityKind.SHOP)).containsKey("s9");
  }

  @Test
  void review_withHotline_flagsReviewAndAccount() {
    flow.feed(review("东西还行，修热水器打 4 0 0 - 8 0 8 - 1 2 3 4 点击咨询"));
    assertThat(flow.strongest(EntityKind.REVIEW)).containsEntry("r1", ContactSpam.STRONG);
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsKey("u1");
    assertThat(flow.strongest(EntityKind.SHOP)).isEmpty();
  }

  @Test
  void review_orderPhraseWithoutContact_passes() {
    flow.feed(review("订单号已经确认了，客服说三天内发货，联系客服很快回复"));
    flow.feed(review("iPhone 15 Pro 256G 的壳，尺寸刚好"));
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void listing_withMerchantsRegisteredNumber_passes() {
    flow.feed(
        new Account("m1", T0 - DAY, Account.Role.MERCHANT, "s1", "400-808-1234", null, null, null));
    flow.feed(new Listing("l1", "s1", "官方客服热线 400-808-1234，7天无理由退换", T0, null, "保温杯"));
    assertThat(flow.signals).isEmpty();
    flow.feed(new Listing("l2", "s1", "官方客服热线 400-999-1234 点击咨询", T0 + 1, null, "保温杯"));
    assertThat(flow.strongest(EntityKind.LISTING)).containsKey("l2");
  }

  @Test
  void listing_numberShownForAMonthWithoutStuffing_isTheShopsOwn() {
    String text = "售后服务热线 400-555-6666，质保一年";
    flow.feed(new Listing("l1", "s2", text, T0, null, "热水器"));
    assertThat(flow.signals).isEmpty(); // no call to action, no stuffing: a plain service line
    flow.feed(new Listing("l2", "s2", text, T0 + 15 * DAY, null, "热水器"));
    flow.feed(new Listing("l3", "s2", text + "，点击咨询", T0 + 31 * DAY, null, "热水器"));
    assertThat(flow.signals).isEmpty();
  }

  private Review review(String text) {
    n++;
    return new Review("r" + n, "u" + n, "s1", 5, T0 + n, null, "i1", text, null, null, null);
  }
}
