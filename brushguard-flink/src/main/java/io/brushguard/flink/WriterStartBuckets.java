package io.brushguard.flink;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts each file writer's output in a directory named after the time the writer started (epoch
 * milliseconds, 13 digits, so names sort by time). A job restarted from a checkpoint or savepoint
 * gets new writers whose files start in later directories, while Flink's own part-file names
 * restart from a fresh id and counter; the directory order keeps an entity's finding lines in the
 * order they were written across restarts ({@link CurrentFindings}).
 */
final class WriterStartBuckets implements BucketAssigner<String, String> {
  private static final long serialVersionUID = 1L;

  private transient String bucket;

  @Override
  public String getBucketId(String element, Context context) {
    if (bucket == null) {
      bucket = String.format("%013d", context.currentProcessingTime());
    }
    return bucket;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
