package io.brushguard.flink;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.findings.Summary;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.Reject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
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
 * The Flink job: the embedded scan's dataflow on Flink, with the same core code at every step.
 *
 * <pre>
 * FileSource ─► parse ─► restore order ─► admit in time ─► watermarks ─► route events ─► keyBy ─► stage 1 ─┐
 *  (lines, seq)  rejects◄┘  (by seq)         late◄┘       (periodic,     (all stages,              │ facts
 *                                                          max - bound - 1) side outputs) ─► keyBy ─► stage k ◄─ route facts
 *                                                                                 … ─► output lines ─► findings
 * </pre>
 *
 * <p>The source, the order buffer, the lateness rule and the watermarks run with parallelism 1,
 * because lateness is defined over the input's order; parsing, routing and every stage run with the
 * job's parallelism (at parallelism 1 the front is one chain, with no serialization). One keyed
 * operator per stage of the {@link Topology} ({@code DetectorRegistry.topology}), all of them the
 * generic {@link StageFunction}; each edge of the topology is a {@link RouteFacts} and a {@code
 * keyBy}. Inputs carry their {@link io.brushguard.flow.Stamp}, so a stage key sees them in the
 * embedded runtime's order whatever the parallelism and arrival order. Every record between
 * operators has a typed serializer ({@link Serializers}). Operator ids are stable ({@code
 * stage-<name>}), so savepoints map state to the same stage.
 *
 * <p>Output: a directory of finding and shop lines ({@code <writer start>/findings-*.jsonl}),
 * committed at each checkpoint. It is an update stream: a line is written whenever an entity's
 * finding or a shop's standing changes, and the latest line per entity and per shop is the current
 * one ({@link CurrentFindings} folds it).
 */
public final class FindingsJob {
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
    if (args.checkpointDir() != null) {
      env.configure(
          new Configuration()
              .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, args.checkpointDir()));
    }
    if (args.parallelism() > 0) {
      env.setParallelism(args.parallelism());
    }
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
    DataStream<Line> lines =
        env.fromSource(
                FileSource.forRecordStreamFormat(format, input).build(),
                WatermarkStrategy.noWatermarks(),
                "read events")
            .uid("read-events")
            .setParallelism(1);
    boolean parallel = env.getParallelism() > 1;
    SingleOutputStreamOperator<Sequenced> parsed =
        (parallel ? lines.rebalance() : lines)
            .process(new ParseLines())
            .returns(Serializers.SEQUENCED)
            .uid("parse-lines")
            .name("parse lines");
    SingleOutputStreamOperator<NumberedEvent> admitted =
        parsed
            .transform("restore input order", Serializers.NUMBERED_EVENT, new RestoreOrder())
            .uid("restore-order")
            .setParallelism(1)
            .transform(
                "admit in time",
                Serializers.NUMBERED_EVENT,
                new AdmitInTime(bound, config.aheadMillis()))
            .uid("admit-in-time")
            .setParallelism(1);
    DataStream<NumberedEvent> timed =
        admitted
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<NumberedEvent>forGenerator(ctx -> new LatenessWatermarks(bound))
                    .withTimestampAssigner((e, previous) -> e.event().ts()))
            .uid("watermarks")
            .name("watermarks")
            .setParallelism(1);

    Topology topology = settings.topology();
    List<String> names = new ArrayList<>();
    topology.stages().forEach(s -> names.add(s.name()));
    SingleOutputStreamOperator<Routed> routed =
        (parallel ? timed.rebalance() : timed)
            .process(new RouteEvents(settings, names))
            .returns(Serializers.ROUTED)
            .uid("route-events")
            .name("route events");
    List<DataStream<Emitted>> emitted = new ArrayList<>();
    List<DataStream<Emitted>> outputs = new ArrayList<>();
    for (int i = 0; i < topology.size(); i++) {
      Stage<?> stage = topology.stage(i);
      String name = stage.name();
      List<DataStream<Routed>> inputs = new ArrayList<>();
      if (!stage.wiring().events().isEmpty()) {
        inputs.add(routed.getSideOutput(RouteEvents.to(i, name)));
      }
      for (int p = 0; p < i; p++) {
        Stage<?> producer = topology.stage(p);
        if (producer.wiring().produces().stream().anyMatch(stage.wiring().consumes()::contains)) {
          inputs.add(
              emitted
                  .get(p)
                  .process(new RouteFacts(settings, i, name))
                  .returns(Serializers.ROUTED)
                  .uid("route-" + producer.name() + "-to-" + name)
                  .name("route " + producer.name() + " to " + name));
        }
      }
      DataStream<Routed> in = inputs.get(0);
      for (int k = 1; k < inputs.size(); k++) {
        in = in.union(inputs.get(k));
      }
      DataStream<Emitted> out =
          in.keyBy(Routed::key)
              .process(new StageFunction<>(settings, i, name))
              .returns(Serializers.EMITTED)
              .uid("stage-" + name)
              .name("stage " + name);
      emitted.add(out);
      if (stage.wiring().produces().stream().anyMatch(topology::isOutput)) {
        outputs.add(out);
      }
    }
    DataStream<Emitted> collected = outputs.get(0);
    for (int k = 1; k < outputs.size(); k++) {
      collected = collected.union(outputs.get(k));
    }
    DataStream<String> findings =
        collected
            .process(new OutputLines())
            .returns(Types.STRING)
            .uid("output-lines")
            .name("output lines");
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
