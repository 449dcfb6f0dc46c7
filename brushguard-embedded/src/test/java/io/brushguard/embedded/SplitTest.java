package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages cut over two threads make exactly the calls they make on one: on a simulated market
 * with every detector, the update stream (every finding and shop standing, in order) is the same
 * for every place of the cut, and for a cut measured and moved again and again as the run goes.
 */
@Timeout(300)
class SplitTest {
  private static final BrushguardConfig CONFIG = BrushguardConfig.DEFAULT;
  private static List<Event> events;
  private static List<Long> lines;
  private static List<String> serial;

  @BeforeAll
  static void simulate(@TempDir Path dir) throws IOException {
    SimulationFiles.write(SimulationSpec.of(3, 50_000), dir, false);
    events = new ArrayList<>();
    lines = new ArrayList<>();
    try (InputStream in = EventReader.open(dir.resolve(SimulationFiles.eventsFileName(false)))) {
      new EventReader()
          .read(
              in,
              new EventReader.Sink() {
                @Override
                public void accept(Event event, long line) {
                  events.add(event);
                  lines.add(line);
                }

                @Override
                public void reject(Reject reject) {}
              });
    }
    serial = updates(Split.NONE, DetectorRegistry.standard(CONFIG), null);
  }

  @Test
  void everyPlaceOfTheCut_givesTheUpdateStreamOfOneThread() {
    assertThat(serial).hasSizeGreaterThan(200); // the market makes findings and shop lines
    int stages = DetectorRegistry.topology(CONFIG, DetectorRegistry.standard(CONFIG)).size();
    for (int at = 0; at <= stages; at++) {
      int[] cuts = new int[1];
      assertThat(updates(Split.at(5_000, at), DetectorRegistry.standard(CONFIG), cuts))
          .as("cut before stage %d of %d", at, stages)
          .containsExactlyElementsOf(serial);
      assertThat(cuts[0])
          .as("cut once (a cut past the output stages stops before them)")
          .isEqualTo(1);
    }
  }

  @Test
  void cutMeasuredAndMadeAgainWhileRunning_givesTheUpdateStreamOfOneThread() {
    int[] cuts = new int[1];
    assertThat(updates(new Split(1_000, -1, 3_000), DetectorRegistry.standard(CONFIG), cuts))
        .containsExactlyElementsOf(serial);
    // a window of 1,000 events every 3,000 of the 50,000 or so that stages read: the stage thread
    // is stopped and the stages cut again at the end of each (the place may be the same each time:
    // it follows the measured times)
    assertThat(cuts[0]).isGreaterThan(10);
  }

  @Test
  void stageThatThrowsOnTheStageThread_isReportedOnTheFeedingThread_andTheRunGoesOn() {
    List<Stage<?>> detection = new ArrayList<>(DetectorRegistry.standard(CONFIG));
    detection.add(new Throwing());
    Thread feeding = Thread.currentThread();
    List<String> failures = new ArrayList<>();
    long[] likes = {0};
    Pipeline.Listener listener =
        new Pipeline.Listener() {
          @Override
          public void admitted(Event event, long line) {
            likes[0] += event.type() == EventType.LIKE ? 1 : 0;
          }

          @Override
          public void detectorFailed(String stage, String key, Event event, RuntimeException e) {
            assertThat(Thread.currentThread()).isSameAs(feeding);
            failures.add(stage + " " + key);
          }
        };
    Pipeline pipeline = new Pipeline(CONFIG, detection, listener, Split.at(100, 0));
    feed(pipeline);
    assertThat(pipeline.cutAt()).isZero(); // every stage on the stage thread
    assertThat(likes[0]).isPositive();
    assertThat(failures).hasSize((int) likes[0]).allMatch(f -> f.equals("throwing k"));
    assertThat(pipeline.errors()).isEqualTo(likes[0]);
  }

  /**
   * The update stream of a pipeline; {@code cuts[0]} gets how many cuts it made (when not null).
   */
  private static List<String> updates(Split split, List<Stage<?>> detection, int[] cuts) {
    List<String> out = new ArrayList<>();
    Thread feeding = Thread.currentThread();
    Pipeline.Listener listener =
        new Pipeline.Listener() {
          @Override
          public void finding(Finding f) {
            assertThat(Thread.currentThread()).isSameAs(feeding);
            out.add(f.toString());
          }

          @Override
          public void shop(ShopStanding s) {
            assertThat(Thread.currentThread()).isSameAs(feeding);
            out.add(s.toString());
          }
        };
    Pipeline pipeline = new Pipeline(CONFIG, detection, listener, split);
    feed(pipeline);
    if (cuts != null) {
      cuts[0] = pipeline.cuts();
    }
    return out;
  }

  private static void feed(Pipeline pipeline) {
    for (int i = 0; i < events.size(); i++) {
      pipeline.accept(events.get(i), lines.get(i));
    }
    pipeline.finish();
  }

  /** Fails on every like. */
  private static final class Throwing implements Stage<int[]> {
    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.LIKE);
    }

    @Override
    public String keyOf(Event event) {
      return "k";
    }

    @Override
    public int[] newState() {
      return new int[1];
    }

    @Override
    public void onEvent(int[] state, Event event, Context context) {
      throw new IllegalStateException("no likes here");
    }

    @Override
    public boolean isEmpty(int[] state) {
      return true;
    }
  }
}
