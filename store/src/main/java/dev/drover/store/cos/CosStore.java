package dev.drover.store.cos;

import com.qcloud.cos.http.HttpMethodName;
import com.qcloud.cos.model.COSObjectSummary;
import com.qcloud.cos.model.GetObjectRequest;
import com.qcloud.cos.model.ListObjectsRequest;
import com.qcloud.cos.model.ObjectListing;
import com.qcloud.cos.transfer.Transfer;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.Hashing;
import dev.drover.store.HashingOutput;
import dev.drover.store.ObjectInfo;
import dev.drover.store.ObjectStore;
import dev.drover.store.PutResult;
import dev.drover.store.RelativeKeys;
import dev.drover.store.file.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Tencent COS through cos_api. Long-form paths ({@code cos://b-appid.cos.<region>.myqcloud.com/k})
 * use their own region, short-form paths ({@code cos://b-appid/k}) the configured default. Large
 * objects go up in parts (cos_api's TransferManager, above {@link CosConfig#multipartThreshold}).
 * Downloads land in a temporary sibling and are renamed, like the file store's writes.
 */
public final class CosStore implements ObjectStore, AutoCloseable {

    private static final int LIST_PAGE = 1000;

    private final CosConfig config;
    private final CosClients clients;

    public CosStore(CosConfig config) {
        this.config = config;
        this.clients = new CosClients(config);
    }

    /** The configuration, with the secret masked in its toString. */
    public CosConfig config() {
        return config;
    }

    @Override
    public PutResult put(RemotePath object, Path localFile) throws IOException {
        Hashing hashing;
        try (InputStream in = Files.newInputStream(localFile)) {
            hashing = new Hashing(in);
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        upload(object, localFile);
        return new PutResult(uri(object), hashing.count(), hashing.sha256Hex());
    }

    @Override
    public PutResult put(RemotePath object, InputStream content) throws IOException {
        // COS wants the length before the first byte; spooling also lets a failed part be re-sent.
        Files.createDirectories(config.spoolDir());
        Path spool = Files.createTempFile(config.spoolDir(), ".drover-cos-", ".spool");
        try {
            Hashing hashing = new Hashing(content);
            Files.copy(hashing, spool, StandardCopyOption.REPLACE_EXISTING);
            upload(object, spool);
            return new PutResult(uri(object), hashing.count(), hashing.sha256Hex());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public PutResult write(RemotePath object, ContentWriter content) throws IOException {
        Files.createDirectories(config.spoolDir());
        Path spool = Files.createTempFile(config.spoolDir(), ".drover-cos-", ".spool");
        try {
            HashingOutput hashing;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool))) {
                hashing = new HashingOutput(out);
                content.writeTo(hashing);
                hashing.flush();
            }
            upload(object, spool);
            return new PutResult(uri(object), hashing.count(), hashing.sha256Hex());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void upload(RemotePath object, Path file) throws IOException {
        Location at = Location.of(object, config);
        try {
            await(clients.transfers(at.region()).upload(at.bucket(), at.key(), file.toFile()));
        } catch (RuntimeException e) {
            throw CosErrors.translate(object, e);
        }
    }

    @Override
    public void get(RemotePath object, Path localFile) throws IOException {
        Location at = Location.of(object, config);
        Path target = localFile.toAbsolutePath();
        Path temp = AtomicFiles.temporarySibling(target);
        try {
            GetObjectRequest request = new GetObjectRequest(at.bucket(), at.key());
            await(clients.transfers(at.region()).download(request, temp.toFile()));
            new AtomicFiles(false).publish(temp, target);
        } catch (RuntimeException e) {
            throw CosErrors.translate(object, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(RemotePath object) throws IOException {
        Location at = Location.of(object, config);
        try {
            return clients.client(at.region()).getObject(at.bucket(), at.key()).getObjectContent();
        } catch (RuntimeException e) {
            throw CosErrors.translate(object, e);
        }
    }

    @Override
    public List<ObjectInfo> list(RemotePath prefix) throws IOException {
        String dirKey = RelativeKeys.directoryKey(prefix);
        RemotePath dir = new RemotePath(prefix.scheme(), prefix.bucket(), prefix.region(), dirKey);
        Location at = Location.of(dir, config);
        List<ObjectInfo> objects = new ArrayList<>();
        String marker = null;
        try {
            ObjectListing page;
            do {
                page =
                        clients.client(at.region())
                                .listObjects(
                                        new ListObjectsRequest(
                                                at.bucket(), dirKey, marker, null, LIST_PAGE));
                for (COSObjectSummary summary : page.getObjectSummaries()) {
                    String relative = summary.getKey().substring(dirKey.length());
                    // "dir/" placeholder objects the console creates are not files.
                    if (!relative.isEmpty() && !relative.endsWith("/")) {
                        objects.add(
                                new ObjectInfo(dir.resolve(relative), relative, summary.getSize()));
                    }
                    marker = summary.getKey();
                }
                // Without a delimiter S3-style servers may omit NextMarker: the last key serves.
                if (page.getNextMarker() != null && !page.getNextMarker().isEmpty()) {
                    marker = page.getNextMarker();
                }
            } while (page.isTruncated());
        } catch (RuntimeException e) {
            throw CosErrors.translate(dir, e);
        }
        return objects;
    }

    @Override
    public boolean exists(RemotePath object) throws IOException {
        if (object.isDirectory()) {
            return !list(object).isEmpty();
        }
        Location at = Location.of(object, config);
        try {
            return clients.client(at.region()).doesObjectExist(at.bucket(), at.key());
        } catch (RuntimeException e) {
            throw CosErrors.translate(object, e);
        }
    }

    @Override
    public long size(RemotePath object) throws IOException {
        Location at = Location.of(object, config);
        try {
            return clients.client(at.region())
                    .getObjectMetadata(at.bucket(), at.key())
                    .getContentLength();
        } catch (RuntimeException e) {
            throw CosErrors.translate(object, e);
        }
    }

    /**
     * A URL that lets its holder GET (or PUT) {@code object} without a key pair until {@code
     * validity} has passed: how a CVM instance without credentials moves a task's files. The URL
     * carries a signature, never the SecretKey; still, treat it as a secret until it expires.
     */
    public URL presign(RemotePath object, boolean put, Duration validity) {
        Location at = Location.of(object, config);
        Date expires = new Date(System.currentTimeMillis() + validity.toMillis());
        return clients.client(at.region())
                .generatePresignedUrl(
                        at.bucket(),
                        at.key(),
                        expires,
                        put ? HttpMethodName.PUT : HttpMethodName.GET);
    }

    /** The long form, naming the region, so a reader elsewhere needs no default region. */
    @Override
    public String uri(RemotePath object) {
        Location at = Location.of(object, config);
        return "cos://" + at.bucket() + ".cos." + at.region() + ".myqcloud.com/" + at.key();
    }

    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "CosStore[" + config + "]";
    }

    private static void await(Transfer transfer) throws IOException {
        try {
            transfer.waitForCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during COS transfer");
        }
    }

    /** Where a path points in COS. */
    private record Location(String bucket, String region, String key) {
        static Location of(RemotePath path, CosConfig config) {
            if (path.scheme() != RemotePath.Scheme.COS) {
                throw new IllegalArgumentException("not a cos:// path: " + path);
            }
            String region = path.region() == null ? config.defaultRegion() : path.region();
            return new Location(path.bucket(), region, path.key());
        }
    }
}
