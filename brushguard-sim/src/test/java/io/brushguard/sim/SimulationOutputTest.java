package io.brushguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.EventWriter;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a simulation writes: determinism, the contract, time order, labels against events. */
class SimulationOutputTest {
  private final SmallMarket market = SmallMarket.get();

  @Test
  void sameSeed_givesByteIdenticalFiles_plainAndGzip(@TempDir Path dir) throws Exception {
    SimulationSpec spec = SimulationSpec.of(3, 50_000);
    for (boolean gzip : new boolean[] {false, true}) {
      Path a = dir.resolve("a" + gzip);
      Path b = dir.resolve("b" + gzip);
      SimulationFiles.write(spec, a, gzip);
      SimulationFiles.write(spec, b, gzip);
      for (String file :
          List.of(SimulationFiles.eventsFileName(gzip), "labels.jsonl", "plan.json", "README.md")) {
        assertThat(Files.readAllBytes(a.resolve(file)))
            .as(file)
            .isEqualTo(Files.readAllBytes(b.resolve(file)));
      }
    }
  }

  @Test
  void eventsFile_holdsTheEventsOfADirectRun_lineForLine(@TempDir Path dir) throws Exception {
    SimulationSpec spec = SimulationSpec.of(11, 50_000);
    List<String> direct = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    MarketSimulator.run(
        spec,
        new SimulationOutput() {
          @Override
          public void event(Event event) {
            direct.add(EventWriter.toLine(event));
          }

          @Override
          public void label(Truth truth) {
            labels.add(truth.toJson());
          }
        });
    SimulationFiles.write(spec, dir, false);

    assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).isEqualTo(direct);
    assertThat(Files.readAllLines(dir.resolve("labels.jsonl"))).isEqualTo(labels);
  }

  @Test
  void differentSeed_givesDifferentEvents(@TempDir Path dir) throws Exception {
    SimulationFiles.write(SimulationSpec.of(3, 50_000), dir.resolve("a"), false);
    SimulationFiles.write(SimulationSpec.of(4, 50_000), dir.resolve("b"), false);

    assertThat(Files.readAllBytes(dir.resolve("a/events.jsonl")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("b/events.jsonl")));
  }

  @Test
  void eventsFile_isReadWholeByTheScanReader_plainAndGzip(@TempDir Path dir) throws Exception {
    for (boolean gzip : new boolean[] {false, true}) {
      Plan plan = SimulationFiles.write(SimulationSpec.of(5, 50_000), dir, gzip);
      List<Reject> rejects = new ArrayList<>();
      long[] accepted = {0};
      try (InputStream in = EventReader.open(dir.resolve(SimulationFiles.eventsFileName(gzip)))) {
        new EventReader()
            .read(
                in,
                new EventReader.Sink() {
                  @Override
                  public void accept(Event event, long line) {
                    accepted[0]++;
                  }

                  @Override
                  public void reject(Reject reject) {
                    rejects.add(reject);
                  }
                });
      }
      assertThat(rejects).isEmpty();
      assertThat(accepted[0]).isEqualTo(plan.events());
      assertThat(Files.readString(dir.resolve("plan.json")))
          .contains("\"events\": " + plan.events());
      assertThat(Files.readString(dir.resolve("README.md"))).contains("| cashback |");
    }
  }

  @Test
  void eventCount_landsWithinSixPercentOfTheRequest() {
    assertThat(market.plan.events()).isBetween(94_000L, 106_000L);
    assertThat(market.events).hasSize((int) market.plan.events());
  }

  @Test
  void everyEvent_roundTripsThroughTheContract() {
    EventParser parser = new EventParser();
    for (Event e : market.events) {
      assertThat(parser.parse(EventWriter.toLine(e))).isEqualTo(e);
    }
  }

  @Test
  void everyEventType_occurs() {
    for (EventType type : EventType.values()) {
      assertThat(market.plan.events(type)).as(type.wire()).isPositive();
    }
  }

  @Test
  void events_comeInTimeOrder_exceptAFewScansUploadedUpToTwoMinutesLate() {
    long max = Long.MIN_VALUE;
    long late = 0;
    long worst = 0;
    for (Event e : market.events) {
      if (e.ts() < max) {
        late++;
        worst = Math.max(worst, max - e.ts());
        assertThat(e.type()).isIn(EventType.LOGISTICS, EventType.LINK);
      }
      max = Math.max(max, e.ts());
    }
    assertThat(late).isPositive().isLessThan(market.events.size() / 50);
    assertThat(worst).isLessThanOrEqualTo(2 * Sim.MINUTE);
  }

  @Test
  void windowEvents_fallInsideTheWindow_andRegistrationsComeFirst() {
    long end = SmallMarket.SPEC.start() + SmallMarket.SPEC.days() * Sim.DAY;
    boolean inWindow = false;
    for (Event e : market.events) {
      assertThat(e.ts()).isLessThan(end);
      if (e.ts() >= SmallMarket.SPEC.start()) {
        inWindow = true;
      } else if (inWindow) {
        assertThat(e.ts()).isGreaterThan(SmallMarket.SPEC.start() - 2 * Sim.MINUTE);
      } else {
        assertThat(e.type()).isIn(EventType.ACCOUNT, EventType.LINK);
      }
    }
  }

  @Test
  void ids_areUniquePerEntityKind() {
    Map<EventType, Set<String>> seen = new HashMap<>();
    for (Event e : market.events) {
      String id =
          switch (e.type()) {
            case ORDER -> ((io.brushguard.event.Order) e).order();
            case REVIEW -> ((io.brushguard.event.Review) e).review();
            case PAYMENT -> ((io.brushguard.event.Payment) e).payment();
            case ACCOUNT -> ((io.brushguard.event.Account) e).account();
            case LIKE -> ((io.brushguard.event.Like) e).id();
            case LISTING -> ((io.brushguard.event.Listing) e).listing();
            default -> null;
          };
      if (id != null) {
        assertThat(seen.computeIfAbsent(e.type(), k -> new HashSet<>()).add(id)).as(id).isTrue();
      }
    }
  }

  @Test
  void labels_nameEntitiesOfTheEvents_eachOnce() {
    Set<String> seen = new HashSet<>();
    for (Truth t : market.labels) {
      assertThat(seen.add(SmallMarket.key(t.entity(), t.id()))).as("labelled twice: " + t).isTrue();
      boolean exists =
          switch (t.entity()) {
            case ORDER -> market.orders.containsKey(t.id());
            case REVIEW -> market.reviews.containsKey(t.id());
            case LIKE -> market.likes.contains(t.id());
            case ACCOUNT -> market.accounts.containsKey(t.id());
            case SHOP -> market.shops.contains(t.id());
            case PAYMENT -> market.payments.containsKey(t.id());
            case LISTING -> market.listings.containsKey(t.id());
          };
      assertThat(exists).as("no such entity in the events: " + t).isTrue();
    }
  }

  @Test
  void labels_lineFormat_isTheAgreedOne() {
    assertThat(new Truth(EntityKind.ORDER, "o1029", true, Tactic.CASHBACK, null, false).toJson())
        .isEqualTo(
            "{\"entity\":\"order\",\"id\":\"o1029\",\"fraud\":true,\"tactic\":\"cashback\"}");
    assertThat(new Truth(EntityKind.ACCOUNT, "u77", false, null, Trap.DORM, false).toJson())
        .isEqualTo("{\"entity\":\"account\",\"id\":\"u77\",\"fraud\":false,\"trap\":\"dorm\"}");
    assertThat(
            new Truth(EntityKind.SHOP, "s5", false, Tactic.REVERSE_BRUSHING, null, true).toJson())
        .isEqualTo(
            "{\"entity\":\"shop\",\"id\":\"s5\",\"fraud\":false,\"victim\":true,\"tactic\":\"reverse_brushing\"}");
  }

  @Test
  void planCounts_equalTheLabels() {
    Map<String, Long> counted = new HashMap<>();
    for (Truth t : market.labels) {
      String who = t.victim() ? "victim" : t.fraud() ? t.tactic().wire() : t.trap().wire();
      counted.merge(who + "/" + t.entity().wire(), 1L, Long::sum);
    }
    for (EntityKind k : EntityKind.values()) {
      for (Tactic t : Tactic.values()) {
        assertThat(market.plan.labelled(t, k))
            .as(t + "/" + k)
            .isEqualTo(counted.getOrDefault(t.wire() + "/" + k.wire(), 0L));
      }
      for (Trap t : Trap.values()) {
        assertThat(market.plan.labelled(t, k))
            .as(t + "/" + k)
            .isEqualTo(counted.getOrDefault(t.wire() + "/" + k.wire(), 0L));
      }
      assertThat(market.plan.victims(k)).isEqualTo(counted.getOrDefault("victim/" + k.wire(), 0L));
    }
  }
}
