package dev.drover.collector.spool;

import dev.drover.contract.EventCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one partial stream: a header holding the {@link StreamHeader} as JSON, then
 * one frame per accepted chunk in arrival order ({@code magic, seq, last, length, crc32c,
 * payload}). Frames are only appended, so a process killed mid-write leaves at most one torn frame
 * at the end, which {@link #recover} cuts off; its chunk was not yet committed in Kafka and comes
 * again.
 */
final class SpoolFile {

    private static final int FILE_MAGIC = 0x44525350; // "DRSP"
    private static final int FRAME_MAGIC = 0x4C4F4743; // "LOGC"
    private static final int FRAME_HEADER = 4 + 8 + 1 + 4 + 4;
    private static final int COPY_BUFFER = 64 * 1024;

    private SpoolFile() {}

    /** What a scan of an existing spool file found. */
    record Recovered(StreamHeader header, StreamProgress progress) {}

    /** Creates the file with its header and returns it open for appending. */
    static FileChannel create(Path file, StreamHeader header) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
        byte[] json = EventCodec.encode(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = ByteBuffer.allocate(8 + json.length);
        head.putInt(FILE_MAGIC).putInt(json.length).put(json).flip();
        writeFully(channel, head, 0);
        return channel;
    }

    /** Opens an existing file for appending after its last whole frame. */
    static FileChannel openForAppend(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /** Appends one frame at the end of the file. */
    static void append(FileChannel channel, long seq, boolean last, byte[] data)
            throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + data.length);
        frame.putInt(FRAME_MAGIC)
                .putLong(seq)
                .put((byte) (last ? 1 : 0))
                .putInt(data.length)
                .putInt(crc(seq, last, data, 0, data.length))
                .put(data)
                .flip();
        writeFully(channel, frame, channel.size());
    }

    /**
     * Reads a spool file back: its header and which chunks it holds. A torn or corrupt tail is
     * truncated. Returns null when even the header is incomplete (nothing durable was in it).
     */
    static Recovered recover(Path file) throws IOException {
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            StreamHeader header = readHeader(channel);
            if (header == null) {
                return null;
            }
            StreamProgress progress = new StreamProgress();
            long position = channel.position();
            FrameReader reader = new FrameReader(channel);
            while (reader.readAt(position, true)) {
                progress.accept(reader.seq, reader.last);
                position = reader.next;
            }
            if (position < channel.size()) {
                channel.truncate(position);
                channel.force(true);
            }
            return new Recovered(header, progress);
        }
    }

    /** Writes the payloads of chunks {@code 0..lastSeq} in sequence order to {@code out}. */
    static void copyInOrder(Path file, long lastSeq, boolean arrivedInOrder, OutputStream out)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (readHeader(channel) == null) {
                throw new IOException("spool file lost its header: " + file);
            }
            FrameReader reader = new FrameReader(channel);
            if (arrivedInOrder) {
                copySequential(reader, channel.position(), lastSeq, out);
            } else {
                copyIndexed(reader, channel.position(), lastSeq, out);
            }
        }
    }

    private static void copySequential(
            FrameReader reader, long start, long lastSeq, OutputStream out) throws IOException {
        long position = start;
        for (long seq = 0; seq <= lastSeq; seq++) {
            if (!reader.readAt(position, false) || reader.seq != seq) {
                throw new IOException("spool frame " + seq + " missing at " + position);
            }
            reader.copyPayload(out);
            position = reader.next;
        }
    }

    // Chunks came out of order: index where each seq sits (8 bytes per chunk, not per byte).
    private static void copyIndexed(FrameReader reader, long start, long lastSeq, OutputStream out)
            throws IOException {
        long[] offsets = new long[Math.toIntExact(lastSeq + 1)];
        java.util.Arrays.fill(offsets, -1);
        for (long position = start; reader.readAt(position, false); position = reader.next) {
            if (reader.seq <= lastSeq && offsets[(int) reader.seq] < 0) {
                offsets[(int) reader.seq] = position;
            }
        }
        for (int seq = 0; seq <= lastSeq; seq++) {
            if (offsets[seq] < 0 || !reader.readAt(offsets[seq], false)) {
                throw new IOException("spool frame " + seq + " missing");
            }
            reader.copyPayload(out);
        }
    }

    private static StreamHeader readHeader(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        if (!readFully(channel, head, 0) || head.getInt(0) != FILE_MAGIC) {
            return null;
        }
        int length = head.getInt(4);
        if (length <= 0 || length > 1 << 20 || channel.size() < 8L + length) {
            return null;
        }
        ByteBuffer json = ByteBuffer.allocate(length);
        readFully(channel, json, 8);
        channel.position(8L + length);
        return EventCodec.decode(
                new String(json.array(), StandardCharsets.UTF_8), StreamHeader.class);
    }

    private static int crc(long seq, boolean last, byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(9).putLong(seq).put((byte) (last ? 1 : 0)).flip());
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
            throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position)
            throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                return false;
            }
            position += n;
        }
        return true;
    }

    /** Reads one frame at a time; payloads go through a fixed buffer, never a whole stream. */
    private static final class FrameReader {
        private final FileChannel channel;
        private final ByteBuffer head = ByteBuffer.allocate(FRAME_HEADER);
        private final byte[] buffer = new byte[COPY_BUFFER];
        long seq;
        boolean last;
        int length;
        long next;
        private long payloadAt;
        private int crc;

        FrameReader(FileChannel channel) {
            this.channel = channel;
        }

        /** Reads the frame header at {@code position}; with {@code verify}, checks its CRC. */
        boolean readAt(long position, boolean verify) throws IOException {
            head.clear();
            if (!readFully(channel, head, position) || head.getInt(0) != FRAME_MAGIC) {
                return false;
            }
            seq = head.getLong(4);
            last = head.get(12) == 1;
            length = head.getInt(13);
            crc = head.getInt(17);
            payloadAt = position + FRAME_HEADER;
            next = payloadAt + length;
            if (seq < 0 || length < 0 || next > channel.size()) {
                return false;
            }
            return !verify || verifyCrc();
        }

        private boolean verifyCrc() throws IOException {
            CRC32C check = new CRC32C();
            check.update(ByteBuffer.allocate(9).putLong(seq).put((byte) (last ? 1 : 0)).flip());
            forEachPayloadSlice((bytes, n) -> check.update(bytes, 0, n));
            return (int) check.getValue() == crc;
        }

        void copyPayload(OutputStream out) throws IOException {
            forEachPayloadSlice((bytes, n) -> out.write(bytes, 0, n));
        }

        private void forEachPayloadSlice(Slice slice) throws IOException {
            long position = payloadAt;
            long left = length;
            while (left > 0) {
                ByteBuffer view = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, left));
                if (!readFully(channel, view, position)) {
                    throw new IOException("spool frame cut short at " + position);
                }
                slice.accept(buffer, view.position());
                position += view.position();
                left -= view.position();
            }
        }
    }

    @FunctionalInterface
    private interface Slice {
        void accept(byte[] bytes, int length) throws IOException;
    }
}
