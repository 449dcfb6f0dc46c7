package io.brushguard.flink;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Detector;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.findings.Summary;
import io.brushguard.ingest.Reject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The Flink job: the embedded scan's pipeline on Flink, with the same core code at every step.
 *
 * <pre>
 * FileSource ─► parse ─► admit in time ─► watermarks ─┬► key(d1) ─► keyBy ─► detect(d1) ─┐
 *  (lines)   rejects◄┘        late◄┘   (max - bound - 1) └► key(dN) ─► keyBy ─► detect(dN) ─┴► keyBy entity ─► decide ─► findings
 * </pre>
 *
 * <p>Everything up to the keying runs with parallelism 1, because lateness and the order of events
 * with equal times are defined over the input's order; detectors and decisions run with the job's
 * parallelism. One operator per detector of {@link DetectorFactory}, all of them the generic {@link
 * DetectorFunction}: adding a detector to {@code DetectorRegistry.standard} adds it here. Operator
 * ids are stable ({@code detect-<name>}), so savepoints map state to the same detector.
 *
 * <p>Output: a directory of finding lines ({@code <writer start>/findings-*.jsonl}), committed at
 * each checkpoint. It is an update stream: a line is written whenever an entity's finding changes,
 * and the latest line per entity is its current finding ({@link CurrentFindings} folds it).
 */
public final class FindingsJob {
  static final TypeInformation<Event> EVENT = new GenericTypeInfo<>(Event.class);

  private FindingsJob() {}

  /** The job's outputs before they are written. */
  record Streams(DataStream<String> findings, DataStream<Reject> rejects) {}

  public static void main(String[] args) throws Exception {
    JobArgs parsed;
    try {
      parsed = JobArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("brushguard-flink: " + e.getMessage());
      System.exit(2);
      return;
    }
    Summary summary =
        run(
            StreamExecutionEnvironment.getExecutionEnvironment(),
            parsed,
            DetectorFactory.standard());
    if (summary != null) {
      System.out.println(FindingsFormat.summary(summary));
    }
  }

  /**
   * Builds the job with its sinks and runs it.
   *
   * @return the counts, or null when the job was submitted detached (no result to wait for)
   */
  static Summary run(StreamExecutionEnvironment env, JobArgs args, DetectorFactory detectors)
      throws Exception {
    prepare(env, args, detectors, new JsonLinesFormat());
    long started = System.nanoTime();
    JobExecutionResult result = env.execute("brushguard findings");
    if (!result.isJobExecutionResult()) {
      return null;
    }
    return summary(result, (System.nanoTime() - started) / 1e9);
  }

  /** Adds the whole job, sinks included, to {@code env}, reading lines with {@code format}. */
  static void prepare(
      StreamExecutionEnvironment env,
      JobArgs args,
      DetectorFactory detectors,
      StreamFormat<Line> format)
      throws IOException {
    JobSettings settings = JobSettings.of(args.config(), args.lateness(), detectors);
    env.enableCheckpointing(args.checkpointInterval().toMillis());
    // Safe: events, lines, signals and rejects are immutable records and no function changes its
    // input; saves a deep copy of every event between chained operators (about 25 % of the time).
    env.getConfig().enableObjectReuse();
    Streams streams = build(env, format, new Path(args.in()), settings);
    streams
        .findings()
        .sinkTo(lines(args.out(), "findings"))
        .uid("write-findings")
        .name("write findings");
    if (args.rejects() != null) {
      streams
          .rejects()
          .map(RejectLines::line)
          .returns(Types.STRING)
          .uid("format-rejects")
          .name("format rejects")
          .setParallelism(1)
          .sinkTo(lines(args.rejects(), "rejects"))
          .uid("write-rejects")
          .name("write rejects")
          .setParallelism(1);
    }
  }

  /** The counts of a finished job (finding lines written stand in for findings). */
  static Summary summary(JobExecutionResult result, double seconds) {
    return new Summary(
        count(result, Counters.EVENTS),
        count(result, Counters.REJECTED),
        count(result, Counters.LATE),
        seconds,
        count(result, Counters.FINDING_UPDATES),
        0,
        count(result, Counters.DETECTOR_ERRORS));
  }

  /**
   * Wires source (lines framed by {@code format}), parsing, lateness, every detector and the
   * decisions; sinks are the caller's.
   */
  static Streams build(
      StreamExecutionEnvironment env, StreamFormat<Line> format, Path input, JobSettings settings) {
    BrushguardConfig config = settings.config();
    long bound = config.latenessMillis();
    SingleOutputStreamOperator<NumberedEvent> parsed =
        env.fromSource(
                FileSource.forRecordStreamFormat(format, input).build(),
                WatermarkStrategy.noWatermarks(),
                "read events")
            .uid("read-events")
            .setParallelism(1)
            .process(new ParseLines())
            .uid("parse-lines")
            .name("parse lines")
            .setParallelism(1);
    SingleOutputStreamOperator<NumberedEvent> admitted =
        parsed
            .transform(
                "admit in time",
                TypeInformation.of(NumberedEvent.class),
                new AdmitInTime(bound, config.aheadMillis()))
            .uid("admit-in-time")
            .setParallelism(1);
    DataStream<Event> timed =
        admitted
            .map(NumberedEvent::event)
            .returns(EVENT)
            .uid("admitted-events")
            .name("admitted events")
            .setParallelism(1)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forGenerator(ctx -> new LatenessWatermarks(bound))
                    .withTimestampAssigner((e, previous) -> e.ts()))
            .uid("watermarks")
            .name("watermarks")
            .setParallelism(1);

    List<Detector<?>> detectors = settings.detectors();
    if (detectors.isEmpty()) {
      throw new IllegalArgumentException("no detectors to run");
    }
    DataStream<Signal> signals = null;
    for (int i = 0; i < detectors.size(); i++) {
      String name = detectors.get(i).name();
      DataStream<Signal> out =
          timed
              .process(new KeyEvents(settings, i, name))
              .returns(TypeInformation.of(KeyedEvent.class))
              .uid("key-" + name)
              .name("key " + name)
              .setParallelism(1) // keeps each key's events in input order
              .keyBy(KeyedEvent::key)
              .process(new DetectorFunction<>(settings, i, name))
              .returns(TypeInformation.of(Signal.class))
              .uid("detect-" + name)
              .name("detect " + name);
      signals = signals == null ? out : signals.union(out);
    }
    DataStream<String> findings =
        signals
            .keyBy(DecideFunction::entityKey)
            .process(new DecideFunction(settings))
            .returns(Types.STRING)
            .uid("decide")
            .name("decide");
    DataStream<Reject> rejects =
        parsed.getSideOutput(ParseLines.REJECTS).union(admitted.getSideOutput(AdmitInTime.REFUSED));
    return new Streams(findings, rejects);
  }

  /**
   * A directory of JSON Lines part files, committed at each checkpoint and at the end, one
   * subdirectory per writer start ({@link WriterStartBuckets}).
   */
  static FileSink<String> lines(String dir, String prefix) {
    return FileSink.forRowFormat(
            new Path(dir), new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
        .withBucketAssigner(new WriterStartBuckets())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(".jsonl").build())
        .build();
  }

  private static long count(JobExecutionResult result, String name) {
    Long n = result.getAccumulatorResult(name);
    return n == null ? 0 : n;
  }
}
