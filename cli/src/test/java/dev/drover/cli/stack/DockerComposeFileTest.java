package dev.drover.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drover.contract.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its content is checked against what
 * {@code drover up} does: the same services, ports and configuration keys.
 */
class DockerComposeFileTest {

    private static final Path FILE = Repo.locate(null).resolve("docker-compose.yml");
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        // SnakeYAML (the parser under Jackson's YAML module) resolves the file's anchors and
        // aliases, which Jackson's streaming parser leaves unresolved.
        try (Reader in = Files.newBufferedReader(FILE)) {
            Object tree = new Yaml().load(in);
            compose = new ObjectMapper(new YAMLFactory()).valueToTree(tree);
        }
    }

    @Test
    void runsKafkaInKraftModeAndPostgresWithBothDatabases() {
        JsonNode kafka = compose.at("/services/kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(kafka.at("/environment/KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
        assertThat(compose.at("/services/postgres/image").asText()).startsWith("postgres:");
        String init = compose.at("/configs/postgres-init/content").asText();
        assertThat(init)
                .contains("CREATE DATABASE drover_jobs", "CREATE DATABASE drover_scheduler");
    }

    @Test
    void createsEveryTopicOfTheContract() {
        String script = compose.at("/services/kafka-topics/entrypoint").toString();
        assertThat(script).contains(Topics.ALL).contains("--partitions 8");
    }

    @Test
    void everyServiceHasItsImageBuildAndPort() {
        for (Service service : Service.defaults()) {
            JsonNode s = compose.at("/services/" + service.name());
            assertThat(s.path("image").asText())
                    .isEqualTo("drover/" + service.name() + ":0.1.0-SNAPSHOT");
            assertThat(s.at("/build/args/SERVICE").asText()).isEqualTo(service.name());
            assertThat(s.at("/build/context").asText()).isEqualTo(".");
            assertThat(s.at("/build/dockerfile_inline").asText())
                    .contains("COPY ${SERVICE}/target/quarkus-app/");
            assertThat(texts(s.path("ports")))
                    .containsExactly(service.port() + ":" + service.port());
            assertThat(s.at("/environment/QUARKUS_HTTP_PORT").asText())
                    .isEqualTo(String.valueOf(service.port()));
        }
    }

    @Test
    void everyServiceGetsTheKeysDroverUpPasses() {
        StackHome home = new StackHome(Path.of("/home"));
        for (Service service : Service.defaults()) {
            Map<String, String> config =
                    ServiceConfig.of(service, home, "kafka:9092", new FixedDatabase());
            JsonNode environment = compose.at("/services/" + service.name() + "/environment");
            List<String> expected = config.keySet().stream().map(ServiceConfig::envName).toList();
            assertThat(fieldNames(environment)).containsExactlyInAnyOrderElementsOf(expected);
            if (service.database() != null) {
                assertThat(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                        .endsWith("/" + service.database());
            }
        }
    }

    @Test
    void servicesStartAfterTopicsAndDatabaseAndShareTheStore() {
        for (Service service : Service.defaults()) {
            JsonNode dependsOn = compose.at("/services/" + service.name() + "/depends_on");
            assertThat(dependsOn.at("/kafka-topics/condition").asText())
                    .isEqualTo("service_completed_successfully");
            assertThat(dependsOn.at("/postgres/condition").asText()).isEqualTo("service_healthy");
        }
        for (String name : List.of("job-service", "provisioner-service", "log-collector")) {
            assertThat(texts(compose.at("/services/" + name + "/volumes")))
                    .contains("store:/var/lib/drover/store");
        }
    }

    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        if (!dockerComposeAvailable()) {
            // No compose plugin on this machine: the structural checks above stand alone.
            return;
        }
        Process config =
                new ProcessBuilder("docker", "compose", "-f", FILE.toString(), "config", "--quiet")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor()).as(output).isZero();
    }

    private static boolean dockerComposeAvailable() {
        try {
            Process version =
                    new ProcessBuilder("docker", "compose", "version")
                            .redirectErrorStream(true)
                            .start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final class FixedDatabase implements ServiceConfig.Database {
        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://postgres:5432/" + database;
        }

        @Override
        public String reactiveUrl(String database) {
            return "postgresql://postgres:5432/" + database;
        }

        @Override
        public String username() {
            return "postgres";
        }

        @Override
        public String password() {
            return "postgres";
        }
    }
}
