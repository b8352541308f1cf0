package dev.drover.collector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of the log collector, under {@code drover.*}. */
@ConfigMapping(prefix = "drover")
public interface CollectorConfig {

    /** The collector itself. */
    Collector collector();

    /** The embedded file store. */
    Store store();

    /** Tencent COS for {@code cos://} paths. */
    Cos cos();

    /** Collector settings, {@code drover.collector.*}. */
    interface Collector {

        /** Directory holding streams not yet archived and the markers of archived ones. */
        @WithDefault("${user.home}/.drover/collector")
        Path spoolDir();

        /** Kafka consumer group; replicas share the partitions of {@code drover.logs}. */
        @WithDefault("drover-log-collector")
        String groupId();

        /** Most records taken from one poll; one batch is forced to disk once. */
        @WithDefault("500")
        int maxPollRecords();

        /** Most spool files kept open at once; the least recently written are closed first. */
        @WithDefault("256")
        int maxOpenFiles();

        /** Threads that force spool files and write objects in parallel (fsync is I/O bound). */
        @WithDefault("8")
        int ioThreads();

        /**
         * How long the marker of an archived stream is kept, so that a chunk redelivered late is
         * still recognised; also how long an abandoned spool file (no chunk for that long) stays.
         */
        @WithDefault("P7D")
        Duration retention();

        /** Whether the consumer starts with the application (tests start their own). */
        @WithDefault("true")
        boolean autoStart();
    }

    /** Store settings, {@code drover.store.*}. */
    interface Store {

        /** Root of the embedded file store ({@code cos://b/k} lives at {@code <root>/cos/b/k}). */
        @WithDefault("${user.home}/.drover/store")
        Path root();

        /**
         * Whether each archived object is forced to disk before it is announced. Off trades
         * durability across a power loss (not a process kill) for throughput on slow disks.
         */
        @WithDefault("true")
        boolean fsync();
    }

    /**
     * COS settings, {@code drover.cos.*}. The key pair comes from {@code TENCENTCLOUD_SECRET_ID}
     * and {@code TENCENTCLOUD_SECRET_KEY} ({@link TencentCloudCredentials}), never from here.
     */
    interface Cos {

        /** Whether {@code cos://} paths go to COS; off keeps them in the embedded file store. */
        @WithDefault("false")
        boolean enabled();

        /** Region of short-form paths ({@code cos://bucket-appid/key}), e.g. ap-guangzhou. */
        @WithDefault("ap-guangzhou")
        String region();

        /**
         * {@code host[:port]} every COS request connects to instead of resolving the bucket's host
         * name (a private endpoint or a test stand-in); unset resolves by DNS.
         */
        Optional<String> endpointAddress();

        /**
         * Host suffix buckets are addressed under ({@code <bucket>.<suffix>}) instead of {@code
         * cos.<region>.myqcloud.com}.
         */
        Optional<String> endpointSuffix();

        /** Whether to speak https (Tencent Cloud) or plain http (a loopback stand-in). */
        @WithDefault("true")
        boolean https();

        /** Logs at least this many bytes go up in parts. */
        @WithDefault("16777216")
        long multipartThreshold();

        /** Size of each part of a multipart upload (at least 1 MiB). */
        @WithDefault("8388608")
        long partSize();
    }
}
