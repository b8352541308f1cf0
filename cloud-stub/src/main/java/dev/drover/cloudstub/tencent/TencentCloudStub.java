package dev.drover.cloudstub.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Tencent Cloud API v3 endpoint for the CVM and TAT actions Drover uses, for tests only.
 * Requests are checked as Tencent checks them (TC3-HMAC-SHA256, known SecretId, five-minute clock
 * skew) and answered in Tencent's envelopes, always with HTTP 200 as Tencent does. Point the
 * official SDK at it with {@code HttpProfile.setEndpoint(stub.endpoint())} and {@code
 * setProtocol(HttpProfile.REQ_HTTP)}. The product is told by {@code X-TC-Version} (CVM 2017-03-12,
 * TAT 2020-10-28), since the SDK takes the signing scope's service from the endpoint's first label.
 */
public final class TencentCloudStub implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CVM_VERSION = "2017-03-12";
    private static final String TAT_VERSION = "2020-10-28";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Faults faults = new Faults();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> vmEnvironment = new ConcurrentHashMap<>();
    private final Cvm cvm;
    private final Tat tat;
    private final Path sandboxes;
    private volatile Duration clockOffset = Duration.ZERO;

    private TencentCloudStub(HttpServer server, Path sandboxes) {
        this.server = server;
        this.workers = Executors.newCachedThreadPool(daemon("tencent-stub"));
        this.sandboxes = sandboxes;
        this.cvm = new Cvm(faults, sandboxes, this::now);
        this.tat = new Tat(cvm, workers, this::now, vmEnvironment);
        cvm.onTerminate(tat::instanceTerminated);
        vmEnvironment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /**
     * Starts the endpoint on a free loopback port; each instance's sandbox goes under {@code dir}.
     */
    public static TencentCloudStub start(Path dir) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            TencentCloudStub stub = new TencentCloudStub(server, Files.createDirectories(dir));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("Tencent Cloud stub did not start", e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code HttpProfile.setEndpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accepts requests signed with this key pair. */
    public TencentCloudStub addAccount(String secretId, String secretKey) {
        secrets.put(secretId, secretKey);
        return this;
    }

    /** The faults to inject. */
    public Faults faults() {
        return faults;
    }

    /** Instances not yet gone (PENDING, RUNNING, TERMINATING), oldest first. */
    public List<StubVm> liveVms() {
        return cvm.liveVms();
    }

    /** How many times {@code action} was called with a valid signature. */
    public int calls(String action) {
        AtomicInteger count = calls.get(action);
        return count == null ? 0 : count.get();
    }

    /** An environment variable every TAT script sees (besides PATH and HOME). */
    public TencentCloudStub vmEnvironment(String name, String value) {
        vmEnvironment.put(name, value);
        return this;
    }

    /**
     * Gives every instance its own /tmp (a directory of its sandbox, mounted on /tmp for each of
     * its scripts), so that instances of one task writing the same /tmp path do not meet, as on
     * real machines. Needs util-linux unshare and unprivileged user namespaces; throws when
     * missing.
     */
    public TencentCloudStub privateTmp() {
        PrivateTmp.requireSupported(sandboxes);
        tat.privateTmp(true);
        return this;
    }

    /** Moves the stub's clock, e.g. past the five-minute signature window. */
    public TencentCloudStub clockOffset(Duration offset) {
        clockOffset = offset;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        cvm.liveVms().forEach(vm -> tat.instanceTerminated(vm.instanceId()));
        workers.shutdownNow();
    }

    Instant now() {
        return Instant.now().plus(clockOffset);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.requestId();
        ObjectNode body;
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            try {
                body = answer(exchange, request);
            } catch (ApiError e) {
                body = MAPPER.createObjectNode();
                body.putObject("Error").put("Code", e.code()).put("Message", e.getMessage());
            } catch (RuntimeException e) {
                // Tencent answers its own faults in the envelope too, never with a bare 5xx.
                body = MAPPER.createObjectNode();
                body.putObject("Error").put("Code", "InternalError").put("Message", e.toString());
            }
            body.put("RequestId", requestId);
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.set("Response", body);
            byte[] bytes = MAPPER.writeValueAsBytes(envelope);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-TC-RequestId", requestId);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private ObjectNode answer(HttpExchange exchange, byte[] request) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ApiError("UnsupportedProtocol", "Only POST with a JSON body is served.");
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(
                                        name.toLowerCase(Locale.ROOT),
                                        values.isEmpty() ? "" : values.get(0)));
        Tc3Signature.Signed signed = Tc3Signature.verify("POST", headers, request, secrets, now());
        String action = headers.getOrDefault("x-tc-action", "");
        calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
        faults.before(action);
        JsonNode json = parse(request);
        // By version, not by the credential scope: with an IP endpoint the SDK signs with the
        // scope service "127" (the endpoint's first label), which Tencent would refuse.
        String version = headers.getOrDefault("x-tc-version", "");
        return switch (version) {
            case CVM_VERSION -> cvm.call(action, json);
            case TAT_VERSION -> tat.call(action, json);
            default ->
                    throw new ApiError(
                            "InvalidParameterValue",
                            "X-TC-Version "
                                    + version
                                    + " is not served (service "
                                    + signed.service()
                                    + ").");
        };
    }

    private static JsonNode parse(byte[] request) {
        try {
            JsonNode node =
                    request.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request);
            if (!node.isObject()) {
                throw new ApiError("InvalidParameter", "The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new ApiError("InvalidParameter", "The body is not JSON.");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
