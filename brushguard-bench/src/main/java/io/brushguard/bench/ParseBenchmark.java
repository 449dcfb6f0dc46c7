package io.brushguard.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.brushguard.event.Event;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and validate speed of {@link EventParser} on one thread: ops/s is lines/s. The lines come
 * from {@link MarketGenerator} (views, searches, orders, payments, reviews with Chinese text,
 * likes, logins, logistics, a trace of the rest; ISO and epoch timestamps), either the whole mix or
 * one type. {@code read} adds {@link EventReader}'s line splitting over the same bytes.
 *
 * <p>{@code jacksonCoreTokens} is the floor of a jackson-core event parser: it only walks each line
 * with jackson-core's streaming parser (duplicate detection on, as the contract needs) and
 * materialises every top-level value, building no event and checking no field. When it is slower
 * than {@code parse}, which does all of that, our {@code JsonLine} stays (docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class ParseBenchmark {
  static final int LINES = 10_000;

  /** {@code mixed}, or one event type: {@code order}, {@code view}, {@code review}. */
  @Param({"mixed", "order", "view", "review"})
  public String mix;

  private byte[] buf;
  private int[] starts;
  private int[] ends;
  private final EventParser parser = new EventParser();
  private final JsonFactory jackson =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Setup
  public void setUp() {
    MarketGenerator g = new MarketGenerator(MarketGenerator.Config.of(LINES * 50L));
    String prefix = "{\"type\":\"" + mix + "\"";
    ByteArrayOutputStream out = new ByteArrayOutputStream(LINES * 200);
    starts = new int[LINES];
    ends = new int[LINES];
    StringBuilder sb = new StringBuilder(512);
    int n = 0;
    while (n < LINES) {
      sb.setLength(0);
      g.next(sb);
      String line = sb.toString();
      if (mix.equals("mixed") || line.startsWith(prefix)) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try {
          parser.parse(b, 0, b.length);
        } catch (RuntimeException e) {
          continue; // the generator's rare malformed line
        }
        starts[n] = out.size();
        out.write(b, 0, b.length);
        ends[n] = out.size();
        out.write('\n');
        n++;
      }
    }
    buf = out.toByteArray();
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void parse(Blackhole bh) {
    for (int i = 0; i < LINES; i++) {
      bh.consume(parser.parse(buf, starts[i], ends[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void jacksonCoreTokens(Blackhole bh) throws IOException {
    for (int i = 0; i < LINES; i++) {
      try (JsonParser p = jackson.createParser(buf, starts[i], ends[i] - starts[i])) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new AssertionError("line " + i);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          bh.consume(p.currentName());
          switch (p.nextToken()) {
            case VALUE_STRING -> bh.consume(p.getText());
            case VALUE_NUMBER_INT -> bh.consume(p.getLongValue());
            case START_ARRAY, START_OBJECT -> p.skipChildren();
            default -> bh.consume(p.currentToken());
          }
        }
        if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
          throw new AssertionError("line " + i);
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void read(Blackhole bh) {
    new EventReader()
        .read(
            new ByteArrayInputStream(buf),
            new EventReader.Sink() {
              @Override
              public void accept(Event event, long line) {
                bh.consume(event);
              }

              @Override
              public void reject(Reject reject) {
                throw new AssertionError(reject.message());
              }
            });
  }
}
