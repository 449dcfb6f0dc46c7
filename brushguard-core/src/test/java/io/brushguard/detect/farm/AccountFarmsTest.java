package io.brushguard.detect.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Farms of accounts found at registration. */
class AccountFarmsTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final StageFlow flow = new StageFlow(List.of(AccountFarms.standard()));

  private void register(
      String id, long t, String phone, String identity, String device, String ip) {
    flow.feed(new Account(id, t, Account.Role.BUYER, null, phone, identity, device, ip));
  }

  /** {@code n} accounts in an hour on 3 devices, 2 identities, sequential phones, 4 proxies. */
  private void farm(String prefix, int n, long start) {
    farm(prefix, prefix, n, start);
  }

  private void farm(String prefix, String tools, int n, long start) {
    for (int k = 0; k < n; k++) {
      register(
          prefix + k,
          start + k * HOUR / n,
          Long.toString(17_012_345_600L + k),
          tools + "-id" + k % 2,
          tools + "-dev" + k % 3,
          "10.0.0." + k % 4);
    }
  }

  @Test
  void farmOnFewDevicesAndIdentities_withSequentialPhones_flagsEveryAccountWithItsEvidence() {
    farm("u", 30, T0);

    var flagged = flow.strongest(EntityKind.ACCOUNT);
    assertThat(flagged).hasSize(30).containsEntry("u0", AccountFarms.MORE_KINDS);
    assertThat(flow.signals.get(flow.signals.size() - 1).detail())
        .contains("farm F-u0", "30 accounts", "on 3 devices", "on 2 identities", "on 4 IPs");
  }

  @Test
  void signupDrive_ownPhonesAndIdentities_behindOneVenueIpWithSequentialSims_isNoFarm() {
    for (int k = 0; k < 80; k++) {
      register(
          "s" + k,
          T0 + k * MINUTE,
          Long.toString(18_600_000_000L + k),
          "id" + k,
          "dev" + k,
          "192.168.1.1");
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT)).isEmpty();
  }

  @Test
  void carrierNatThroughTheWeek_tiesNothing_soAFamilyOnItStaysAFamily() {
    for (int k = 0; k < 60; k++) { // strangers register through the NAT all week
      register("n" + k, T0 + k * 2 * HOUR, null, "nid" + k, "ndev" + k, "100.64.0.1");
    }
    // a farm-like burst through the NAT, but each on its own device and identity
    for (int k = 0; k < 10; k++) {
      register("b" + k, T0 + 5 * DAY + k * MINUTE, null, "bid" + k, "bdev" + k % 2, "100.64.0.1");
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT)).isEmpty();
  }

  @Test
  void smallGroupOnOneDevice_aFamily_isNoFarm() {
    for (int k = 0; k < 4; k++) {
      register("f" + k, T0 + k * MINUTE, "1380000" + (1000 + k * 37), "fid", "tablet", "1.2.3.4");
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT)).isEmpty();
  }

  @Test
  void theSameRackTenDaysLater_isANewFarm_theExpiredOneBridgesNothing() {
    farm("a", "rack", 12, T0);
    farm("b", "rack", 12, T0 + 10 * DAY);
    var origins = flow.signals.stream().map(s -> s.origin()).distinct().sorted().toList();
    assertThat(origins).containsExactly("account-farms/F-a0", "account-farms/F-b0");
  }

  @Test
  void badPhones_emojiOrShort_areIgnored_notFatal() {
    assertThat(AccountFarms.phoneBlock("📱📱")).isNull();
    assertThat(AccountFarms.phoneBlock("12345")).isNull();
    assertThat(AccountFarms.phoneBlock("+86 170-1234-5678")).isEqualTo("86170123456");
    register("x", T0, "📱", "", null, "");
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void badSettings_areRefused() {
    assertThatThrownBy(() -> new AccountFarms(HOUR, DAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccountFarms(DAY, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
