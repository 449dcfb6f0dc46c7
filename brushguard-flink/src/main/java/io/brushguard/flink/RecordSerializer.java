package io.brushguard.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer for one record class, by {@link RecordCodec}: the job's {@link Sequenced},
 * {@link NumberedEvent}, {@link Routed} and {@link Emitted}, with the events and facts they carry.
 * Records are immutable, so copies are the record itself.
 *
 * @param <T> the record class
 */
final class RecordSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient RecordCodec codec;

  RecordSerializer(Class<T> type) {
    this.type = type;
  }

  private RecordCodec codec() {
    if (codec == null) {
      // the loader of the job's own carrier class sees every class of the job jar, whichever
      // thread (task, async snapshot) first uses this serializer
      codec = new RecordCodec(type.getClassLoader());
    }
    return codec;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new RecordSerializer<>(type);
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public T copy(T from, T reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    codec().write(record, type, target);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    return type.cast(codec().read(type, source));
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSerializer<?> r && r.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type);
  }

  /** The record class; the same class restores as compatible. */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private Class<T> type;

    /** For Flink's reflective restore. */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = type;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
        throws IOException {
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, userCodeClassLoader);
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot load " + name, e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new RecordSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> oldSerializerSnapshot) {
      return oldSerializerSnapshot instanceof Snapshot<T> s && s.type == type
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
